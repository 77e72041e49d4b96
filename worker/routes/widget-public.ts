// What a visitor's browser calls on the creator's site: the widget's public configuration and a
// visitor session (only for origins the creator allowed), and the conversation socket it opens. CORS
// here follows the widget's own allowed origins, never the dashboard's, and never with credentials. A
// closed workspace's widget answers 410 workspace_closed to all three.
import {
  applyWidgetSettings,
  WidgetSessionRequestSchema,
  type WidgetSettings,
} from "@coach/contracts/widget";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { ROOM_HEADERS } from "../lib/rooms";
import type { AppEnv } from "../lib/app-env";
import { findWidgetByPublicKey } from "../db/widget-directory";
import { isWorkspaceClosed } from "../db/workspace-store";
import { forTenant } from "../db/tenant-gateway";
import { AppError, conversationErased } from "../lib/errors";
import { rateLimits } from "../lib/rate-limits";
import { roomFor } from "../lib/rooms";
import { verifyVisitorToken } from "../lib/visitor-token";
import { jsonBody } from "../middleware/json-body";
import { clientIp } from "../lib/client-ip";
import { rateLimit } from "../middleware/rate-limit";
import { loadPersona } from "../persona/load-persona";
import { visitorPreflight } from "../widget/visitor-preflight";
import { sessionResponse } from "../widget/session-response";
import { personaLook } from "../widget/persona-look";
import { openVisitorSession, siteOf, visitorConversationLive } from "../widget/visitor-session";
import { workspaceClosed } from "../workspace/workspace-closed";

/** Settings edits reach visitors within a minute; the loader asks once per page view. */
const CONFIG_MAX_AGE_SECONDS = 60;

/**
 * `GET /api/v1/widget/config/:public_key`: what the loader needs to draw the widget. `languages`: the
 * persona's (the widget's language setting when it has none), which the widget matches against the
 * visitor's browser to choose the language of its own words.
 */
export type WidgetConfigResponse = {
  public_key: string;
  settings: WidgetSettings;
  languages: string[];
};

function originNotAllowed(): AppError {
  return new AppError(
    403,
    "origin_not_allowed",
    "This site is not allowed to use this widget. Add its origin in the widget settings.",
  );
}

/**
 * Lets the calling site read a refusal (never with credentials, and a refusal carries no data), so
 * the widget can tell its host page why it stays hidden instead of seeing an opaque network error.
 */
const readableRefusals = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (c.res.status < 400) return;
  c.res.headers.set("Cache-Control", "no-store");
  const origin = c.req.header("Origin");
  if (!origin || c.res.headers.has("Access-Control-Allow-Origin")) return;
  c.res.headers.set("Access-Control-Allow-Origin", origin);
  c.res.headers.append("Vary", "Origin");
});

function widgetNotFound(): AppError {
  return new AppError(
    404,
    "widget_not_found",
    "No widget has this public key. Copy the embed snippet again from the dashboard.",
  );
}

export const widgetPublicRoutes = new Hono<AppEnv>()
  // A simple CORS GET (no custom headers), so browsers send no preflight.
  .get("/config/:public_key", readableRefusals, async (c) => {
    const origin = c.req.header("Origin");
    const widget = await findWidgetByPublicKey(c.env.DB, c.req.param("public_key"));
    if (!widget) throw widgetNotFound();
    if (!origin || !widget.allowedOrigins.includes(origin)) throw originNotAllowed();
    if (widget.workspaceClosed) throw workspaceClosed();
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Vary", "Origin");
    c.header("Cache-Control", `public, max-age=${CONFIG_MAX_AGE_SECONDS}`);
    const settings = applyWidgetSettings(widget.settings as Partial<WidgetSettings>);
    const { persona } = await loadPersona(c.env.DB, widget.tenantId);
    const { name, languages } = personaLook(settings, persona);
    return c.json({
      public_key: c.req.param("public_key"),
      settings: { ...settings, assistant_name: name },
      languages,
    } satisfies WidgetConfigResponse);
  })
  .options("/session", (c) => visitorPreflight(c, "Content-Type, X-Request-Id"))
  .post(
    "/session",
    readableRefusals,
    rateLimit({
      bucket: "widget-session-ip",
      rule: (c) => rateLimits(c.env).widgetSessionIp,
      key: clientIp,
    }),
    jsonBody(WidgetSessionRequestSchema, { maxBytes: 4096 }),
    async (c) => {
      const body = c.req.valid("json");
      const origin = c.req.header("Origin");
      const widget = await findWidgetByPublicKey(c.env.DB, body.public_key);
      if (!widget) throw widgetNotFound();
      if (!origin || !widget.allowedOrigins.includes(origin)) throw originNotAllowed();
      if (widget.workspaceClosed) throw workspaceClosed();

      const session = await openVisitorSession(
        forTenant(c.env.DB, widget.tenantId),
        body.visitor_id,
        siteOf(origin),
        body.locale,
      );
      const response = await sessionResponse(c.env, c.req.url, widget.tenantId, session, origin);
      c.header("Access-Control-Allow-Origin", origin);
      c.header("Access-Control-Expose-Headers", "X-Request-Id");
      c.header("Vary", "Origin");
      c.header("Cache-Control", "no-store");
      return c.json(response);
    },
  )
  .get("/socket", async (c) => {
    if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
      throw new AppError(426, "upgrade_required", "Open this URL as a WebSocket.");
    }
    const claims = await verifyVisitorToken(c.env.VISITOR_TOKEN_SECRET, c.req.query("token") ?? "");
    if (!claims)
      throw new AppError(
        401,
        "invalid_token",
        "The visitor token is missing, expired or not valid. Start a new widget session.",
      );
    const origin = c.req.header("Origin");
    if (origin && origin !== claims.org) throw originNotAllowed();
    // Refused here, before the room: a closed workspace's rooms are not woken for it.
    if (await isWorkspaceClosed(c.env.DB, claims.tid)) throw workspaceClosed();
    if (!(await visitorConversationLive(forTenant(c.env.DB, claims.tid), claims.cid, claims.sub)))
      throw conversationErased();

    const headers = new Headers(c.req.raw.headers);
    headers.set(ROOM_HEADERS.tenant, claims.tid);
    headers.set(ROOM_HEADERS.conversation, claims.cid);
    headers.set(ROOM_HEADERS.contact, claims.sub);
    headers.set(ROOM_HEADERS.channel, "web");
    headers.set(ROOM_HEADERS.subject, claims.sub);
    const response = await roomFor(c.env, claims.tid, claims.cid).fetch(
      new Request(c.req.raw.url, { headers }),
    );
    // The room's tombstone, while an erasure is still on its way to the D1 rows: the same refusal.
    if (response.status === 410) throw conversationErased();
    return response;
  });
