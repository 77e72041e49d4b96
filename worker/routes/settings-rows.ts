// What a settings screen lists whole (API keys, webhooks, bridges): every row the workspace has, oldest
// first, ties broken by id so the order never changes between two reads.
import type { Context } from "hono";
import { oldestFirst } from "../db/creation-order";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";

/** The tables a settings screen lists whole. */
type SettingsTable = "apiKeys" | "webhookEndpoints" | "bridges";

/** Every row of `table` in the caller's workspace, oldest first. */
export function settingsRows<N extends SettingsTable>(
  c: Context<AppEnv>,
  table: N,
): Promise<TenantRow<N>[]> {
  return forPrincipal(c.env.DB, c.get("principal")).list(table, { orderBy: oldestFirst });
}
