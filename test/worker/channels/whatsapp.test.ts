// WhatsApp end to end: connecting a number, the verification handshake, signed notifications into
// the room, read receipts and typing, answers and their delivery statuses, redeliveries, and the
// 24-hour customer-service window.
import type { Conversation, TranscriptPage } from "@coach/contracts/conversation-views";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ChannelDelivery } from "../../../durable-objects/room/channel-delivery";
import { findDelivery } from "../../../worker/db/channel-directory";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { withChannelPost } from "../../support/channel-post";
import { BASE, call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectNumber,
  eventually,
  graphCalls,
  notification,
  postSigned,
  waStatus,
  waText,
  type ConnectedNumber,
} from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

function verify(channelId: string, token: string, challenge = "1158201444") {
  const query = new URLSearchParams({
    "hub.mode": "subscribe",
    "hub.verify_token": token,
    "hub.challenge": challenge,
  });
  return exports.default.fetch(`${BASE}/webhooks/whatsapp/${channelId}?${query}`);
}

async function sentTexts(number: ConnectedNumber, to?: string) {
  return (await graphCalls(number.phoneId)).filter(
    (c) => c.body?.type === "text" && (to === undefined || c.body.to === to),
  );
}

describe("connecting a WhatsApp number", () => {
  it("answers the channel with its id and webhook URL, and never the secrets", async () => {
    const number = await connectNumber(workspace);
    expect(number.channel).toMatchObject({
      kind: "whatsapp",
      status: "active",
      external_id: number.phoneId,
      webhook_url: `http://edge.test/webhooks/whatsapp/${number.channel.id}`,
    });
    const text = await (
      await call(`/api/v1/channels/${number.channel.id}`, { token: workspace.members.owner.token })
    ).text();
    for (const secret of [number.accessToken, number.appSecret, number.verifyToken])
      expect(text).not.toContain(secret);
  });

  it("refuses an access token Graph does not accept", async () => {
    const res = await call("/api/v1/channels/whatsapp", {
      token: workspace.members.owner.token,
      body: {
        phone_number_id: "1234567890",
        access_token: "invalid-token",
        app_secret: "app-secret-1",
        verify_token: "verify-token-1",
      },
    });
    expect(res.status).toBe(400);
  });
});

describe("the verification handshake", () => {
  it("answers the exact challenge as text/plain for the right verify token", async () => {
    const number = await connectNumber(workspace);
    const res = await verify(number.channel.id, number.verifyToken, "challenge-Ab1_2");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe("challenge-Ab1_2");
  });

  it("answers 403 for a wrong verify token", async () => {
    const number = await connectNumber(workspace);
    expect((await verify(number.channel.id, `${number.verifyToken}x`)).status).toBe(403);
  });
});

describe("the WhatsApp webhook", () => {
  it("marks the message read with typing, then answers it as text", async () => {
    const number = await connectNumber(workspace);
    expect(
      (
        await postSigned(
          number,
          waText(number.phoneId, "15550001", "wamid.IN1", "How do I start journaling?"),
        )
      ).status,
    ).toBe(200);
    const [answer] = await eventually(async () => {
      const sent = await sentTexts(number, "15550001");
      expect(sent).toHaveLength(1);
      return sent;
    });
    expect(answer?.token).toBe(number.accessToken);
    const read = (await graphCalls(number.phoneId)).find((c) => c.body?.status === "read");
    expect(read?.body).toMatchObject({
      message_id: "wamid.IN1",
      typing_indicator: { type: "text" },
    });
  });

  it("stores delivery and read statuses of our answer", async () => {
    const number = await connectNumber(workspace);
    await postSigned(number, waText(number.phoneId, "15550002", "wamid.IN2", "Any tip for focus?"));
    const [sent] = await eventually(async () => {
      const texts = await sentTexts(number);
      expect(texts).toHaveLength(1);
      return texts;
    });
    const id = String(sent?.sent_id);
    expect(await findDelivery(env.DB, workspace.tenantId, id)).toMatchObject({
      status: "sent",
      seq: 2,
    });
    expect((await postSigned(number, waStatus(number.phoneId, id, "delivered"))).status).toBe(200);
    expect((await postSigned(number, waStatus(number.phoneId, id, "read"))).status).toBe(200);
    await eventually(async () =>
      expect(await findDelivery(env.DB, workspace.tenantId, id)).toMatchObject({ status: "read" }),
    );
    // The inbox shows it under the answer.
    const conversation = await conversationWith(workspace, "15550002");
    expect(await messageDeliveries(workspace, conversation)).toEqual([
      { seq: 2, delivery: { status: "read", error: null } },
    ]);
  });

  it("explains a failed delivery in the inbox, and stops writing to a number that cannot receive", async () => {
    const number = await connectNumber(workspace);
    await postSigned(number, waText(number.phoneId, "15550009", "wamid.IN9", "Hello?"));
    const [sent] = await eventually(async () => {
      const texts = await sentTexts(number);
      expect(texts).toHaveLength(1);
      return texts;
    });
    const failed = notification(number.phoneId, {
      statuses: [
        {
          id: String(sent?.sent_id),
          status: "failed",
          timestamp: String(Math.floor(Date.now() / 1000)),
          recipient_id: "15550009",
          errors: [{ code: 131026, title: "Message undeliverable" }],
        },
      ],
    });
    expect((await postSigned(number, failed)).status).toBe(200);
    const conversation = await eventually(async () => {
      const found = await conversationWith(workspace, "15550009");
      expect(found.contact?.unreachable_at).toEqual(expect.any(Number));
      return found;
    });
    expect(conversation.contact?.unreachable_reason).toContain("cannot deliver to this number");
    expect(await messageDeliveries(workspace, conversation)).toEqual([
      {
        seq: 2,
        delivery: {
          status: "failed",
          error: expect.stringMatching(/^131026 WhatsApp cannot deliver/),
        },
      },
    ]);
  });

  it("stores one message and sends one reply when each message arrives five times, interleaved", async () => {
    const number = await connectNumber(workspace);
    const payloads = ["a", "b"].map((k, i) =>
      waText(number.phoneId, `1555001${i}`, `wamid.DUP${k}`, `Question ${k}`),
    );
    const statuses = await Promise.all(
      [1, 2, 3, 4, 5]
        .flatMap(() => payloads)
        .map((p) => postSigned(number, p).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await eventually(async () => expect(await sentTexts(number)).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sentTexts(number, "15550010")).toHaveLength(1);
    expect(await sentTexts(number, "15550011")).toHaveLength(1);
  });

  it("acknowledges and ignores malformed notifications and non-text messages", async () => {
    const number = await connectNumber(workspace);
    const image = waText(number.phoneId, "15550020", "wamid.IMG", "x") as {
      entry: { changes: { value: { messages: object[] } }[] }[];
    };
    image.entry[0]!.changes[0]!.value.messages = [
      { id: "wamid.IMG", from: "15550020", type: "image", image: { id: "media-1" } },
    ];
    for (const payload of [
      { object: "page" },
      { object: "whatsapp_business_account", entry: "nope" },
      image,
    ]) {
      expect((await postSigned(number, payload)).status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await graphCalls(number.phoneId)).filter((c) => c.path.endsWith("/messages"))).toEqual(
      [],
    );
  });
});

async function conversationWith(ws: SeededWorkspace, waId: string): Promise<Conversation> {
  return eventually(async () => {
    const res = await call("/api/v1/conversations?channel=whatsapp", {
      token: ws.members.owner.token,
    });
    const found = ((await res.json()) as { conversations: Conversation[] }).conversations.find(
      (c) => c.contact?.external_id === waId,
    );
    expect(found).toBeDefined();
    return found as Conversation;
  });
}

/** The transcript's messages that carry a delivery state, as the inbox receives them. */
async function messageDeliveries(ws: SeededWorkspace, conversation: Conversation) {
  const res = await call(`/api/v1/conversations/${conversation.id}/messages`, {
    token: ws.members.owner.token,
  });
  return ((await res.json()) as TranscriptPage).messages
    .filter((m) => m.delivery)
    .map((m) => ({ seq: m.seq, delivery: m.delivery }));
}

describe("the 24-hour customer-service window", () => {
  it("withholds a free-form reply outside the window and tells the creator only templates may be sent", async () => {
    const number = await connectNumber(workspace);
    const gateway = forTenant(env.DB, workspace.tenantId);
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "whatsapp",
      externalId: "15550030",
      lastSeenAt: Date.now() - 25 * 3600_000,
    });
    await withChannelPost(async ({ post, senders, logger }) => {
      const adapter = new ChannelDelivery({
        env,
        senders,
        post,
        target: {
          tenantId: workspace.tenantId,
          conversationId: crypto.randomUUID(),
          contactId: contact.id,
          channel: "whatsapp",
          channelId: number.channel.id,
          externalChatId: "15550030",
        },
        logger,
      });
      await adapter.deliver({
        type: "done",
        turn_id: "t1",
        seq: 2,
        text: "A late answer",
        status: "complete",
        citations: [],
        confidence: null,
      });
    });
    expect(await sentTexts(number)).toEqual([]);
    const view = (await (
      await call(`/api/v1/channels/${number.channel.id}`, { token: workspace.members.owner.token })
    ).json()) as { last_error: string };
    expect(view.last_error).toContain("only approved message templates may be sent");
  });

  it("sends the reply inside the window", async () => {
    const number = await connectNumber(workspace);
    const gateway = forTenant(env.DB, workspace.tenantId);
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "whatsapp",
      externalId: "15550031",
      lastSeenAt: Date.now() - 23 * 3600_000,
    });
    await withChannelPost(async ({ post, senders, logger }) => {
      const adapter = new ChannelDelivery({
        env,
        senders,
        post,
        target: {
          tenantId: workspace.tenantId,
          conversationId: crypto.randomUUID(),
          contactId: contact.id,
          channel: "whatsapp",
          channelId: number.channel.id,
          externalChatId: "15550031",
        },
        logger,
      });
      await adapter.deliver({
        type: "done",
        turn_id: "t2",
        seq: 2,
        text: "A timely answer",
        status: "complete",
        citations: [],
        confidence: null,
      });
    });
    expect((await sentTexts(number)).map((c) => (c.body?.text as { body: string }).body)).toEqual([
      "A timely answer",
    ]);
  });
});

describe("managing a WhatsApp channel", () => {
  it("rotates the app secret: notifications signed with the old one are refused", async () => {
    const number = await connectNumber(workspace);
    const res = await call(`/api/v1/channels/${number.channel.id}/rotate`, {
      token: workspace.members.owner.token,
      body: { app_secret: "a-brand-new-app-secret" },
    });
    expect(res.status).toBe(200);
    expect(
      (await postSigned(number, waText(number.phoneId, "15550040", "wamid.ROT1", "hi"))).status,
    ).toBe(401);
    expect(
      (
        await postSigned(
          { ...number, appSecret: "a-brand-new-app-secret" },
          waText(number.phoneId, "15550040", "wamid.ROT2", "hi"),
        )
      ).status,
    ).toBe(200);
  });
});
