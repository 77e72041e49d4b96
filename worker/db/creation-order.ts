// Lists in the order their rows were made. The id breaks ties between rows made in the same
// millisecond, so the order is total and paging by offset neither repeats nor skips a row.
import { asc, desc } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** A table with the two columns every creation order reads. */
type MadeAt = { createdAt: AnySQLiteColumn; id: AnySQLiteColumn };

/** `orderBy` for the oldest row first, as exports and settings lists show them. */
export const oldestFirst = (table: MadeAt) => [asc(table.createdAt), asc(table.id)];

/** `orderBy` for the newest row first, as the dashboard's paged lists show them. */
export const newestFirst = (table: MadeAt) => [desc(table.createdAt), desc(table.id)];
