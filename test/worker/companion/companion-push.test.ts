// The companion app's path from the widget to a push notification: a widget visitor gets a one-time
// code, a device redeems it (once) for the visitor's own conversation, registers a push subscription,
// and a program's message reaches the push-service stand-in encrypted so that only the subscription's
// keys open it. A subscription the push service reports gone (410) is removed. The signed-in device
// also shows the person's progress and changes their own coaching preferences.
import type {
  AppDeviceResponse,
  AppLinkCodeResponse,
  AppProgressView,
  PushPayload,
} from "@coach/contracts/companion-app";
import type { ContactCoachingView } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { mintVisitorToken } from "../../../worker/lib/visitor-token";
import type { PushedMessage } from "../../support/push-stand-in";
import { browserSubscriptionKeys, decryptPushBody, fromB64url } from "../../support/push-decrypt";
import { SocketClient } from "../../support/widget-client";
import { call, type SeededWorkspace } from "../auth/helpers";
import {
  createProgram,
  enroll,
  oneMessage,
  ranCheckin,
  runAt,
  seedWebContact,
} from "../programs/program-helpers";
import { workspaceWithApp } from "./app-helpers";

const SITE = "https://coach-site.example";
let workspace: SeededWorkspace;
let publicKey: string;

beforeAll(async () => {
  ({ workspace, publicKey } = await workspaceWithApp());
});

/** A widget visitor's token, as the widget holds it after `POST /api/v1/widget/session`. */
async function visitorToken(contactId: string, conversationId: string): Promise<string> {
  return mintVisitorToken(env.VISITOR_TOKEN_SECRET, {
    tid: workspace.tenantId,
    cid: conversationId,
    sub: contactId,
    org: SITE,
    exp: Math.floor(Date.now() / 1000) + 600,
  });
}

async function appLink(contactId: string, conversationId: string): Promise<AppLinkCodeResponse> {
  const res = await call("/api/v1/widget/app-link", {
    method: "POST",
    token: await visitorToken(contactId, conversationId),
    headers: { Origin: SITE },
  });
  expect(res.status).toBe(201);
  expect(res.headers.get("Access-Control-Allow-Origin")).toBe(SITE);
  return (await res.json()) as AppLinkCodeResponse;
}

async function redeem(code: string): Promise<Response> {
  return call(`/api/v1/app/${publicKey}/devices`, { body: { code, label: "Pixel 8" } });
}

/** A subscription at the stand-in for the deployment's VAPID key, as pushManager.subscribe makes one. */
async function standInSubscription() {
  const res = await fetch(`${env.TEST_PUSH_SERVICE_URL}/__subscriptions`, {
    method: "POST",
    body: JSON.stringify({ application_server_key: env.VAPID_PUBLIC_KEY }),
  });
  return (await res.json()) as { id: string; endpoint: string };
}

async function pushed(id: string): Promise<PushedMessage[]> {
  return (await (
    await fetch(`${env.TEST_PUSH_SERVICE_URL}/__subscriptions/${id}/messages`)
  ).json()) as PushedMessage[];
}

/** The messages the stand-in holds for `id` once there are `count` of them (waits up to 10 s). */
async function pushedWhen(id: string, count: number): Promise<PushedMessage[]> {
  for (let waited = 0; ; waited += 100) {
    const messages = await pushed(id);
    if (messages.length >= count || waited >= 10_000) return messages;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A web visitor with the app linked on one device, subscribed at the push-service stand-in. */
async function subscribedDevice() {
  const visitor = await seedWebContact(workspace.tenantId);
  const device = (await (
    await redeem((await appLink(visitor.contactId, visitor.conversationId)).code)
  ).json()) as AppDeviceResponse;
  const keys = await browserSubscriptionKeys();
  const subscription = await standInSubscription();
  const registered = await call(`/api/v1/app/${publicKey}/push/subscriptions`, {
    token: device.device_token,
    body: { endpoint: subscription.endpoint, expirationTime: null, keys },
  });
  expect(registered.status).toBe(201);
  // The tests run programs at the real time of the run: the default quiet hours (22:00-08:00) would
  // hold their messages back until morning.
  const open = await call(`/api/v1/contacts/${visitor.contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body: { quiet_hours: null },
  });
  expect(open.status).toBe(200);
  return { visitor, device, keys, subscription };
}

describe("the companion app, from the widget to a push notification", () => {
  it("signs a device in with the widget's code, once, into the visitor's own conversation", async () => {
    const visitor = await seedWebContact(workspace.tenantId);
    const link = await appLink(visitor.contactId, visitor.conversationId);
    expect(link.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(link.app_url).toBe(`http://edge.test/app/${publicKey}/#code=${link.code}`);

    const first = await redeem(link.code.toLowerCase().replace(/(....)/, "$1-"));
    expect(first.status).toBe(201);
    const device = (await first.json()) as AppDeviceResponse;
    expect(device.device_token).toMatch(/^ad1_/);
    expect(device.session.conversation_id).toBe(visitor.conversationId);
    expect(device.session.socket_url).toMatch(
      /^ws:\/\/edge\.test\/api\/v1\/widget\/socket\?token=/,
    );

    const again = await redeem(link.code);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      "invalid_link_code",
    );
    const session = await call(`/api/v1/app/${publicKey}/session`, {
      method: "POST",
      token: device.device_token,
    });
    expect(((await session.json()) as { conversation_id: string }).conversation_id).toBe(
      visitor.conversationId,
    );
  });

  it("refuses a subscription a push service could not have made", async () => {
    const visitor = await seedWebContact(workspace.tenantId);
    const device = (await (
      await redeem((await appLink(visitor.contactId, visitor.conversationId)).code)
    ).json()) as AppDeviceResponse;
    const keys = await browserSubscriptionKeys();
    const subscribe = (body: unknown) =>
      call(`/api/v1/app/${publicKey}/push/subscriptions`, { token: device.device_token, body });
    const valid = {
      endpoint: "https://push.example/x",
      keys: { p256dh: keys.p256dh, auth: keys.auth },
    };
    const refusals = await Promise.all([
      subscribe({ ...valid, endpoint: "http://push.example/x" }),
      subscribe({ ...valid, keys: { ...valid.keys, p256dh: keys.p256dh.slice(0, 40) } }),
      subscribe({ ...valid, keys: { ...valid.keys, auth: `${keys.auth}AAAA` } }),
    ]);
    const codes = await Promise.all(
      refusals.map(async (r) => [
        r.status,
        ((await r.json()) as { error: { code: string } }).error.code,
      ]),
    );
    expect(codes).toEqual([
      [400, "push_endpoint_not_allowed"],
      [400, "validation_failed"],
      [400, "validation_failed"],
    ]);
    expect((await subscribe(valid)).status).toBe(201);
    const unsigned = await call(`/api/v1/app/${publicKey}/push/subscriptions`, { body: valid });
    expect(unsigned.status).toBe(401);
  });

  it("pushes a program's message encrypted for the subscription, and drops it after 410 Gone", async () => {
    const { visitor, keys, subscription } = await subscribedDevice();

    const text = "Welcome to the program! Today: a ten-minute walk.";
    const program = await createProgram(workspace, { steps: oneMessage(text) });
    await enroll(workspace, program.id, visitor.contactId);
    await runAt(workspace.tenantId, visitor.contactId, Date.now());

    const [message] = await pushed(subscription.id);
    expect(message).toMatchObject({ content_encoding: "aes128gcm", ttl: 86_400 });
    const payload = JSON.parse(await decryptPushBody(fromB64url(message?.body ?? ""), keys)) as {
      body: string;
      conversation_id: string;
      seq: number;
    };
    expect(payload).toMatchObject({ body: text, conversation_id: visitor.conversationId });
    expect(payload.seq).toBeGreaterThan(0);

    const gateway = forTenant(env.DB, workspace.tenantId);
    const theirs = () =>
      gateway.list("pushSubscriptions", { where: (t) => eq(t.contactId, visitor.contactId) });
    expect(await theirs()).toHaveLength(1);
    await fetch(`${env.TEST_PUSH_SERVICE_URL}/__subscriptions/${subscription.id}/expire`, {
      method: "POST",
    });
    const second = await createProgram(workspace, { steps: oneMessage("Second nudge.") });
    await enroll(workspace, second.id, visitor.contactId);
    await runAt(workspace.tenantId, visitor.contactId, Date.now());
    expect(await theirs()).toEqual([]);
  });
});

describe("replies the person was not there to see", () => {
  it("pushes an answer stored after the app's socket closed, and none while one is open", async () => {
    const { visitor, device, keys, subscription } = await subscribedDevice();
    const appOrigin = new URL(device.session.socket_url.replace(/^ws/, "http")).origin;

    // Asked, then closed the app before the answer came: the answer reaches the device by push.
    const away = await SocketClient.connect(device.session, 0, 5000, appOrigin);
    away.send({ type: "message", client_id: "reply-away-1", text: "How do I keep a routine?" });
    away.close();
    const [message, extra] = await pushedWhen(subscription.id, 1);
    expect(extra).toBeUndefined();
    const payload = JSON.parse(
      await decryptPushBody(fromB64url(message?.body ?? ""), keys),
    ) as PushPayload;
    const room = roomFor(env, workspace.tenantId, visitor.conversationId);
    const answer = (await room.listMessages(0, 50)).messages.find((m) => m.role === "assistant");
    expect(answer?.status).toBe("complete");
    expect(payload).toMatchObject({ conversation_id: visitor.conversationId, seq: answer?.seq });
    expect(payload.body.length).toBeGreaterThan(0);
    expect(payload.body.length).toBeLessThanOrEqual(120);

    // Watching in the app: the answer arrives on the socket and nothing more is pushed.
    const watching = await SocketClient.connect(device.session, answer?.seq ?? 0, 5000, appOrigin);
    watching.send({ type: "message", client_id: "reply-watching-1", text: "And on weekends?" });
    await watching.next((f) => f.type === "done" && f.status === "complete", 15_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    watching.close();
    expect(await pushed(subscription.id)).toHaveLength(1);
  });
});

describe("the person's own coaching in the app", () => {
  it("shows the step their program is on, and the last 14 days for the chart", async () => {
    const visitor = await seedWebContact(workspace.tenantId);
    const device = (await (
      await redeem((await appLink(visitor.contactId, visitor.conversationId)).code)
    ).json()) as AppDeviceResponse;
    const program = await createProgram(workspace, {
      name: "Evening walks",
      steps: ranCheckin("Did you walk today?"),
    });
    await enroll(workspace, program.id, visitor.contactId);
    await runAt(workspace.tenantId, visitor.contactId, Date.now());
    const res = await call(`/api/v1/app/${publicKey}/progress`, { token: device.device_token });
    const view = (await res.json()) as AppProgressView;
    expect(view.programs).toEqual([
      expect.objectContaining({
        name: "Evening walks",
        status: "active",
        step: "Did you walk today?",
      }),
    ]);
    expect(view.activity).toHaveLength(14);
    expect(view.activity.at(-1)?.day).toBe(new Date().toISOString().slice(0, 10));
  });

  it("sets quiet hours, time zone and a pause, and stops and restarts proactive messages", async () => {
    const visitor = await seedWebContact(workspace.tenantId);
    const device = (await (
      await redeem((await appLink(visitor.contactId, visitor.conversationId)).code)
    ).json()) as AppDeviceResponse;
    const preferences = (body?: unknown) =>
      call(`/api/v1/app/${publicKey}/preferences`, {
        method: body === undefined ? "GET" : "PUT",
        token: device.device_token,
        body,
      }).then(async (res) => ({
        status: res.status,
        body: (await res.json()) as ContactCoachingView,
      }));

    const pausedUntil = Date.now() + 86_400_000;
    const changed = await preferences({
      timezone: "Europe/Lisbon",
      quiet_hours: { start: "21:30", end: "07:00" },
      paused_until: pausedUntil,
      language: "pt",
    });
    expect(changed.status).toBe(200);
    expect((await preferences()).body).toMatchObject({
      timezone: "Europe/Lisbon",
      quiet_hours: { start: "21:30", end: "07:00" },
      paused_until: pausedUntil,
      language: "pt",
      opted_out: false,
    });
    expect((await preferences({ opted_out: true })).body.opted_out).toBe(true);
    expect((await preferences({ opted_out: false })).body.opted_out).toBe(false);
    expect((await preferences({ timezone: "Mars/Olympus" })).status).toBe(400);
  });
});
