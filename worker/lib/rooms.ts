// Names ConversationRoom objects. Only the Worker, after authenticating the caller, derives a room's
// name, always from tenant and conversation together, so ids never collide across tenants.

/** The stub of a conversation's room. */
export function roomFor(
  env: Pick<Env, "CONVERSATION_ROOM">,
  tenantId: string,
  conversationId: string,
) {
  return env.CONVERSATION_ROOM.get(
    env.CONVERSATION_ROOM.idFromName(`${tenantId}:${conversationId}`),
  );
}

/** Headers the Worker sets when it forwards an authenticated socket upgrade. */
export const ROOM_HEADERS = {
  tenant: "X-Room-Tenant",
  conversation: "X-Room-Conversation",
  contact: "X-Room-Contact",
  channel: "X-Room-Channel",
  subject: "X-Room-Subject",
} as const;

/** What the room did with a message from a messaging channel. */
export type ChannelMessageResult = {
  status: "stored" | "duplicate" | "rate_limited";
  seq: number | null;
};
