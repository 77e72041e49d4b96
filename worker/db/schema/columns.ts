// Columns every table writes the same way. Times are Unix milliseconds.
import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** A required time column named `name` that D1 sets to the moment the row is inserted. */
export const insertedAt = <TName extends string>(name: TName) =>
  integer(name)
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const createdAt = () => insertedAt("created_at");
export const updatedAt = () => insertedAt("updated_at");

/** `created_at` and `updated_at`, both set when the row is inserted. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** The end user (contact) a row is about; required. */
export const contactId = () => text("contact_id").notNull();

/** The member (user id) who made the row; null when the platform made it. */
export const createdBy = () => text("created_by");

/** A required `status`, one of `values`, that starts as `initial`. */
export const status = <const Values extends readonly [string, ...string[]]>(
  values: Values,
  initial: Values[number],
) => text("status", { enum: values }).notNull().default(initial);
