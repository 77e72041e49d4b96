// An erased conversation never comes back (issue 17, finding 6). The attack: the visitor token minted
// before `DELETE /api/v1/contacts/:id` got 500 ("no such table: meta") for a minute, then reopened the
// room once the object restarted: the new message was stored and answered in a conversation the API
// reported as 404, and the room's index sync failed every 10 s on the contact's foreign key. Now the
// token is revoked, the room keeps a tombstone and refuses with 410 `conversation_erased` (never 500),
// and channel messages of an erased person start a new conversation.
import { SOCKET_CLOSE_CODES } from "@coach/contracts/socket";
import { abortAllDurableObjects, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ConversationRoom } from "../../durable-objects/conversation-room";
import { ROOM_HEADERS } from "../../worker/lib/rooms";
import { AppError } from "../../worker/lib/errors";
import { forTenant } from "../../worker/db/tenant-gateway";
import { roomFor } from "../../worker/lib/rooms";
import { openSession, SocketClient, upgrade } from "../support/widget-client";
import { call } from "../worker/auth/helpers";
import {
  connectBot,
  eventually,
  postUpdate,
  telegramCalls,
  textUpdate,
} from "../worker/channels/channel-helpers";
import {
  ask,
  seedDashboardWorkspace,
  type DashboardWorkspace,
} from "../worker/conversations/inbox-helpers";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

async function contactOf(conversationId: string): Promise<string> {
  return (
    (await forTenant(env.DB, workspace.tenantId).get("conversations", conversationId)).contactId ??
    ""
  );
}

async function erase(contactId: string): Promise<void> {
  const res = await call(`/api/v1/contacts/${contactId}`, {
    method: "DELETE",
    token: workspace.members.owner.token,
  });
  expect(await res.json()).toMatchObject({ complete: true });
}

async function errorCode(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { error?: { code?: string } }).error?.code;
}

/** A socket upgrade forwarded to the room as the Worker would, past the Worker's own check. */
function upgradeRoomDirectly(conversationId: string, contactId: string): Promise<Response> {
  const headers = new Headers({ Upgrade: "websocket" });
  headers.set(ROOM_HEADERS.tenant, workspace.tenantId);
  headers.set(ROOM_HEADERS.conversation, conversationId);
  headers.set(ROOM_HEADERS.contact, contactId);
  headers.set(ROOM_HEADERS.channel, "web");
  headers.set(ROOM_HEADERS.subject, contactId);
  return roomFor(env, workspace.tenantId, conversationId).fetch("http://room/socket", { headers });
}

describe("a widget conversation after its contact is erased", () => {
  it("closes the open socket with conversation_erased", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    await ask(client, "How do I start a morning routine?");
    const closed = new Promise<number>((resolve) =>
      client.ws.addEventListener("close", (event) => resolve(event.code)),
    );
    await erase(await contactOf(session.conversation_id));
    expect(await client.next((f) => f.type === "error")).toMatchObject({
      code: "conversation_erased",
    });
    expect(await closed).toBe(SOCKET_CLOSE_CODES.conversationErased);
  });

  it("refuses the visitor token minted before the erasure with 410, now and after the room restarts", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    await ask(client, "How do I start a morning routine?");
    const contactId = await contactOf(session.conversation_id);
    await erase(contactId);
    const refused = await upgrade(session.socket_url);
    expect(refused.status).toBe(410);
    expect(await errorCode(refused)).toBe("conversation_erased");
    // The object restarting (eviction, deploy) used to reopen an empty room under the old identity.
    await abortAllDurableObjects();
    const later = await upgrade(session.socket_url);
    expect(later.status).toBe(410);
    expect(await errorCode(later)).toBe("conversation_erased");
    expect(
      (
        await call(`/api/v1/conversations/${session.conversation_id}`, {
          token: workspace.members.owner.token,
        })
      ).status,
    ).toBe(404);
  });

  it("keeps a tombstone in the room itself: it refuses a forwarded upgrade and a channel message, and syncs nothing", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);
    await ask(client, "How do I start a morning routine?");
    client.close();
    const contactId = await contactOf(session.conversation_id);
    await erase(contactId);
    await abortAllDurableObjects();
    const room = roomFor(env, workspace.tenantId, session.conversation_id);
    const direct = await upgradeRoomDirectly(session.conversation_id, contactId);
    expect(direct.status).toBe(410);
    expect(await errorCode(direct)).toBe("conversation_erased");
    const meta = {
      tenantId: workspace.tenantId,
      conversationId: session.conversation_id,
      contactId,
      channel: "web" as const,
    };
    const refusal = await runInDurableObject(room, (instance: ConversationRoom) =>
      instance
        .receiveChannelMessage({
          meta,
          client_id: "after-erasure-01",
          text: "I'm back",
          author: contactId,
        })
        .then(
          () => null,
          (err: unknown) => (err instanceof AppError ? err.code : String(err)),
        ),
    );
    expect(refusal).toBe("conversation_erased");
    await runDurableObjectAlarm(room);
    expect(await room.listMessages(0, 100)).toEqual({ messages: [], last_seq: 0 });
    expect(
      await forTenant(env.DB, workspace.tenantId).find("conversations", session.conversation_id),
    ).toBeUndefined();
  });

  it("refuses the old token on the widget's coaching routes too", async () => {
    const session = await openSession(workspace);
    await erase(await contactOf(session.conversation_id));
    const res = await call("/api/v1/widget/stop", {
      body: {},
      headers: { Authorization: `Bearer ${session.visitor_token}` },
    });
    expect(res.status).toBe(410);
    expect(await errorCode(res)).toBe("conversation_erased");
  });

  it("lets the same browser start over: its old visitor id opens a new conversation that answers", async () => {
    const session = await openSession(workspace);
    await erase(await contactOf(session.conversation_id));
    const fresh = await openSession(workspace, session.visitor_id);
    expect(fresh.conversation_id).not.toBe(session.conversation_id);
    expect(fresh.visitor_id).not.toBe(session.visitor_id);
    const client = await SocketClient.connect(fresh);
    expect((await ask(client, "How do I start a morning routine?")).text).not.toBe("");
    client.close();
  });
});

describe("a Telegram chat after its contact is erased", () => {
  it("starts a new conversation; a message arriving mid-erasure is redelivered into it", async () => {
    const bot = await connectBot(workspace);
    const chat = 7_700_000 + Math.floor(Math.random() * 100_000);
    expect(
      (
        await postUpdate(
          bot.botId,
          bot.secret,
          textUpdate(1, chat, "How do I start a morning routine?"),
        )
      ).status,
    ).toBe(200);
    const gateway = forTenant(env.DB, workspace.tenantId);
    const first = await eventually(async () => {
      const mine = (await gateway.list("contacts")).filter((c) => c.externalId === String(chat));
      expect(mine).toHaveLength(1);
      return mine[0];
    });
    const [old] = (await gateway.list("conversations")).filter((r) => r.contactId === first?.id);
    // The room is erased first; its D1 rows go last. A message in between is not stored in the erased room.
    await roomFor(env, workspace.tenantId, old?.id ?? "").erase();
    const midway = textUpdate(2, chat, "Are you still there?");
    expect((await postUpdate(bot.botId, bot.secret, midway)).status).toBe(503);
    await erase(first?.id ?? "");
    const answered = async () =>
      (await telegramCalls(bot.token, "sendMessage")).filter(
        (c) => Number(c.params.chat_id) === chat,
      ).length;
    const before = await answered();
    expect((await postUpdate(bot.botId, bot.secret, midway)).status).toBe(200);
    const contacts = (await gateway.list("contacts")).filter((c) => c.externalId === String(chat));
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.id).not.toBe(first?.id);
    const [fresh] = (await gateway.list("conversations")).filter(
      (r) => r.contactId === contacts[0]?.id,
    );
    expect(fresh?.id).not.toBe(old?.id);
    const page = await roomFor(env, workspace.tenantId, fresh?.id ?? "").listMessages(0, 10);
    expect(page.messages.map((m) => m.text)).toContain("Are you still there?");
    await eventually(async () => expect(await answered()).toBeGreaterThan(before));
  });
});
