// Finds a widget by its public key across all tenants: the one lookup that must precede knowing the
// tenant (a visitor's browser knows only the key). It answers the tenant and nothing of other tenants.
import { eq } from "drizzle-orm";
import { widgets } from "./schema";
import { firstRowWithWorkspaceClosed } from "./workspace-closed-row";

export type WidgetDirectoryEntry = {
  widgetId: string;
  tenantId: string;
  allowedOrigins: string[];
  settings: Record<string, unknown>;
  /** Its workspace is closed: the widget answers nobody. */
  workspaceClosed: boolean;
};

/** The widget published under `publicKey`, if any. */
export function findWidgetByPublicKey(
  d1: D1Database,
  publicKey: string,
): Promise<WidgetDirectoryEntry | undefined> {
  return firstRowWithWorkspaceClosed(
    d1,
    widgets,
    {
      widgetId: widgets.id,
      tenantId: widgets.tenantId,
      allowedOrigins: widgets.allowedOrigins,
      settings: widgets.settings,
    },
    eq(widgets.publicKey, publicKey),
  );
}
