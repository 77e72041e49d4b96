// Visitor sessions: `POST /api/v1/widget/session` for a short-lived socket token. The widget asks for
// a fresh one whenever the last is near its end or a socket failed to open with it.
import type { WidgetSessionRequest, WidgetSessionResponse } from "@coach/contracts/widget";

/** A session with the moment its token stops being worth trying. */
export type Session = WidgetSessionResponse & { usableUntil: number };

/** Why no session: `fatal` errors (this site is not allowed, unknown widget, closed workspace) are not retried. */
export type SessionFailure = {
  code: string;
  message: string;
  fatal: boolean;
  retryAfterMs?: number;
};

const MARGIN_MS = 30_000;

/**
 * Requests a session for `publicKey`, continuing `visitorId` when the edge knows it; `locale` is the
 * visitor's language as their browser states it, when the widget speaks it to them.
 */
export async function requestSession(
  edge: string,
  publicKey: string,
  visitorId: string | undefined,
  locale: string | undefined,
): Promise<Session | SessionFailure> {
  const request: WidgetSessionRequest = { public_key: publicKey };
  if (visitorId) request.visitor_id = visitorId;
  if (locale) request.locale = locale;
  let res: Response;
  try {
    res = await fetch(`${edge}/api/v1/widget/session`, {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(request),
    });
  } catch {
    return { code: "network_error", message: "The chat's server cannot be reached.", fatal: false };
  }
  const body = (await res.json().catch(() => null)) as
    (WidgetSessionResponse & { error?: { code: string; message: string } }) | null;
  if (res.ok && body?.socket_url)
    return { ...body, usableUntil: Date.now() + body.expires_in * 1000 - MARGIN_MS };
  const retryAfter = Number(res.headers.get("Retry-After"));
  return {
    code: body?.error?.code ?? `http_${res.status}`,
    message: body?.error?.message ?? "The chat could not start a session.",
    // 410: the creator's workspace is closed for good.
    fatal: res.status === 403 || res.status === 404 || res.status === 410,
    ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}
