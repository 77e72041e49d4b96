// What happens beyond the room when a user asks for a person: the conversation is flagged for the
// inbox, the creator's webhooks hear `human.requested`, and the audit log records it (actor: the
// contact). Runs after the reply is sent; failures are logged, never shown to the user.
import type { Logger } from "../../worker/lib/logger";
import { flagConversation } from "./flag-conversation";
import type { RoomMeta } from "./room-meta";

export function recordHumanRequest(
  env: Env,
  meta: RoomMeta,
  request: { seq: number; text: string },
  logger: Logger,
): Promise<void> {
  return flagConversation(
    env,
    meta,
    {
      flags: { needsHuman: true, needsHumanAt: Date.now() },
      action: "conversation.human_requested",
      metadata: { seq: request.seq },
      event: "human.requested",
      data: { seq: request.seq, text: request.text },
    },
    logger,
  );
}
