// Fetches the creator's widget configuration from the edge. A plain CORS GET without credentials or
// custom headers (no preflight); the edge answers only the widget's allowed origins and sets a short
// max-age, so the browser's HTTP cache spares repeat page views the round trip.
import type { WidgetConfig, WidgetErrorDetail } from "../shared/host";

/** The configuration, or why it could not be had. */
export async function fetchConfig(
  edge: string,
  publicKey: string,
): Promise<WidgetConfig | WidgetErrorDetail> {
  const res = await fetch(`${edge}/api/v1/widget/config/${encodeURIComponent(publicKey)}`, {
    credentials: "omit",
    mode: "cors",
  }).catch(() => null);
  if (!res) return { code: "network_error", message: "The chat could not reach its server." };
  const body = (await res.json().catch(() => null)) as
    (WidgetConfig & { error?: WidgetErrorDetail }) | null;
  if (!res.ok || !body?.settings) {
    return {
      code: body?.error?.code ?? `http_${res.status}`,
      message: body?.error?.message ?? "The chat's settings could not be loaded.",
    };
  }
  return body;
}
