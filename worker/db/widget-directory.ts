// Finds a widget by its public key across all tenants: the one lookup that must precede knowing the
// tenant (a visitor's browser knows only the key). It answers the tenant and nothing of other tenants.
import { eq } from "drizzle-orm";
import { database } from "./client";
import { firstRow } from "./first-row";
import { tenants, widgets } from "./schema";

export type WidgetDirectoryEntry = {
  widgetId: string;
  tenantId: string;
  allowedOrigins: string[];
  settings: Record<string, unknown>;
  /** Its workspace is closed: the widget answers nobody. */
  workspaceClosed: boolean;
};

/** The widget published under `publicKey`, if any. */
export async function findWidgetByPublicKey(
  d1: D1Database,
  publicKey: string,
): Promise<WidgetDirectoryEntry | undefined> {
  const row = await firstRow(
    database(d1)
      .select({
        widgetId: widgets.id,
        tenantId: widgets.tenantId,
        allowedOrigins: widgets.allowedOrigins,
        settings: widgets.settings,
        closedAt: tenants.deletedAt,
      })
      .from(widgets)
      .innerJoin(tenants, eq(tenants.id, widgets.tenantId))
      .where(eq(widgets.publicKey, publicKey)),
  );
  if (!row) return undefined;
  const { closedAt, ...entry } = row;
  return { ...entry, workspaceClosed: closedAt !== null };
}
