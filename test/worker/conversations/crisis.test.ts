// A message that reads as a crisis, on every channel: fixed words with the services of the person's
// country in their language (never a model call), the conversation flagged urgent in the inbox, the
// creator's webhook told, proactive messages held until a member resolves the flag, and the audit log
// showing who saw it and who resolved it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoomMeta } from "../../../durable-objects/room/room-meta";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import type { ReceivedWebhook } from "../../support/webhook-receiver";
import { controlBridge } from "../../support/widget-client";
import { call } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
  whatsAppTexts,
} from "../channels/channel-helpers";
import { hookUrl, register } from "../integrations/webhook-helpers";
import {
  ask,
  getJson,
  indexed,
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
  type InboxItem,
} from "./inbox-helpers";

type UrgentItem = InboxItem & { urgent_at: number | null; urgent_kind: string | null };

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

async function received(name: string): Promise<ReceivedWebhook[]> {
  const res = await fetch(`${env.TEST_WEBHOOK_RECEIVER_URL}/__received?name=${name}`);
  return (await res.json()) as ReceivedWebhook[];
}

async function auditActions(conversationId: string): Promise<string[]> {
  const { events } = await getJson<{ events: { action: string }[] }>(
    `/api/v1/audit?target_id=${conversationId}`,
    workspace.members.owner.token,
  );
  return events.map((e) => e.action);
}

describe("a message in a crisis", () => {
  it("gets fixed words with help at once, flags the conversation urgent and tells the creator's webhook", async () => {
    await register(workspace, ["crisis.detected"], hookUrl("crisis-web"));
    const { client, conversationId } = await visitor(workspace);
    const started = Date.now();
    const seq = await say(
      client,
      "slept badly again... honestly i just want to go to sleep and not wake up",
    );
    const reply = (await client.next((f) => f.type === "done" && f.seq > seq)) as {
      text: string;
    };
    expect(Date.now() - started).toBeLessThan(2_000);
    // No country is known on the web: the international directory and the emergency numbers.
    expect(reply.text).toContain("findahelpline.com");
    expect(reply.text).toContain("112");
    expect(reply.text).toContain("a person will read this");
    // Fixed words, not the assistant: nothing streamed, no typing.
    expect(client.of("delta")).toEqual([]);
    expect(client.of("typing").filter((t) => t.role === "assistant")).toEqual([]);

    const item = await indexed(
      workspace,
      conversationId,
      (c) => (c as UrgentItem).urgent_at !== null,
    );
    expect(item).toMatchObject({ needs_human: true, urgent_kind: "self_harm" });
    const urgent = await getJson<{ conversations: InboxItem[] }>(
      "/api/v1/conversations?urgent=true&limit=100",
      workspace.members.viewer.token,
    );
    expect(urgent.conversations.map((c) => c.id)).toContain(conversationId);

    const [event] = await eventually(async () => {
      const hooks = await received("crisis-web");
      expect(hooks.length).toBeGreaterThan(0);
      return hooks;
    });
    expect(JSON.parse(event?.body ?? "{}")).toMatchObject({
      type: "crisis.detected",
      data: { conversation_id: conversationId, kind: "self_harm", language: "en" },
    });
    expect(await auditActions(conversationId)).toContain("conversation.crisis_detected");
    client.close();
  });

  it("is answered within 2 s while the bridge is down, and no model is ever asked", async () => {
    const before = (await controlBridge("/stand-in/stats")) as { chatStarted: number };
    await controlBridge("/bridge/stop");
    try {
      const { client } = await visitor(workspace);
      const started = Date.now();
      const seq = await say(client, "je veux en finir, je n'en peux plus");
      const reply = (await client.next((f) => f.type === "done" && f.seq > seq)) as {
        text: string;
      };
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(reply.text).toContain("J'ai prévenu le coach");
      expect(client.of("notice")).toEqual([]);
      client.close();
    } finally {
      await controlBridge("/bridge/start");
    }
    const after = (await controlBridge("/stand-in/stats")) as { chatStarted: number };
    expect(after.chatStarted).toBe(before.chatStarted);
  });

  it("holds proactive messages until a member resolves the flag, and audits who saw and resolved it", async () => {
    const { client, conversationId } = await visitor(workspace);
    const seq = await say(client, "He hit me again last night and I'm scared to go home");
    await client.next((f) => f.type === "done" && f.seq > seq);
    await indexed(workspace, conversationId, (c) => (c as UrgentItem).urgent_kind === "abuse");
    const conversation = await forTenant(env.DB, workspace.tenantId).get(
      "conversations",
      conversationId,
    );
    await eventually(async () => {
      const contact = await forTenant(env.DB, workspace.tenantId).get(
        "contacts",
        conversation.contactId ?? "",
      );
      expect(contact.careHoldAt).not.toBeNull();
    });
    const meta: RoomMeta = {
      tenantId: workspace.tenantId,
      conversationId,
      contactId: conversation.contactId,
      channel: "web",
    };
    const room = roomFor(env, workspace.tenantId, conversationId);
    const checkIn = (clientId: string) =>
      room.sendOutbound({
        meta,
        client_id: clientId,
        text: "How did today go?",
        author: "assistant",
        source: "proactive",
      });
    expect(await checkIn("checkin-held-1")).toMatchObject({
      delivered: false,
      error: { code: "contact_on_care_hold" },
    });

    // Opened twice (the dashboard reloads an open transcript): seen once per member.
    await getJson(`/api/v1/conversations/${conversationId}`, workspace.members.viewer.token);
    await getJson(
      `/api/v1/conversations/${conversationId}/messages`,
      workspace.members.viewer.token,
    );
    const { events } = await getJson<{ events: { action: string; actor_id: string }[] }>(
      `/api/v1/audit?target_id=${conversationId}&action=conversation.urgent_viewed`,
      workspace.members.owner.token,
    );
    const viewers = events.map((e) => e.actor_id);
    expect(viewers).toContain(workspace.members.viewer.userId);
    expect(new Set(viewers).size).toBe(viewers.length);
    const res = await call(`/api/v1/conversations/${conversationId}/resolve-urgent`, {
      token: workspace.members.owner.token,
      body: {},
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ urgent_at: null, needs_human: false });
    expect(await checkIn("checkin-held-2")).toMatchObject({ delivered: true });
    const actions = await auditActions(conversationId);
    expect(actions).toEqual(
      expect.arrayContaining(["conversation.urgent_viewed", "conversation.urgent_resolved"]),
    );
    client.close();
  });

  it("a viewer cannot resolve the flag", async () => {
    const { client, conversationId } = await visitor(workspace);
    await say(client, "i've been saving up my pills for a while now");
    await indexed(workspace, conversationId, (c) => (c as UrgentItem).urgent_at !== null);
    const res = await call(`/api/v1/conversations/${conversationId}/resolve-urgent`, {
      token: workspace.members.viewer.token,
      body: {},
    });
    expect(res.status).toBe(403);
    client.close();
  });

  it("answers on WhatsApp in the person's language with their country's services", async () => {
    const number = await connectNumber(workspace);
    await postSigned(
      number,
      waText(number.phoneId, "34612345678", "wamid.crisis-es", "ya no quiero vivir, de verdad"),
    );
    const text = await eventually(async () => {
      const sent = await whatsAppTexts(number.phoneId, "34612345678");
      expect(sent).toHaveLength(1);
      return sent[0] ?? "";
    });
    // Spain: the 024 suicide line and 112.
    expect(text).toContain("024");
    expect(text).toContain("112");
    expect(text).toContain("He avisado al coach");
  });

  it("answers on Telegram in German", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(802, 9202, "ich will nicht mehr leben"));
    const texts = await eventually(async () => {
      const sent = (await telegramCalls(bot.token, "sendMessage"))
        .filter((c) => String(c.params.chat_id) === "9202")
        .map((c) => String(c.params.text));
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(texts[0]).toContain("findahelpline.com");
    expect(texts[0]).toContain("Ich habe dem Coach Bescheid gegeben");
  });

  it("leaves figures of speech and denials to the assistant", async () => {
    const { client, conversationId } = await visitor(workspace);
    for (const text of [
      "this interval workout is killing me, I could murder a pizza",
      "I'm not suicidal, just tired of my alarm",
    ]) {
      const answer = await ask(client, text);
      expect(answer.text).not.toContain("findahelpline.com");
    }
    const item = await getJson<UrgentItem>(
      `/api/v1/conversations/${conversationId}`,
      workspace.members.owner.token,
    );
    expect(item.urgent_at).toBeNull();
    client.close();
  });
});
