// A workspace with two bridges of its own: when the one streaming an answer dies mid-stream, the turn
// is retried at once on the other, the person sees the answer restart (not doubled) and it is stored
// once. The two bridges are the test stack's bridge and its second listener behind the Access
// stand-in (its own address and service token), so killing or freezing the first leaves the second
// answering.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerFrame } from "@coach/contracts/socket";
import { sealBridgeSecrets } from "../../worker/bridges/bridge-secrets";
import { forTenant } from "../../worker/db/tenant-gateway";
import { bridgePoolFor } from "../../worker/lib/bridge-pools";
import { roomFor } from "../../worker/lib/rooms";
import { BRIDGE_RESPONSE_DEADLINE_MS } from "../../durable-objects/room/turn-runner";
import {
  controlBridge,
  createWorkspace,
  openSession,
  SocketClient,
} from "../support/widget-client";

afterEach(async () => {
  await controlBridge("/bridge/start");
  await controlBridge("/stand-in/settings");
});

/** Registers the stack's bridge (first) and its Access-guarded listener (second) for the workspace. */
async function twoBridges(tenantId: string): Promise<{ first: string; second: string }> {
  const gateway = forTenant(env.DB, tenantId);
  const bridges = [
    { id: crypto.randomUUID(), url: env.BRIDGE_URL, access: null },
    { id: crypto.randomUUID(), url: env.TEST_ACCESS_URL, access: env.TEST_ACCESS_CLIENT_ID },
  ];
  for (const [i, bridge] of bridges.entries()) {
    await gateway.insert("bridges", {
      id: bridge.id,
      name: `Machine ${i + 1}`,
      url: bridge.url,
      accessClientId: bridge.access,
      secretsEncrypted: await sealBridgeSecrets(env, bridge.id, {
        secret: env.BRIDGE_SECRET,
        ...(bridge.access ? { access_client_secret: env.TEST_ACCESS_CLIENT_SECRET } : {}),
      }),
      createdAt: Date.now() + i,
    });
  }
  await bridgePoolFor(env, tenantId).membersChanged(tenantId);
  return { first: bridges[0]?.id ?? "", second: bridges[1]?.id ?? "" };
}

/** The answer as the widget shows it: deltas appended at their offsets, cleared on a restart. */
function shown(frames: ServerFrame[], turnId: string): string {
  let text = "";
  for (const frame of frames) {
    if (frame.type === "notice" && frame.code === "answer_restarting" && frame.turn_id === turnId)
      text = "";
    if (frame.type === "delta" && frame.turn_id === turnId && frame.offset === text.length)
      text += frame.text;
  }
  return text;
}

describe("a pool of bridges", () => {
  it("retries a turn on the other bridge when its bridge dies mid-stream: streamed once, stored once", async () => {
    const workspace = await createWorkspace();
    const { first, second } = await twoBridges(workspace.tenantId);
    // Slow enough to be cut off mid-answer (about two seconds of tokens).
    await controlBridge("/stand-in/settings", { tokensPerSecond: 10, replyTokens: 20 });
    const before = await controlBridge("/stand-in/stats");
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    client.send({
      type: "message",
      client_id: "failover-001",
      text: "How do I start a morning routine?",
    });
    const firstDelta = await client.next((f) => f.type === "delta");
    await controlBridge("/bridge/kill");
    const done = await client.next((f) => f.type === "done", 15_000);

    expect(done).toMatchObject({ status: "complete" });
    const turnId = done.type === "done" ? done.turn_id : "";
    expect(firstDelta).toMatchObject({ turn_id: turnId, offset: 0 });
    // Told that the answer restarts, never that the coach is offline, and shown without doubled text.
    expect(client.of("notice").map((n) => n.code)).toContain("answer_restarting");
    expect(client.of("notice").map((n) => n.code)).not.toContain("coach_offline");
    expect(shown(client.frames, turnId)).toBe(done.type === "done" ? done.text : "");
    const room = roomFor(env, workspace.tenantId, session.conversation_id);
    const stored = (await room.listMessages(0, 100)).messages;
    expect(stored.map((m) => [m.role, m.status])).toEqual([
      ["user", "stored"],
      ["assistant", "complete"],
    ]);
    // The cut-off generation was aborted at the model, and the other bridge answered.
    const after = await controlBridge("/stand-in/stats");
    expect((after.chatAborted ?? 0) - (before.chatAborted ?? 0)).toBe(1);
    const served = await runInDurableObject(room, (_instance, state) =>
      state.storage.kv.get<string>("bridge:last"),
    );
    expect(served).toBe(second);
    const pool = await bridgePoolFor(env, workspace.tenantId).status(workspace.tenantId);
    expect(pool.find((b) => b.id === first)).toMatchObject({ consecutive_failures: 1 });
    expect(pool.find((b) => b.id === second)).toMatchObject({
      state: "closed",
      consecutive_failures: 0,
    });
    client.close();
  });

  it(
    "moves a turn off a frozen bridge (connection open, no answer) to the other within seconds",
    {
      timeout: 30_000,
    },
    async () => {
      const workspace = await createWorkspace();
      const { first, second } = await twoBridges(workspace.tenantId);
      // The first bridge's port still accepts connections and never answers, as a SIGSTOPped process.
      await controlBridge("/bridge/freeze");
      const session = await openSession(workspace);
      const client = await SocketClient.connect(session);
      const sent = Date.now();
      client.send({
        type: "message",
        client_id: "frozen-pool-01",
        text: "How do I start a routine?",
      });
      // Without a deadline for the bridge's response the turn sat on it for its whole 65 s call.
      const done = await client.next((f) => f.type === "done", 20_000);
      expect(done).toMatchObject({ status: "complete" });
      expect(Date.now() - sent).toBeGreaterThanOrEqual(BRIDGE_RESPONSE_DEADLINE_MS);
      const room = roomFor(env, workspace.tenantId, session.conversation_id);
      const served = await runInDurableObject(room, (_instance, state) =>
        state.storage.kv.get<string>("bridge:last"),
      );
      expect(served).toBe(second);
      const pool = await bridgePoolFor(env, workspace.tenantId).status(workspace.tenantId);
      expect(pool.find((b) => b.id === first)).toMatchObject({ consecutive_failures: 1 });
      client.close();
    },
  );

  it("takes a bridge whose circuit opened back once its /health answers, then ramps its share up", async () => {
    const workspace = await createWorkspace();
    const { first } = await twoBridges(workspace.tenantId);
    const pool = bridgePoolFor(env, workspace.tenantId);
    const tenantId = workspace.tenantId;
    // Three turns in a row fail on the first bridge, as rooms would report them.
    for (let i = 0; i < 3; i++) {
      const chosen = await pool.choose(tenantId, {
        request_id: `r${i}`,
        preferred: first,
        exclude: [],
      });
      expect(chosen?.bridge_id).toBe(first);
      await pool.report(tenantId, {
        request_id: `r${i}`,
        bridge_id: first,
        lease_id: chosen?.lease_id ?? "",
        outcome: { kind: "failed" },
      });
    }
    const opened = await pool.status(tenantId);
    expect(opened.find((b) => b.id === first)).toMatchObject({ state: "open" });
    expect(
      (await pool.choose(tenantId, { request_id: "r3", preferred: first, exclude: [] }))?.bridge_id,
    ).not.toBe(first);

    // Its alarm probes /health once due (the bridge is up): half-open, and the next turn is its trial.
    await expect
      .poll(async () => (await pool.status(tenantId)).find((b) => b.id === first), {
        timeout: 6000,
        interval: 250,
      })
      .toMatchObject({ state: "half_open", load: { concurrency: 1 } });
    const trial = await pool.choose(tenantId, { request_id: "r4", preferred: first, exclude: [] });
    expect(trial?.bridge_id).toBe(first);
    await pool.report(tenantId, {
      request_id: "r4",
      bridge_id: first,
      lease_id: trial?.lease_id ?? "",
      outcome: { kind: "answered" },
    });
    const back = (await pool.status(tenantId)).find((b) => b.id === first);
    expect(back).toMatchObject({ state: "closed", consecutive_failures: 0 });
    expect(back?.share).toBeLessThan(0.5);
  });
});
