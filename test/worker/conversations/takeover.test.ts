// Taking over a conversation from the dashboard: the assistant pauses, the creator's messages reach
// the widget (marked as theirs) and the user's channel, and handing back lets the assistant answer
// the next message. WhatsApp's 24-hour window is respected; other workspaces see nothing.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, errorOf } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  graphCalls,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
} from "../channels/channel-helpers";
import { openSession, SocketClient } from "../../support/widget-client";
import {
  ask,
  getJson,
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "./inbox-helpers";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

function post(path: string, token: string, body: object = {}) {
  return call(path, { token, body });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The conversation of the channel user with this platform id, once their first message is in. */
function conversationOf(externalId: string) {
  return eventually(async () => {
    const gateway = forTenant(env.DB, workspace.tenantId);
    const contact = (await gateway.list("contacts")).find((k) => k.externalId === externalId);
    const conversation = (await gateway.list("conversations")).find(
      (c) => contact && c.contactId === contact.id,
    );
    if (!conversation) throw new Error(`no conversation yet for ${externalId}`);
    return conversation;
  });
}

describe("taking over a web conversation", () => {
  it("pauses the assistant, shows the creator's messages as theirs, and resumes after hand-back", async () => {
    const { client, conversationId } = await visitor(workspace);
    await ask(client, "How do I start a morning routine?");
    const editor = workspace.members.editor;

    const takeover = await post(`/api/v1/conversations/${conversationId}/takeover`, editor.token);
    expect(takeover.status).toBe(200);
    expect(await takeover.json()).toMatchObject({
      conversation_id: conversationId,
      taken_over: true,
      taken_over_by: { user_id: editor.userId, name: "Seeded editor" },
      taken_over_at: expect.any(Number),
    });
    await client.next((f) => f.type === "notice" && f.code === "human_joined");

    const userSeq = await say(client, "Are you still there?");
    await pause(1500);
    expect(client.of("done").filter((d) => d.seq > userSeq)).toEqual([]);

    const sent = await post(`/api/v1/conversations/${conversationId}/messages`, editor.token, {
      text: "Hi, this is Seeded editor. Yes!",
    });
    expect(sent.status).toBe(201);
    const { seq, delivered } = (await sent.json()) as { seq: number; delivered: boolean };
    expect(delivered).toBe(true);
    const frame = await client.next((f) => f.type === "message" && f.seq === seq);
    expect(frame).toMatchObject({
      role: "creator",
      author_role: "creator",
      author_name: "Seeded editor",
      text: "Hi, this is Seeded editor. Yes!",
    });

    const handback = await post(`/api/v1/conversations/${conversationId}/handback`, editor.token);
    expect(handback.status).toBe(200);
    expect(await handback.json()).toEqual({ conversation_id: conversationId, taken_over: false });
    await client.next((f) => f.type === "notice" && f.code === "human_left");
    // The question asked during the takeover stays with the creator; the next one is answered.
    const answer = await ask(client, "What about evenings?");
    expect(answer.text.length).toBeGreaterThan(0);
    const { messages } = await getJson<{ messages: { seq: number; role: string }[] }>(
      `/api/v1/conversations/${conversationId}/messages`,
      editor.token,
    );
    expect(messages.filter((m) => m.role === "assistant").map((m) => m.seq)).toEqual([
      2,
      answer.seq,
    ]);
    client.close();
  });

  it("is idempotent and shows the takeover to a socket that connects later", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    await say(client, "Hello");
    const first = await (
      await post(
        `/api/v1/conversations/${session.conversation_id}/takeover`,
        workspace.members.owner.token,
      )
    ).json();
    const second = await (
      await post(
        `/api/v1/conversations/${session.conversation_id}/takeover`,
        workspace.members.admin.token,
      )
    ).json();
    expect(second).toEqual(first);
    client.close();
    const again = await SocketClient.connect(await openSession(workspace, session.visitor_id), 1);
    expect(await again.next((f) => f.type === "notice")).toMatchObject({
      code: "human_joined",
      author_name: "Seeded owner",
    });
    again.close();
  });

  it("refuses messages while the assistant is in charge, and deduplicates by client id", async () => {
    const { client, conversationId } = await visitor(workspace);
    await say(client, "Hello");
    const refused = await post(
      `/api/v1/conversations/${conversationId}/messages`,
      workspace.members.owner.token,
      { text: "Hi" },
    );
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).code).toBe("not_taken_over");
    await post(`/api/v1/conversations/${conversationId}/takeover`, workspace.members.owner.token);
    const body = { text: "Only once, please.", client_id: "creator-msg-0001" };
    const first = await post(
      `/api/v1/conversations/${conversationId}/messages`,
      workspace.members.owner.token,
      body,
    );
    const repeat = await post(
      `/api/v1/conversations/${conversationId}/messages`,
      workspace.members.owner.token,
      body,
    );
    expect(first.status).toBe(201);
    expect(repeat.status).toBe(200);
    expect(((await repeat.json()) as { seq: number }).seq).toBe(
      ((await first.json()) as { seq: number }).seq,
    );
    await pause(300);
    expect(client.of("message").filter((m) => m.text === "Only once, please.")).toHaveLength(1);
    client.close();
  });

  it("needs conversations:write, answers another workspace's conversation as not found, and is audited", async () => {
    const { client, conversationId } = await visitor(workspace);
    await say(client, "Hello");
    expect(
      (
        await post(
          `/api/v1/conversations/${conversationId}/takeover`,
          workspace.members.viewer.token,
        )
      ).status,
    ).toBe(403);
    const other = await seedDashboardWorkspace();
    expect(
      (await post(`/api/v1/conversations/${conversationId}/takeover`, other.members.owner.token))
        .status,
    ).toBe(404);
    expect(
      (
        await post(`/api/v1/conversations/${conversationId}/messages`, other.members.owner.token, {
          text: "x",
        })
      ).status,
    ).toBe(404);
    expect(
      (await post(`/api/v1/conversations/${conversationId}/handback`, other.members.owner.token))
        .status,
    ).toBe(404);
    await post(`/api/v1/conversations/${conversationId}/takeover`, workspace.members.owner.token);
    await post(`/api/v1/conversations/${conversationId}/messages`, workspace.members.owner.token, {
      text: "Hello from the coach",
    });
    await post(`/api/v1/conversations/${conversationId}/handback`, workspace.members.owner.token);
    const { events } = await getJson<{ events: { action: string }[] }>(
      `/api/v1/audit?target_id=${conversationId}`,
      workspace.members.owner.token,
    );
    expect(events.map((e) => e.action).sort()).toEqual([
      "conversation.handback",
      "conversation.message_sent",
      "conversation.takeover",
    ]);
    client.close();
  });
});

describe("taking over a messaging-channel conversation", () => {
  it("sends the creator's message to the Telegram chat and keeps the assistant quiet", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(501, 9101, "Hi coach"));
    const sends = async () =>
      (await telegramCalls(bot.token, "sendMessage")).filter(
        (c) => String(c.params.chat_id) === "9101",
      );
    await eventually(async () => expect(await sends()).toHaveLength(1));
    const conversation = await conversationOf("9101");
    await post(`/api/v1/conversations/${conversation.id}/takeover`, workspace.members.owner.token);
    await postUpdate(bot.botId, bot.secret, textUpdate(502, 9101, "Is someone there?"));
    const sent = await post(
      `/api/v1/conversations/${conversation.id}/messages`,
      workspace.members.owner.token,
      { text: "Yes, Seeded owner here." },
    );
    expect(await sent.json()).toMatchObject({ delivered: true });
    await pause(1500);
    expect((await sends()).map((c) => c.params.text)).toEqual([
      expect.any(String),
      "Yes, Seeded owner here.",
    ]);
  });

  it("refuses a WhatsApp message outside the 24-hour window and stores nothing", async () => {
    const number = await connectNumber(workspace);
    await postSigned(number, waText(number.phoneId, "15557001", "wamid.TAKE1", "Hello there"));
    const conversation = await conversationOf("15557001");
    await forTenant(env.DB, workspace.tenantId).update("contacts", conversation.contactId ?? "", {
      lastSeenAt: Date.now() - 25 * 3600_000,
    });
    await post(`/api/v1/conversations/${conversation.id}/takeover`, workspace.members.owner.token);
    const before = (await graphCalls(number.phoneId)).length;
    const res = await post(
      `/api/v1/conversations/${conversation.id}/messages`,
      workspace.members.owner.token,
      { text: "Late reply" },
    );
    expect(res.status).toBe(409);
    const error = await errorOf(res);
    expect(error.code).toBe("whatsapp_window_closed");
    expect(error.message).toContain("template");
    const { messages } = await getJson<{ messages: { text: string }[] }>(
      `/api/v1/conversations/${conversation.id}/messages`,
      workspace.members.owner.token,
    );
    expect(messages.map((m) => m.text)).not.toContain("Late reply");
    expect((await graphCalls(number.phoneId)).length).toBe(before);
  });
});
