// The message logs in the contact's ConversationRoom objects, reached through `ConversationEraser`
// so the store can be tested, or pointed at another room implementation, without the Durable Object.
import { roomFor } from "../../lib/rooms";
import {
  erasureReceipt,
  type ErasureStore,
  type ErasureSubject,
  type StoreReceipt,
} from "./erasure-store";

/** What the conversation rooms must offer: erase and export one conversation of a workspace. */
export interface ConversationEraser {
  /** Erases the conversation's stored messages and pending turns; returns how many items went. */
  eraseConversation(tenantId: string, conversationId: string): Promise<number>;
  /** The conversation's stored messages. */
  exportConversation(tenantId: string, conversationId: string): Promise<unknown[]>;
}

const PAGE = 200;

/** The eraser over the ConversationRoom binding (`${tenantId}:${conversationId}` rooms). */
export function roomEraser(env: Pick<Env, "CONVERSATION_ROOM">): ConversationEraser {
  return {
    async eraseConversation(tenantId, conversationId) {
      const erased = await roomFor(env, tenantId, conversationId).erase();
      return erased.messages + erased.pending_turns;
    },
    async exportConversation(tenantId, conversationId) {
      const room = roomFor(env, tenantId, conversationId);
      const messages: { seq: number }[] = [];
      for (let after = 0; ;) {
        const page = await room.listMessages(after, PAGE);
        messages.push(...page.messages);
        const last = page.messages.at(-1)?.seq;
        if (last === undefined || last >= page.last_seq) return messages;
        after = last;
      }
    },
  };
}

/** The conversation store over the contact's conversations. */
export function conversationStore(rooms: ConversationEraser): ErasureStore {
  return {
    name: "conversation_rooms",
    async exportData(subject: ErasureSubject) {
      const entries = await Promise.all(
        subject.conversationIds.map(
          async (id) => [id, await rooms.exportConversation(subject.tenantId, id)] as const,
        ),
      );
      return Object.fromEntries(entries);
    },
    erase(subject: ErasureSubject): Promise<StoreReceipt> {
      return erasureReceipt(
        "conversation_rooms",
        "A conversation room did not answer.",
        async () => {
          const counts = await Promise.all(
            subject.conversationIds.map((id) => rooms.eraseConversation(subject.tenantId, id)),
          );
          return counts.reduce((a, b) => a + b, 0);
        },
      );
    },
  };
}
