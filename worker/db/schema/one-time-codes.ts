// The shape of a table of short-lived, single-use codes that act for one contact (linking their
// channels, signing a device in to the app): stored only as a hash of tenant and code.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { contactId, createdAt } from "./columns";
import { tenantId } from "./tenants";

/** A code table named `name`, looked up by `code_hash` and swept by tenant and contact. */
export function oneTimeCodeTable<TName extends string>(name: TName) {
  return sqliteTable(
    name,
    {
      codeHash: text("code_hash").primaryKey(),
      tenantId: tenantId(),
      contactId: contactId(),
      expiresAt: integer("expires_at").notNull(),
      createdAt: createdAt(),
    },
    (t) => [index(`${name}_tenant_contact`).on(t.tenantId, t.contactId)],
  );
}
