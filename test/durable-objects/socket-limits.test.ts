// What a client may ask of a room (issue 17, finding 10): every frame type has a rate limit answered
// with `error {code: "rate_limited", retry_after}`, a socket that keeps flooding is closed with 4429, a
// conversation holds at most 20 sockets (the new one is refused with `too_many_sockets` and 4409), and
// the visitor hears within 5 s when the bridge does not answer, even when its connection is open but
// frozen. A visitor socket is not a creator session: it outlives the creator's logout-all.
import { SOCKET_CLOSE_CODES, type ServerFrame } from "@coach/contracts/socket";
import type { WidgetSessionResponse } from "@coach/contracts/widget";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { roomFor } from "../../worker/lib/rooms";
import {
  controlBridge,
  createWorkspace,
  openSession,
  SocketClient,
  upgrade,
  type Workspace,
  ROOM_PING,
} from "../support/widget-client";
import { call } from "../worker/auth/helpers";
import { ask, seedDashboardWorkspace } from "../worker/conversations/inbox-helpers";

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
});

afterEach(async () => {
  await controlBridge("/bridge/start");
});

/** A socket that records its frames and how it closed. */
async function watched(
  session: WidgetSessionResponse,
): Promise<{ client: SocketClient; closed: Promise<number> }> {
  const client = await SocketClient.connect(session);
  const closed = new Promise<number>((resolve) =>
    client.ws.addEventListener("close", (event) => resolve(event.code)),
  );
  return { client, closed };
}

/** Opens the session's socket and answers what it was told and how it was closed (a refused socket). */
async function refusedSocket(
  session: WidgetSessionResponse,
): Promise<{ frames: ServerFrame[]; code: number }> {
  const res = await upgrade(session.socket_url);
  if (!res.webSocket) throw new Error(`upgrade failed: ${res.status}`);
  const ws = res.webSocket;
  const frames: ServerFrame[] = [];
  const closed = new Promise<number>((resolve) =>
    ws.addEventListener("close", (event) => resolve(event.code)),
  );
  ws.addEventListener("message", (event) =>
    frames.push(JSON.parse(String(event.data)) as ServerFrame),
  );
  ws.accept();
  return { frames, code: await closed };
}

const FLOODS: { kind: string; frame: string; burst: number }[] = [
  { kind: "hello", frame: JSON.stringify({ type: "hello", last_seq: 0 }), burst: 5 },
  { kind: "typing", frame: JSON.stringify({ type: "typing" }), burst: 5 },
  { kind: "read", frame: JSON.stringify({ type: "read", seq: 0 }), burst: 20 },
  { kind: "stop", frame: JSON.stringify({ type: "stop" }), burst: 5 },
  // Spelled unlike the widget's keep-alive, so the room's code (not the runtime's auto-response) reads it.
  { kind: "ping", frame: ROOM_PING, burst: 10 },
  { kind: "identify", frame: JSON.stringify({ type: "identify", name: "Flo" }), burst: 5 },
  { kind: "malformed", frame: "{nope", burst: 10 },
];

describe("frame limits", () => {
  for (const { kind, frame, burst } of FLOODS) {
    it(`answers a burst of "${kind}" frames beyond ${burst} with rate_limited and retry_after`, async () => {
      const { client } = await watched(await openSession(workspace));
      for (let i = 0; i < burst + 2; i++) client.ws.send(frame);
      expect(
        await client.next((f) => f.type === "error" && f.code === "rate_limited"),
      ).toMatchObject({ retry_after: expect.any(Number) });
      const refusals = client.of("error").filter((f) => f.code === "rate_limited");
      expect(refusals.every((f) => (f.retry_after ?? 0) >= 1)).toBe(true);
      client.close();
    });
  }

  it("closes a socket that keeps sending after being told to wait, with 4429", async () => {
    const { client, closed } = await watched(await openSession(workspace));
    for (let i = 0; i < 60; i++) client.send({ type: "typing" });
    expect(await closed).toBe(SOCKET_CLOSE_CODES.rateLimited);
    expect(
      client.of("error").filter((f) => f.code === "rate_limited").length,
    ).toBeGreaterThanOrEqual(20);
  });

  it("counts refused messages towards the flood too", async () => {
    const { client, closed } = await watched(await openSession(workspace));
    for (let i = 0; i < 40; i++)
      client.send({
        type: "message",
        client_id: `flood-msg-${String(i).padStart(4, "0")}`,
        text: `message ${i}`,
      });
    expect(await closed).toBe(SOCKET_CLOSE_CODES.rateLimited);
  });

  it("keeps each socket's limits to itself: a flooding tab does not silence its neighbour", async () => {
    const session = await openSession(workspace);
    const noisy = await watched(session);
    const quiet = await watched(session);
    for (let i = 0; i < 60; i++) noisy.client.send({ type: "typing" });
    await noisy.closed;
    quiet.client.send({ type: "ping" });
    await quiet.client.next((f) => f.type === "pong");
    quiet.client.close();
  });
});

describe("sockets per conversation", () => {
  it("refuses the 21st socket with too_many_sockets and 4409, keeps the 20 open, and admits one again when one closes", async () => {
    const session = await openSession(workspace);
    const open = await Promise.all(Array.from({ length: 20 }, () => SocketClient.connect(session)));
    const refused = await refusedSocket(session);
    expect(refused.code).toBe(SOCKET_CLOSE_CODES.tooManySockets);
    expect(refused.frames).toEqual([
      expect.objectContaining({ type: "error", code: "too_many_sockets" }),
    ]);
    open[0]?.send({ type: "ping" });
    await open[0]?.next((f) => f.type === "pong");
    open.pop()?.close();
    const room = roomFor(env, workspace.tenantId, session.conversation_id);
    await expect
      .poll(() => runInDurableObject(room, (_instance, state) => state.getWebSockets().length))
      .toBe(19);
    open.push(await SocketClient.connect(session));
    for (const client of open) client.close();
  });
});

describe("a bridge that does not answer", () => {
  it("tells the visitor within 5 s, once, even when its connection is open but frozen", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    await controlBridge("/bridge/freeze");
    const sent = Date.now();
    client.send({
      type: "message",
      client_id: "frozen-000001",
      text: "How do I start a morning routine?",
    });
    const notice = await client.next(
      (f) => f.type === "notice" && ["queued", "coach_busy", "coach_offline"].includes(f.code),
      5_000,
    );
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(notice).toMatchObject({ code: "coach_busy", turn_id: expect.any(String) });
    // Thawed, the frozen call fails and the turn is retried: answered, without a second notice.
    await controlBridge("/bridge/start");
    const room = roomFor(env, workspace.tenantId, session.conversation_id);
    await expect
      .poll(
        async () => {
          await runInDurableObject(room, (_instance, state) =>
            state.storage.sql.exec("UPDATE outbox SET next_attempt_at = 0"),
          );
          await runDurableObjectAlarm(room);
          return client.of("done").length;
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    expect(
      client.of("notice").filter((f) => f.code === "coach_busy" || f.code === "coach_offline"),
    ).toHaveLength(1);
    client.close();
  });
});

describe("a creator's logout-all", () => {
  it("ends the creator's sign-ins, not the widget visitors' conversations", async () => {
    const dashboard = await seedDashboardWorkspace();
    const client = await SocketClient.connect(await openSession(dashboard));
    expect(
      (
        await call("/api/v1/auth/logout-all", {
          method: "POST",
          token: dashboard.members.owner.token,
        })
      ).status,
    ).toBe(204);
    expect((await call("/api/v1/me", { token: dashboard.members.owner.token })).status).toBe(401);
    expect((await ask(client, "How do I start a morning routine?")).text).not.toBe("");
    client.close();
  });
});
