// The dashboard's view of conversations: the D1 index the rooms keep up to date, and messages read
// from the room, tenant-scoped.
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { ORIGIN, openSession, SocketClient } from "../../support/widget-client";

type ConversationJson = {
  id: string;
  message_count: number;
  last_preview: string | null;
  channel: string;
};

let seeded: SeededWorkspace;
let conversationId: string;

beforeAll(async () => {
  seeded = await seedWorkspace();
  const widget = (await (
    await call("/api/v1/widget", { token: seeded.members.owner.token })
  ).json()) as { public_key: string };
  await call("/api/v1/widget", {
    method: "PUT",
    token: seeded.members.owner.token,
    body: { allowed_origins: [ORIGIN] },
  });
  const session = await openSession({ tenantId: seeded.tenantId, publicKey: widget.public_key });
  conversationId = session.conversation_id;
  const client = await SocketClient.connect(session);
  client.send({ type: "message", client_id: "dash-000001", text: "What should I do first?" });
  await client.next((f) => f.type === "done");
  client.close();
  // The room writes the index from its alarm, in batches; run it now rather than wait.
  await runDurableObjectAlarm(roomFor(env, seeded.tenantId, conversationId));
});

describe("GET /api/v1/conversations", () => {
  it("lists the workspace's conversations with counts and a preview", async () => {
    const res = await call("/api/v1/conversations", { token: seeded.members.viewer.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      conversations: ConversationJson[];
      next_offset: number | null;
    };
    expect(body.conversations).toEqual([
      expect.objectContaining({ id: conversationId, channel: "web", message_count: 2 }),
    ]);
    expect(body.next_offset).toBeNull();
  });

  it("shows nothing of another workspace", async () => {
    const other = await seedWorkspace();
    const body = (await (
      await call("/api/v1/conversations", { token: other.members.owner.token })
    ).json()) as { conversations: unknown[] };
    expect(body.conversations).toEqual([]);
  });

  it("refuses a bad page size with 400", async () => {
    expect(
      (await call("/api/v1/conversations?limit=0", { token: seeded.members.viewer.token })).status,
    ).toBe(400);
  });
});

describe("GET /api/v1/conversations/:id/messages", () => {
  it("returns the transcript in order", async () => {
    const res = await call(`/api/v1/conversations/${conversationId}/messages`, {
      token: seeded.members.editor.token,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { messages: { seq: number; role: string; text: string }[] };
    expect(body.messages.map((m) => [m.seq, m.role])).toEqual([
      [1, "user"],
      [2, "assistant"],
    ]);
    expect(body.messages[0]?.text).toBe("What should I do first?");
  });

  it("answers another workspace's conversation as not found", async () => {
    const other = await seedWorkspace();
    const res = await call(`/api/v1/conversations/${conversationId}/messages`, {
      token: other.members.owner.token,
    });
    expect(res.status).toBe(404);
  });

  it("needs a signed-in member", async () => {
    expect((await call(`/api/v1/conversations/${conversationId}/messages`)).status).toBe(401);
  });
});
