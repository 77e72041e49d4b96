// The drizzle handle over D1. Only modules under worker/db/ may use it (a test enforces this):
// tenant data goes through tenant-gateway.ts, account data through the account modules.
import { drizzle, type DrizzleD1Database } from "drizzle-orm/d1";
import * as schema from "./schema";

export type Database = DrizzleD1Database<typeof schema>;

/** Wraps the D1 binding; cheap enough to call per request. */
export function database(d1: D1Database): Database {
  return drizzle(d1, { schema });
}
