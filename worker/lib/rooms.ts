// Names ConversationRoom objects. Only the Worker, after authenticating the caller, derives a room's
// name, always from tenant and conversation together, so ids never collide across tenants.

/** The stub of a conversation's room. */
export function roomFor(env: Pick<Env, "CONVERSATION_ROOM">, tenantId: string, conversationId: string) {
  return env.CONVERSATION_ROOM.get(env.CONVERSATION_ROOM.idFromName(`${tenantId}:${conversationId}`));
}
