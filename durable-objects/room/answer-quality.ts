// How good a stored answer was, judged the same way everywhere (inbox flag, analytics, the
// `answer.low_confidence` event): the bridge reports confidence 0 with no sources when it fell back to
// "I don't know", and an expired turn is an apology rather than an answer.
import type { MessageView } from "@coach/contracts/socket";

/** Below this confidence an answer counts as low confidence (the bridge's own threshold for gaps). */
export const LOW_CONFIDENCE = 0.25;

type Answer = Pick<MessageView, "role" | "turn_id" | "status" | "confidence" | "citations">;

/** Whether the message answers a user's turn (not a proactive or a creator's message). */
export function isAnswer(message: Pick<MessageView, "role" | "turn_id">): boolean {
  return message.role === "assistant" && message.turn_id !== null;
}

/** The assistant fell back instead of answering from the material. */
export function isFallback(answer: Answer): boolean {
  return (
    answer.status === "expired" ||
    (answer.status === "complete" && answer.confidence === 0 && answer.citations.length === 0)
  );
}

/** A fallback, or an answer whose confidence is below LOW_CONFIDENCE. */
export function isLowConfidence(answer: Answer): boolean {
  if (!isAnswer(answer) || answer.status === "stopped") return false;
  return isFallback(answer) || (answer.confidence !== null && answer.confidence < LOW_CONFIDENCE);
}
