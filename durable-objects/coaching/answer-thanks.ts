// Thanking the contact for a check-in answer, in the conversation they wrote in. Separate from recording
// the answer because the send may fail: that is logged, and the answer stays recorded. The thanks is
// in the contact's language (contact-language.ts).
import { describeError, type Logger } from "../../worker/lib/logger";
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import type { AgentIdentity } from "./agent-store";
import type { RecordedAnswer } from "./checkin-answers";
import { answerThanks } from "./checkins";
import { deliverProactive } from "./deliver-proactive";

export type ThanksDeps = {
  env: Env;
  logger: Logger;
  /** Throws when the agent has no contact yet; that is logged like a failed send. */
  identity(): AgentIdentity;
  /** The contact's language; a failure to read it is logged like a failed send. */
  language(): Promise<ReplyLanguage>;
};

/** Sends the thanks for an answer; a failure is logged, the answer stays recorded. */
export async function thankForAnswer(
  deps: ThanksDeps,
  answer: RecordedAnswer,
  conversationId: string | undefined,
): Promise<void> {
  try {
    const text = answerThanks(answer.node, answer.answer, await deps.language());
    await deliverProactive(
      deps.env,
      deps.identity(),
      { clientId: answer.thanksClientId, text, quickReplies: [] },
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
