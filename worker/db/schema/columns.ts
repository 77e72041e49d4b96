// Columns every table writes the same way. Times are Unix milliseconds.
import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

export const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
export const updatedAt = () =>
  integer("updated_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

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
