// WhatsApp end to end: connecting a number, the verification handshake, signed notifications into
// the room, read receipts and typing, answers and their delivery statuses, redeliveries, and the
// 24-hour customer-service window.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ChannelDelivery } from "../../../durable-objects/room/channel-delivery";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { withChannelPost } from "../../support/channel-post";
import { BASE, call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectNumber,
  eventually,
  graphCalls,
  postSigned,
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

/**
 * Delivers a finished answer to a WhatsApp contact who last wrote `hoursAgo` hours ago, through the
 * channel delivery a room uses.
 */
async function answerContactLastSeen(
  number: ConnectedNumber,
  waId: string,
  hoursAgo: number,
  text: string,
): Promise<void> {
  const contact = await forTenant(env.DB, workspace.tenantId).insert("contacts", {
    id: crypto.randomUUID(),
    channel: "whatsapp",
    externalId: waId,
    lastSeenAt: Date.now() - hoursAgo * 3600_000,
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
        externalChatId: waId,
      },
      logger,
    });
    await adapter.deliver({
      type: "done",
      turn_id: `t-${waId}`,
      seq: 2,
      text,
      status: "complete",
      citations: [],
      confidence: null,
    });
  });
}

describe("the 24-hour customer-service window", () => {
  it("withholds a free-form reply outside the window and tells the creator only templates may be sent", async () => {
    const number = await connectNumber(workspace);
    await answerContactLastSeen(number, "15550030", 25, "A late answer");
    expect(await sentTexts(number)).toEqual([]);
    const view = (await (
      await call(`/api/v1/channels/${number.channel.id}`, { token: workspace.members.owner.token })
    ).json()) as { last_error: string };
    expect(view.last_error).toContain("only approved message templates may be sent");
  });

  it("sends the reply inside the window", async () => {
    const number = await connectNumber(workspace);
    await answerContactLastSeen(number, "15550031", 23, "A timely answer");
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
