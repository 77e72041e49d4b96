// What an answer rests on (`grounding`) and which model wrote it (`model`): sent with the `done` frame,
// stored in the room's log, replayed with the history, shown in the dashboard's transcript; and a room
// whose log was created before these columns existed gains them without losing a message.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MessageLog } from "../../durable-objects/room/message-log";
import { COACH_MATERIAL_TITLE, ROUTINE_QUESTION } from "../support/coach-material";
import { openSession, SocketClient } from "../support/widget-client";
import { call } from "../worker/auth/helpers";
import { seedDashboardWorkspace } from "../worker/conversations/inbox-helpers";

/** The stand-in answers as the bridge's configured chat model. */
const CHAT_MODEL = "llama3.2:1b";

type Done = { seq: number; grounding?: string; model?: string; citations: { title: string }[] };

async function ask(client: SocketClient, text: string, clientId: string): Promise<Done> {
  client.send({ type: "message", client_id: clientId, text });
  const ack = (await client.next((f) => f.type === "ack" && f.client_id === clientId)) as {
    seq: number;
  };
  return (await client.next((f) => f.type === "done" && f.seq > ack.seq, 20_000)) as Done;
}

describe("grounding and model of answers", () => {
  it("travel with the answer, with its history and in the dashboard's transcript", async () => {
    const workspace = await seedDashboardWorkspace();
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    const fromMaterial = await ask(client, ROUTINE_QUESTION, "origin-ask-0001");
    const fallback = await ask(client, "How do I fix a flat tyre on my bike?", "origin-ask-0002");
    client.close();
    expect(fromMaterial).toMatchObject({
      grounding: "material",
      model: CHAT_MODEL,
      citations: [expect.objectContaining({ title: COACH_MATERIAL_TITLE })],
    });
    expect(fallback).toMatchObject({ grounding: "fallback", model: CHAT_MODEL, citations: [] });

    // A client that resumes from the start gets the stored messages with the same fields.
    const resumed = await SocketClient.connect(session);
    await resumed.next((f) => f.type === "message" && f.seq === fallback.seq);
    const history = resumed.of("message");
    resumed.close();
    expect(history.map((m) => [m.role, m.grounding, m.model])).toEqual([
      ["user", undefined, undefined],
      ["assistant", "material", CHAT_MODEL],
      ["user", undefined, undefined],
      ["assistant", "fallback", CHAT_MODEL],
    ]);

    const res = await call(`/api/v1/conversations/${session.conversation_id}/messages`, {
      token: workspace.members.viewer.token,
    });
    const { messages } = (await res.json()) as {
      messages: { seq: number; grounding?: string; model?: string }[];
    };
    expect(
      messages.filter((m) => m.grounding !== undefined).map((m) => [m.seq, m.grounding, m.model]),
    ).toEqual([
      [fromMaterial.seq, "material", CHAT_MODEL],
      [fallback.seq, "fallback", CHAT_MODEL],
    ]);
  });

  it("are added to a room's log created before they existed, keeping its messages", async () => {
    const room = env.CONVERSATION_ROOM.get(
      env.CONVERSATION_ROOM.idFromName(`origin-migration-${crypto.randomUUID()}`),
    );
    const views = await runInDurableObject(room, async (_instance, state) => {
      const sql = state.storage.sql;
      // The log as the first rooms created it.
      sql.exec("DROP TABLE IF EXISTS messages");
      sql.exec(`CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, role TEXT NOT NULL, author TEXT, text TEXT NOT NULL, status TEXT NOT NULL,
        channel TEXT NOT NULL, client_id TEXT UNIQUE, turn_id TEXT, citations TEXT NOT NULL DEFAULT '[]', confidence REAL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`);
      sql.exec(
        "INSERT INTO messages (role, text, status, channel, turn_id, confidence, created_at, updated_at) VALUES ('assistant', 'An old answer', 'complete', 'web', 't-old', 0.5, 1, 1)",
      );
      const log = new MessageLog(sql);
      log.append({
        role: "assistant",
        author: null,
        text: "A new answer",
        status: "complete",
        channel: "web",
        turnId: "t-new",
        grounding: "general",
        model: "builtin",
      });
      return log.after(0, 10);
    });
    expect(views.map((v) => ({ text: v.text, grounding: v.grounding, model: v.model }))).toEqual([
      { text: "An old answer", grounding: undefined, model: undefined },
      { text: "A new answer", grounding: "general", model: "builtin" },
    ]);
    expect(views[0]).not.toHaveProperty("grounding");
  });
});
