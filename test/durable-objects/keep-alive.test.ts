// An open widget pings every 25 s. The room registers the widget's exact ping as its hibernation
// auto-response, so the runtime answers it and the room's code never runs for it: an idle tab does not
// wake (and bill) its conversation's Durable Object. Any other spelling of a ping is read by the room.
import { PING_TEXT, PONG_TEXT } from "@coach/contracts/keep-alive";
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { roomFor } from "../../worker/lib/rooms";
import {
  createWorkspace,
  openSession,
  ROOM_PING,
  SocketClient,
  type Workspace,
} from "../support/widget-client";

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
});

/** When the runtime last answered a socket of the room by itself (null: never). */
function autoResponseTimes(tenantId: string, conversationId: string): Promise<(number | null)[]> {
  return runInDurableObject(roomFor(env, tenantId, conversationId), (_room, state) =>
    state
      .getWebSockets()
      .map((ws) => state.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? null),
  );
}

describe("the widget's keep-alive", () => {
  it("is the ping the widget sends, answered with a pong", () => {
    expect(JSON.parse(PING_TEXT)).toEqual({ type: "ping" });
    expect(JSON.parse(PONG_TEXT)).toEqual({ type: "pong" });
  });

  it("is answered by the runtime without the room's code: no frame limit ever applies to it", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    expect(await autoResponseTimes(workspace.tenantId, session.conversation_id)).toEqual([null]);
    // Ten times the room's burst for pings: the room's code would refuse most of these.
    for (let i = 0; i < 100; i++) client.ws.send(PING_TEXT);
    await expect.poll(() => client.of("pong").length).toBe(100);
    expect(client.of("error")).toEqual([]);
    const [answeredAt] = await autoResponseTimes(workspace.tenantId, session.conversation_id);
    expect(answeredAt).toEqual(expect.any(Number));
    client.close();
  });

  it("leaves any other spelling of a ping to the room, which counts it against the socket's limits", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    for (let i = 0; i < 30; i++) client.ws.send(ROOM_PING);
    await client.next((f) => f.type === "error" && f.code === "rate_limited");
    expect(await autoResponseTimes(workspace.tenantId, session.conversation_id)).toEqual([null]);
    client.close();
  });
});
