// Thanking the contact for a check-in answer, in the conversation they wrote in. Separate from recording
// the answer because the send may fail: that is logged, and the answer stays recorded.
import { describeError, type Logger } from "../../worker/lib/logger";
import type { AgentIdentity } from "./agent-store";
import type { RecordedAnswer } from "./checkin-answers";
import { deliverProactive } from "./deliver-proactive";

export type ThanksDeps = {
  env: Env;
  logger: Logger;
  /** Throws when the agent has no contact yet; that is logged like a failed send. */
  identity(): AgentIdentity;
};

/** Sends the thanks for an answer; a failure is logged, the answer stays recorded. */
export async function thankForAnswer(
  deps: ThanksDeps,
  answer: RecordedAnswer,
  conversationId: string | undefined,
): Promise<void> {
  try {
    await deliverProactive(
      deps.env,
      deps.identity(),
      { ...answer.thanks, quickReplies: [] },
      conversationId,
    );
  } catch (err) {
    deps.logger.warn("check-in answer not thanked", {
      enrollment_id: answer.enrollmentId,
      node_id: answer.nodeId,
      ...describeError(err),
    });
  }
}
