// The webhook events a conversation raises: `conversation.created` with its first message, and
// `answer.low_confidence` when an answer is unsure (with the question it answered). Each is sent
// without holding up the caller. Separate from the room because its intake, its outbound messages and
// its answers all raise them.
import type { ServerFrame } from "@coach/contracts/socket";
import { emitEvent } from "../../worker/integrations/emit-event";
import { isLowConfidence } from "./answer-quality";
import type { MessageLog } from "./message-log";
import type { RoomMeta } from "./room-meta";

export type RoomEventDeps = {
  ctx: DurableObjectState;
  env: Env;
  log: MessageLog;
  meta(): RoomMeta;
};

export class RoomEvents {
  constructor(private readonly deps: RoomEventDeps) {}

  /** Emits an outgoing webhook event about this conversation, without holding up the caller. */
  emit(
    type: "conversation.created" | "answer.low_confidence",
    data: Record<string, unknown>,
  ): void {
    const meta = this.deps.meta();
    const event = {
      conversation_id: meta.conversationId,
      contact_id: meta.contactId,
      channel: meta.channel,
      ...data,
    };
    this.deps.ctx.waitUntil(emitEvent(this.deps.env, meta.tenantId, type, event));
  }

  /** Raises `answer.low_confidence` when `frame` is an answer the room is unsure of. */
  noteAnswer(frame: ServerFrame): void {
    if (frame.type === "done" && isLowConfidence({ role: "assistant", ...frame })) {
      const question = this.deps.log.before(frame.seq, 1).find((m) => m.role === "user");
      this.emit("answer.low_confidence", {
        seq: frame.seq,
        confidence: frame.confidence,
        status: frame.status,
        answer: frame.text,
        question: question?.text ?? null,
      });
    }
  }
}
