// A workspace's widget: created with defaults the first time it is asked for, updated from the
// dashboard, shown as `WidgetView`. One widget per workspace for now.
import {
  applyWidgetSettings,
  DEFAULT_WIDGET_SETTINGS,
  type WidgetSettings,
  type WidgetUpdate,
  type WidgetView,
} from "@coach/contracts/widget";
import { newId, newSecret } from "../lib/ids";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";

/** Public keys are not secrets (they sit in the embed snippet), but they must not be guessable in bulk. */
export function newPublicKey(): string {
  return `pk_${newSecret().replace(/[-_]/g, "").slice(0, 32)}`;
}

export function toWidgetView(row: TenantRow<"widgets">): WidgetView {
  return {
    id: row.id,
    public_key: row.publicKey,
    allowed_origins: row.allowedOrigins,
    settings: applyWidgetSettings(row.settings as Partial<WidgetSettings>),
    updated_at: row.updatedAt,
  };
}

/** The workspace's widget, created with default settings and no allowed origins when missing. */
export async function ensureWidget(gateway: TenantGateway): Promise<TenantRow<"widgets">> {
  const [existing] = await gateway.list("widgets", { limit: 1 });
  if (existing) return existing;
  return gateway.insert("widgets", {
    id: newId(),
    publicKey: newPublicKey(),
    allowedOrigins: [],
    settings: DEFAULT_WIDGET_SETTINGS,
  });
}

/** Applies a validated update: settings are merged, allowed origins replaced. */
export async function updateWidget(
  gateway: TenantGateway,
  update: WidgetUpdate,
): Promise<TenantRow<"widgets">> {
  const widget = await ensureWidget(gateway);
  const settings = applyWidgetSettings(widget.settings as Partial<WidgetSettings>, update.settings);
  return gateway.update("widgets", widget.id, {
    settings,
    allowedOrigins: update.allowed_origins
      ? [...new Set(update.allowed_origins)]
      : widget.allowedOrigins,
    updatedAt: Date.now(),
  });
}
