// The outbox: when the bridge is busy, down, or the object is evicted mid-answer, no message is lost
// or doubled; the user is told once, and the answer arrives when the coach is back.
import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { roomFor } from "../../worker/lib/rooms";
import {
  controlBridge,
  createWorkspace,
  openSession,
  SocketClient,
  type Workspace,
} from "../support/widget-client";

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
});

afterEach(async () => {
  await controlBridge("/bridge/start");
  await controlBridge("/stand-in/settings");
});

async function connectFresh() {
  const session = await openSession(workspace);
  return {
    session,
    client: await SocketClient.connect(session),
    room: roomFor(env, workspace.tenantId, session.conversation_id),
  };
}

/** Makes every waiting turn due now, as if its backoff had passed, and runs the room's alarm. */
async function retryNow(room: ReturnType<typeof roomFor>, shiftCreatedMs = 0) {
  await runInDurableObject(room, (_instance, state) => {
    state.storage.sql.exec(
      "UPDATE outbox SET next_attempt_at = 0, created_at = created_at - ?",
      shiftCreatedMs,
    );
  });
  await runDurableObjectAlarm(room);
}

async function storedMessages(room: ReturnType<typeof roomFor>) {
  return (await room.listMessages(0, 100)).messages;
}

describe("outbox", () => {
  it("tells the user once that the coach is busy, then delivers the answer", async () => {
    const { client, room } = await connectFresh();
    // Ollama busy for the question's embedding (the bridge then ranks lexically) and for the answer.
    await controlBridge("/stand-in/fail", { count: 2, status: 503 });
    client.send({
      type: "message",
      client_id: "busy-000001",
      text: "How do I start a morning routine?",
    });
    const notice = await client.next(
      (f) => f.type === "notice" && (f.code === "coach_busy" || f.code === "coach_offline"),
    );
    expect(notice).toMatchObject({ message: expect.stringMatching(/answer will follow/) });
    await retryNow(room);
    const done = await client.next((f) => f.type === "done");
    expect(done).toMatchObject({ status: "complete", seq: 2 });
    expect(
      client.of("notice").filter((n) => n.code === "coach_busy" || n.code === "coach_offline"),
    ).toHaveLength(1);
    client.close();
  });

  it("keeps the turn while the bridge is down and answers once it is back", async () => {
    const { client, room } = await connectFresh();
    await controlBridge("/bridge/stop");
    client.send({
      type: "message",
      client_id: "offline-0001",
      text: "How do I start a morning routine?",
    });
    expect(await client.next((f) => f.type === "notice")).toMatchObject({ code: "coach_offline" });
    await retryNow(room);
    expect(client.of("done")).toEqual([]);
    await controlBridge("/bridge/start");
    await retryNow(room);
    await client.next((f) => f.type === "done");
    expect((await storedMessages(room)).map((m) => m.role)).toEqual(["user", "assistant"]);
    client.close();
  });

  it("answers a turn interrupted by a restart of the object exactly once", async () => {
    const { session, client, room } = await connectFresh();
    await controlBridge("/stand-in/settings", { tokensPerSecond: 10, replyTokens: 20 });
    const before = await controlBridge("/stand-in/stats");
    client.send({
      type: "message",
      client_id: "evict-00001",
      text: "How do I start a morning routine?",
    });
    await client.next((f) => f.type === "delta");
    await abortAllDurableObjects();
    await controlBridge("/stand-in/settings");
    await runDurableObjectAlarm(room);
    await expect
      .poll(async () => (await storedMessages(room)).map((m) => [m.role, m.status]), {
        timeout: 5000,
      })
      .toEqual([
        ["user", "stored"],
        ["assistant", "complete"],
      ]);
    const after = await controlBridge("/stand-in/stats");
    expect((after.chatStarted ?? 0) - (before.chatStarted ?? 0)).toBe(2);
    const resumed = await SocketClient.connect(session);
    await resumed.next((f) => f.type === "message" && f.seq === 2);
    expect(resumed.of("message").map((m) => m.seq)).toEqual([1, 2]);
    resumed.close();
  });

  it("stops the answer on request, keeps the partial text and aborts generation at the model", async () => {
    const { client } = await connectFresh();
    await controlBridge("/stand-in/settings", { tokensPerSecond: 10, replyTokens: 40 });
    const before = await controlBridge("/stand-in/stats");
    client.send({
      type: "message",
      client_id: "stop-000001",
      text: "How do I start a morning routine?",
    });
    await client.next((f) => f.type === "delta");
    client.send({ type: "stop" });
    const done = await client.next((f) => f.type === "done");
    expect(done).toMatchObject({ status: "stopped" });
    await expect
      .poll(async () => (await controlBridge("/stand-in/stats")).chatAborted, { timeout: 3000 })
      .toBeGreaterThan(before.chatAborted ?? 0);
    client.close();
  });

  it("apologises politely when the coach stays away past the maximum wait", async () => {
    const { client, room } = await connectFresh();
    await controlBridge("/bridge/stop");
    client.send({ type: "message", client_id: "expire-0001", text: "Anyone there?" });
    await client.next((f) => f.type === "notice");
    await retryNow(room, 2 * 3600_000);
    const done = await client.next((f) => f.type === "done");
    expect(done).toMatchObject({ status: "expired", text: expect.stringMatching(/^I'm sorry/) });
    expect(
      await client.next((f) => f.type === "notice" && f.code === "answer_expired"),
    ).toBeTruthy();
    client.close();
  });

  it("answers several questions one at a time, in order", async () => {
    const { client } = await connectFresh();
    const ids = [1, 2, 3].map((n) => `order-00000${n}`);
    for (const [n, id] of ids.entries())
      client.send({ type: "message", client_id: id, text: `Morning routine question ${n}` });
    await client.next(() => client.of("done").length === 3, 10_000);
    const ackSeqs = ids.map((id) => client.of("ack").find((a) => a.client_id === id)?.seq ?? -1);
    const dones = client.of("done");
    expect(ackSeqs).toEqual([...ackSeqs].sort((a, b) => a - b));
    for (const [i, done] of dones.entries())
      expect(done.seq).toBeGreaterThan(ackSeqs[i] ?? Infinity);
    expect(dones.map((d) => d.seq)).toEqual([...dones.map((d) => d.seq)].sort((a, b) => a - b));
    const deltaTurns = client.of("delta").map((d) => d.turn_id);
    const blocks = deltaTurns.filter((turn, i) => i === 0 || deltaTurns[i - 1] !== turn);
    expect(blocks).toEqual(dones.map((d) => d.turn_id));
    client.close();
  });
});
