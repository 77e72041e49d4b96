// WhatsApp's word on our messages: its status webhooks (sent, delivered, read, failed) stored against each
// message and shown in the inbox's transcript, a failure explained by its Graph code, and a number that
// cannot receive (131026) marking its contact unreachable.
import type { Conversation, TranscriptPage } from "@coach/contracts/conversation-views";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { deliveriesOf, findDelivery } from "../../../worker/db/channel-directory";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
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

/** The first answer to `text` from `waId`, once it has been sent to Graph. */
async function firstAnswer(number: ConnectedNumber, waId: string, text: string) {
  await postSigned(number, waText(number.phoneId, waId, `wamid.IN${waId}`, text));
  const [sent] = await eventually(async () => {
    const texts = (await graphCalls(number.phoneId)).filter(
      (c) => c.body?.type === "text" && c.body.to === waId,
    );
    expect(texts).toHaveLength(1);
    return texts;
  });
  return String(sent?.sent_id);
}

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

describe("delivery statuses", () => {
  it("stores delivery and read statuses of our answer", async () => {
    const number = await connectNumber(workspace);
    const id = await firstAnswer(number, "15550002", "Any tip for focus?");
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
    const id = await firstAnswer(number, "15550009", "Hello?");
    const failed = notification(number.phoneId, {
      statuses: [
        {
          id,
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

  it("reads the deliveries of a page of 500 messages in one query, within D1's 100 parameters", async () => {
    const seqs = Array.from({ length: 500 }, (_, i) => i + 1);
    const found = await deliveriesOf(env.DB, workspace.tenantId, crypto.randomUUID(), seqs);
    expect(found.size).toBe(0);
  });
});
