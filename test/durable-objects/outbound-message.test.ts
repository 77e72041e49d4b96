// ConversationRoom.sendOutbound, the contract proactive coaching and takeovers build on: stored once
// per client id, shown on the sockets with its quick replies, and delivered on WhatsApp as free text
// inside the 24-hour window or as the number's template outside it (never stored when it cannot go).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoomMeta } from "../../durable-objects/room/room-meta";
import { forTenant } from "../../worker/db/tenant-gateway";
import { roomFor } from "../../worker/lib/rooms";
import { call } from "../worker/auth/helpers";
import {
  connectNumber,
  graphCalls,
  postSigned,
  waText,
  eventually,
} from "../worker/channels/channel-helpers";
import {
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "../worker/conversations/inbox-helpers";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

/** A WhatsApp user who wrote once; their last message is moved `hoursAgo` into the past. */
async function whatsappUser(waId: string, hoursAgo: number, template: boolean) {
  const number = await connectNumber(workspace);
  if (template) {
    await call(`/api/v1/channels/${number.channel.id}/template`, {
      method: "PUT",
      token: workspace.members.owner.token,
      body: { name: "coach_check_in", language: "en_US", body_parameter: true },
    });
  }
  await postSigned(number, waText(number.phoneId, waId, `wamid.${waId}`, "Hi"));
  const gateway = forTenant(env.DB, workspace.tenantId);
  const conversation = await eventually(async () => {
    const contact = (await gateway.list("contacts")).find((k) => k.externalId === waId);
    const found = (await gateway.list("conversations")).find(
      (c) => contact && c.contactId === contact.id,
    );
    if (!found) throw new Error("no conversation yet");
    return found;
  });
  await gateway.update("contacts", conversation.contactId ?? "", {
    lastSeenAt: Date.now() - hoursAgo * 3600_000,
  });
  const meta: RoomMeta = {
    tenantId: workspace.tenantId,
    conversationId: conversation.id,
    contactId: conversation.contactId,
    channel: "whatsapp",
  };
  return { number, room: roomFor(env, workspace.tenantId, conversation.id), meta };
}

describe("sendOutbound", () => {
  it("shows a proactive message with its quick replies on the sockets, once per client id", async () => {
    const { client, conversationId } = await visitor(workspace);
    await say(client, "Hello");
    const room = roomFor(env, workspace.tenantId, conversationId);
    const meta: RoomMeta = {
      tenantId: workspace.tenantId,
      conversationId,
      contactId: null,
      channel: "web",
    };
    const input = {
      meta,
      client_id: "checkin-0001",
      text: "How did today go?",
      author: "assistant" as const,
      source: "proactive" as const,
      quick_replies: [{ id: "done", label: "Done" }],
    };
    const first = await room.sendOutbound(input);
    expect(first).toMatchObject({ duplicate: false, delivered: true });
    expect(await client.next((f) => f.type === "message" && f.seq === first.seq)).toMatchObject({
      role: "assistant",
      text: "How did today go?",
      quick_replies: [{ id: "done", label: "Done" }],
    });
    expect(await room.sendOutbound(input)).toEqual({
      seq: first.seq,
      duplicate: true,
      delivered: false,
    });
    client.close();
  });

  it("sends free text on WhatsApp inside the 24-hour window", async () => {
    const { number, room, meta } = await whatsappUser("15558001", 2, false);
    const result = await room.sendOutbound({
      meta,
      client_id: "checkin-0002",
      text: "Time for your check-in.",
      author: "assistant",
      source: "proactive",
    });
    expect(result).toMatchObject({ delivered: true });
    const texts = (await graphCalls(number.phoneId))
      .filter((c) => c.body?.type === "text")
      .map((c) => (c.body?.text as { body: string }).body);
    expect(texts).toContain("Time for your check-in.");
  });

  it("sends the number's template outside the window, and stores nothing when there is none", async () => {
    const withTemplate = await whatsappUser("15558002", 30, true);
    const sent = await withTemplate.room.sendOutbound({
      meta: withTemplate.meta,
      client_id: "checkin-0003",
      text: "Checking in on your week.",
      author: "assistant",
      source: "proactive",
    });
    expect(sent).toMatchObject({ delivered: true });
    expect(
      (await graphCalls(withTemplate.number.phoneId)).some((c) => c.body?.type === "template"),
    ).toBe(true);

    const without = await whatsappUser("15558003", 30, false);
    const refused = await without.room.sendOutbound({
      meta: without.meta,
      client_id: "checkin-0004",
      text: "Checking in.",
      author: "assistant",
      source: "proactive",
    });
    expect(refused).toMatchObject({
      seq: 0,
      delivered: false,
      error: { code: "whatsapp_template_required" },
    });
    const page = await without.room.listMessages(0, 50);
    expect(page.messages.map((m) => m.text)).not.toContain("Checking in.");
  });
});
