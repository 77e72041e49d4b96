// Seeds conversations straight into their rooms' logs (with chosen times, confidences and sources),
// then runs each room's alarm so its batched index sync writes D1 as it would in production.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { MessageRole, MessageStatus, Source } from "@coach/contracts/socket";
import { MessageLog } from "../../../durable-objects/room/message-log";
import { RoomState } from "../../../durable-objects/room/room-meta";
import type { ChannelKind } from "../../../worker/db/enums";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";

export const DAY = 86_400_000;

export type SeedMessage = {
  role: MessageRole;
  text: string;
  at: number;
  confidence?: number;
  citations?: Pick<Source, "document_id" | "title">[];
  status?: MessageStatus;
};

export type SeedConversation = {
  channel: ChannelKind;
  contact: { name: string; email?: string };
  messages: SeedMessage[];
};

/** Creates the contact and conversation, fills the room's log, and flushes its index; the conversation id. */
export async function seedConversation(tenantId: string, seed: SeedConversation): Promise<string> {
  const gateway = forTenant(env.DB, tenantId);
  const contactId = crypto.randomUUID();
  const conversationId = crypto.randomUUID();
  await gateway.insert("contacts", {
    id: contactId,
    channel: seed.channel,
    externalId: `ext-${contactId.slice(0, 8)}`,
    displayName: seed.contact.name,
    email: seed.contact.email ?? null,
  });
  await gateway.insert("conversations", {
    id: conversationId,
    contactId,
    channel: seed.channel,
    startedAt: seed.messages[0]?.at ?? Date.now(),
  });
  const room = roomFor(env, tenantId, conversationId);
  await runInDurableObject(room, async (_instance, state) => {
    const roomState = new RoomState(state.storage.sql);
    roomState.bind({ tenantId, conversationId, contactId, channel: seed.channel });
    const log = new MessageLog(state.storage.sql);
    for (const m of seed.messages) {
      log.append(
        {
          role: m.role,
          author: null,
          text: m.text,
          status: m.status ?? (m.role === "user" ? "stored" : "complete"),
          channel: seed.channel,
          turnId: m.role === "assistant" ? crypto.randomUUID() : null,
          confidence: m.confidence ?? null,
          citations: (m.citations ?? []).map((c) => ({ ...c, score: 0.5 })),
        },
        m.at,
      );
    }
    roomState.setIndexDirty(true);
    await state.storage.setAlarm(Date.now());
  });
  await runDurableObjectAlarm(room);
  return conversationId;
}
