// The companion app's API, called by the app itself from the edge's own origin (`/app/<public key>/`):
// a device signs in with a one-time code (from the widget, from a device already signed in, or from a
// chat: /app on Telegram, APP on WhatsApp) and gets a device token; the token asks for conversation
// sessions and for codes for another device, reads the person's progress and their coaching
// preferences (and changes those), and registers the device's Web Push subscription. Also
// `POST /api/v1/widget/app-link`, which the widget calls as its visitor to get the code and the link
// that open the app as the same person.
import {
  AppDeviceRequestSchema,
  AppPreferencesUpdateSchema,
  PushSubscriptionSchema,
  PushUnsubscribeSchema,
  type AppDeviceResponse,
  type PushPublicKeyResponse,
} from "@coach/contracts/companion-app";
import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { forTenant, type TenantGateway, type TenantRow } from "../db/tenant-gateway";
import { redeemAppCode } from "../companion/app-link-codes";
import { appSignInLink } from "../companion/app-sign-in-link";
import { createDevice, deviceFromHeader } from "../companion/app-devices";
import { appPreferences, updateAppPreferences } from "../companion/app-preferences";
import { appProgress } from "../companion/app-progress";
import { appSession } from "../companion/app-session";
import type { AppEnv } from "../lib/app-env";
import { clientIp } from "../lib/client-ip";
import { AppError, tooManyRequests } from "../lib/errors";
import { jsonBody } from "../middleware/json-body";
import { allowsLocalHttp, pushEndpointAllowed } from "../push/push-endpoint";
import { removeSubscription, saveSubscription } from "../push/push-subscriptions";
import { visitorPreflight } from "../widget/visitor-preflight";
import { appNotFound, appWidget } from "./app-widget";
import { visitorAuth, type VisitorEnv } from "./widget-coaching";

type AppApiEnv = AppEnv & {
  Variables: AppEnv["Variables"] & { gateway: TenantGateway; publicKey: string };
};
type DeviceEnv = AppApiEnv & {
  Variables: AppApiEnv["Variables"] & { device: TenantRow<"appDevices"> };
};

/** The app's public key in the path names the workspace; a closed one answers 410 to everything. */
const appWorkspace = createMiddleware<AppApiEnv>(async (c, next) => {
  const publicKey = c.req.param("public_key") ?? "";
  const widget = await appWidget(c.env.DB, publicKey);
  c.set("gateway", forTenant(c.env.DB, widget.tenantId));
  c.set("publicKey", publicKey);
  c.header("Cache-Control", "no-store");
  await next();
});

/** The signed-in device, from `Authorization: Bearer ad1_…`. */
const deviceAuth = createMiddleware<DeviceEnv>(async (c, next) => {
  c.set("device", await deviceFromHeader(c.get("gateway"), c.req.header("Authorization")));
  await next();
});

/** A sign-in code for `contactId`'s person, and the app's address at the edge this request reached. */
function signInLink(
  c: { env: Env; req: { url: string } },
  tenantId: string,
  contactId: string,
  publicKey: string,
) {
  return appSignInLink(c.env, new URL(c.req.url).origin, tenantId, contactId, publicKey);
}

export const appRoutes = new Hono<DeviceEnv>()
  .use("/:public_key/*", appWorkspace)
  .post("/:public_key/devices", jsonBody(AppDeviceRequestSchema, { maxBytes: 1024 }), async (c) => {
    const gateway = c.get("gateway");
    const body = c.req.valid("json");
    const outcome = await redeemAppCode(c.env, gateway.tenantId, body.code, clientIp(c));
    if (outcome.kind === "rate_limited")
      throw tooManyRequests(
        outcome.retryAfterSeconds,
        "Too many codes tried from this network. Wait a minute, then type the newest code.",
      );
    if (outcome.kind === "invalid")
      throw new AppError(
        400,
        "invalid_link_code",
        "This code is not valid or has expired (codes work once, for 10 minutes). Get a new one from the chat or from a signed-in device.",
      );
    const { device, token } = await createDevice(gateway, outcome.contactId, body.label);
    const session = await appSession(c.env, gateway, c.req.url, device);
    c.get("logger").info("app device signed in", { device_id: device.id });
    return c.json(
      { device_id: device.id, device_token: token, session } satisfies AppDeviceResponse,
      201,
    );
  })
  .post("/:public_key/session", deviceAuth, async (c) =>
    c.json(await appSession(c.env, c.get("gateway"), c.req.url, c.get("device"))),
  )
  .post("/:public_key/link-codes", deviceAuth, async (c) => {
    const device = c.get("device");
    return c.json(
      await signInLink(c, c.get("gateway").tenantId, device.contactId, c.get("publicKey")),
      201,
    );
  })
  .get("/:public_key/progress", deviceAuth, async (c) =>
    c.json(await appProgress(c.env, c.get("gateway"), c.get("device").contactId)),
  )
  .get("/:public_key/preferences", deviceAuth, async (c) =>
    c.json(await appPreferences(c.env, c.get("gateway"), c.get("device").contactId)),
  )
  .put(
    "/:public_key/preferences",
    deviceAuth,
    jsonBody(AppPreferencesUpdateSchema, { maxBytes: 2048 }),
    async (c) =>
      c.json(
        await updateAppPreferences(
          c.env,
          c.get("gateway"),
          c.get("device").contactId,
          c.req.valid("json"),
        ),
      ),
  )
  .get("/:public_key/push/public-key", (c) => {
    const key = c.env.VAPID_PUBLIC_KEY?.trim();
    if (!key || !c.env.VAPID_PRIVATE_KEY?.trim())
      throw new AppError(
        503,
        "push_not_configured",
        "Notifications are not set up on this server yet; the conversation works without them.",
      );
    return c.json({ public_key: key } satisfies PushPublicKeyResponse);
  })
  .post(
    "/:public_key/push/subscriptions",
    deviceAuth,
    jsonBody(PushSubscriptionSchema, { maxBytes: 4096 }),
    async (c) => {
      const subscription = c.req.valid("json");
      if (!pushEndpointAllowed(subscription.endpoint, allowsLocalHttp(c.env)))
        throw new AppError(
          400,
          "push_endpoint_not_allowed",
          "The push endpoint must be an https URL of the browser's push service.",
        );
      const device = c.get("device");
      const row = await saveSubscription(c.get("gateway"), device, subscription);
      return c.json({ id: row.id, endpoint: row.endpoint, created_at: row.createdAt }, 201);
    },
  )
  .delete(
    "/:public_key/push/subscriptions",
    deviceAuth,
    jsonBody(PushUnsubscribeSchema, { maxBytes: 2048 }),
    async (c) => {
      const removed = await removeSubscription(
        c.get("gateway"),
        c.get("device").id,
        c.req.valid("json").endpoint,
      );
      if (!removed) throw new AppError(404, "not_found", "This device has no such subscription.");
      return c.body(null, 204);
    },
  );

/** `POST /api/v1/widget/app-link`: a code and a link that open the app as this widget visitor. */
export const widgetAppLinkRoutes = new Hono<VisitorEnv>()
  .options("/app-link", (c) => visitorPreflight(c, "Authorization, Content-Type, X-Request-Id"))
  .post("/app-link", visitorAuth, async (c) => {
    const visitor = c.get("visitor");
    const [widget] = await forTenant(c.env.DB, visitor.tid).list("widgets", { limit: 1 });
    if (!widget) throw appNotFound();
    return c.json(await signInLink(c, visitor.tid, visitor.sub, widget.publicKey), 201);
  });
