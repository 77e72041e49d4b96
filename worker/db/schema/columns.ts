// Columns every table writes the same way. Times are Unix milliseconds.
import { sql } from "drizzle-orm";
import { integer } from "drizzle-orm/sqlite-core";

export const createdAt = () =>
  integer("created_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
export const updatedAt = () =>
  integer("updated_at")
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
