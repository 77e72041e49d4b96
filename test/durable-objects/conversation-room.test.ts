// ConversationRoom as the widget meets it: the socket protocol, answers streamed from the real bridge,
// resume by sequence number, deduplication and fan-out to several sockets.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../worker/db/tenant-gateway";
import {
  createWorkspace,
  openSession,
  SocketClient,
  type Workspace,
} from "../support/widget-client";

type Done = {
  type: "done";
  turn_id: string;
  seq: number;
  text: string;
  status: string;
  confidence: number | null;
  citations: unknown[];
};

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
});

async function ask(client: SocketClient, text: string, clientId = crypto.randomUUID()) {
  client.send({ type: "message", client_id: clientId, text });
  const ack = await client.next((f) => f.type === "ack" && f.client_id === clientId);
  const done = (await client.next(
    (f) => f.type === "done" && f.seq > (ack as { seq: number }).seq,
  )) as Done;
  return { ack: ack as { seq: number; duplicate: boolean }, done };
}

describe("ConversationRoom socket protocol", () => {
  it("welcomes a new client with the conversation id and last seq 0", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    expect(client.of("welcome")[0]).toMatchObject({
      conversation_id: session.conversation_id,
      last_seq: 0,
      protocol: 1,
    });
    client.close();
  });

  it("acknowledges a message with its seq, then streams the answer and stores it", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    const { ack, done } = await ask(client, "How do I start a morning routine?");
    expect(ack).toMatchObject({ seq: 1, duplicate: false });
    const deltas = client.of("delta").filter((d) => d.turn_id === done.turn_id);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((d) => d.text).join("")).toBe(done.text);
    expect(deltas.map((d) => d.offset)).toEqual(
      deltas.map((_, i) => deltas.slice(0, i).reduce((n, d) => n + d.text.length, 0)),
    );
    expect(done).toMatchObject({
      seq: 2,
      status: "complete",
      citations: [expect.objectContaining({ title: "Routine guide", snippet: expect.any(String) })],
    });
    client.close();
  });

  it("stores a re-sent client message id once and acknowledges it as a duplicate", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    const first = await ask(client, "Same question", "client-msg-0001");
    client.send({ type: "message", client_id: "client-msg-0001", text: "Same question" });
    const acks = async () => client.of("ack").filter((a) => a.client_id === "client-msg-0001");
    await client.next((f) => f.type === "ack" && f.duplicate);
    expect(await acks()).toEqual([
      { type: "ack", client_id: "client-msg-0001", seq: first.ack.seq, duplicate: false },
      { type: "ack", client_id: "client-msg-0001", seq: first.ack.seq, duplicate: true },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.of("done")).toHaveLength(1);
    client.close();
  });

  it("resumes after the last seen seq and delivers each later message exactly once", async () => {
    const session = await openSession(workspace);
    const first = await SocketClient.connect(session);
    await ask(first, "First question");
    await ask(first, "Second question");
    first.close();
    const resumed = await SocketClient.connect(session, 2);
    await resumed.next((f) => f.type === "message" && f.seq === 4);
    expect(resumed.of("message").map((m) => m.seq)).toEqual([3, 4]);
    expect(resumed.of("message").map((m) => m.role)).toEqual(["user", "assistant"]);
    resumed.close();
  });

  it("streams the same answer to every socket of the conversation", async () => {
    const session = await openSession(workspace);
    const tab1 = await SocketClient.connect(session);
    const tab2 = await SocketClient.connect(session);
    const { done } = await ask(tab1, "Seen in two tabs?");
    const doneInTab2 = (await tab2.next(
      (f) => f.type === "done" && f.turn_id === done.turn_id,
    )) as Done;
    expect(doneInTab2.text).toBe(done.text);
    expect(tab2.of("message").map((m) => m.text)).toContain("Seen in two tabs?");
    expect(
      tab2
        .of("delta")
        .filter((d) => d.turn_id === done.turn_id)
        .map((d) => d.text)
        .join(""),
    ).toBe(done.text);
    tab1.close();
    tab2.close();
  });

  it("acknowledges the sender before the room's other sockets see the message", async () => {
    const session = await openSession(workspace);
    const sender = await SocketClient.connect(session);
    const others = await Promise.all(
      Array.from({ length: 8 }, () => SocketClient.connect(session)),
    );
    const arrivals: string[] = [];
    sender.ws.addEventListener("message", (event) => {
      if (String(event.data).includes('"type":"ack"')) arrivals.push("ack");
    });
    for (const other of others) {
      other.ws.addEventListener("message", (event) => {
        if (String(event.data).includes('"type":"message"')) arrivals.push("message");
      });
    }
    sender.send({ type: "message", client_id: "ack-first-0001", text: "Who hears this first?" });
    await Promise.all(
      others.map((other) =>
        other.next((f) => f.type === "message" && f.text === "Who hears this first?"),
      ),
    );
    await sender.next((f) => f.type === "ack");
    expect(arrivals).toEqual(["ack", ...others.map(() => "message")]);
    for (const client of [sender, ...others]) client.close();
  });

  it("answers the same question asked twice in a row, both times, without delay", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    client.send({ type: "message", client_id: "twice-000001", text: "Morning routine?" });
    client.send({ type: "message", client_id: "twice-000002", text: "Morning routine?" });
    await client.next(() => client.of("done").length === 2);
    expect(client.of("done").map((d) => d.status)).toEqual(["complete", "complete"]);
    expect(client.of("notice").filter((n) => n.code !== "queued")).toEqual([]);
    client.close();
  });

  it("answers a frame that is not JSON with an error frame and keeps the socket open", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    client.ws.send("{nope");
    expect(await client.next((f) => f.type === "error")).toMatchObject({ code: "invalid_json" });
    client.send({ type: "ping" });
    await client.next((f) => f.type === "pong");
    client.close();
  });

  it("refuses a frame of an unknown type or with missing fields", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    client.send({ type: "message", text: "no client id" });
    expect(await client.next((f) => f.type === "error")).toMatchObject({ code: "invalid_frame" });
    client.close();
  });

  it("refuses a message over the size limit with a clear error", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    client.send({ type: "message", client_id: "too-long-0001", text: "x".repeat(4001) });
    expect(await client.next((f) => f.type === "error")).toMatchObject({
      code: "invalid_frame",
      message: "Messages are at most 4000 characters.",
    });
    expect(client.of("ack")).toEqual([]);
    client.close();
  });

  it("rate-limits a visitor who floods messages with retry_after", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    for (let i = 0; i < 12; i++)
      client.send({ type: "message", client_id: `flood-${i}-000000`, text: `message ${i}` });
    const error = await client.next((f) => f.type === "error" && f.code === "rate_limited");
    expect(error).toMatchObject({
      code: "rate_limited",
      retry_after: expect.any(Number),
      client_id: expect.stringMatching(/^flood-/),
    });
    expect(client.of("ack").length).toBeLessThanOrEqual(10);
    client.close();
  });

  it("records the name and email the host page gives for the visitor", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    client.send({ type: "identify", name: "Ada Lovelace", email: "ada@example.test" });
    const contact = async () =>
      (await forTenant(env.DB, workspace.tenantId).list("contacts")).find(
        (c) => c.externalId === session.visitor_id,
      );
    await expect.poll(async () => (await contact())?.displayName).toBe("Ada Lovelace");
    expect((await contact())?.email).toBe("ada@example.test");
    client.close();
  });

  it("refuses an identity with a malformed email", async () => {
    const client = await SocketClient.connect(await openSession(workspace));
    client.send({ type: "identify", email: "not an email" });
    expect(await client.next((f) => f.type === "error")).toMatchObject({ code: "invalid_frame" });
    client.close();
  });

  it("relays typing to the other sockets only", async () => {
    const session = await openSession(workspace);
    const a = await SocketClient.connect(session);
    const b = await SocketClient.connect(session);
    a.send({ type: "typing" });
    expect(await b.next((f) => f.type === "typing")).toMatchObject({ role: "user", active: true });
    expect(a.of("typing")).toEqual([]);
    a.close();
    b.close();
  });
});
