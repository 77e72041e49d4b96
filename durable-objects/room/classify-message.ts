// Where a user's message goes, decided from what the room knows when it arrives, with no side effects:
// fixed words answer a crisis (before anything else, whoever is answering) or a request for a person,
// the assistant answers it, the coaching agent takes it, or it is only stored (a person of the
// creator's team has taken over).
import { mentionsCommitment } from "../../worker/commitments/parse-commitment";
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import type { CrisisSignal } from "../../worker/safety/detect-crisis";
import { asksForHuman } from "./human-request";

export type MessageDestination =
  | { kind: "crisis"; signal: CrisisSignal }
  | { kind: "assistant" }
  /** `language`: the one the request was written in. */
  | { kind: "human"; language: ReplyLanguage }
  /**
   * `quickReplyId`: the quick reply it answers. `possibleAnswer`: free text written right under an
   * offer of quick replies, which may answer the check-in in words ("I'd say a 4"); only the agent can
   * tell, and it hands the message back to the assistant when it does not.
   */
  | { kind: "coaching"; quickReplyId: string | null; possibleAnswer: boolean }
  | { kind: "silent" };

export type ArrivingMessage = {
  text: string;
  /** What `detectCrisis` read in the text. */
  crisis: CrisisSignal | null;
  /** A person of the creator's team is answering instead of the assistant. */
  takenOver: boolean;
  /** Quick replies were on offer when it arrived. */
  underOffer: boolean;
  /** The offered quick reply it answers (pressed, its label typed, or its number), or null. */
  quickReplyId: string | null;
};

/** The destination of a user's message: a crisis first, then a quick reply's answer, takeover, a person, coaching, the assistant. */
export function classifyMessage(message: ArrivingMessage): MessageDestination {
  if (message.crisis) return { kind: "crisis", signal: message.crisis };
  if (message.quickReplyId !== null)
    return { kind: "coaching", quickReplyId: message.quickReplyId, possibleAnswer: false };
  if (message.takenOver) return { kind: "silent" };
  const askedInLanguage = asksForHuman(message.text);
  if (askedInLanguage) return { kind: "human", language: askedInLanguage };
  if (message.underOffer) return { kind: "coaching", quickReplyId: null, possibleAnswer: true };
  // Promises and reminder requests ("remind me to walk at 7") are the coaching agent's.
  if (mentionsCommitment(message.text))
    return { kind: "coaching", quickReplyId: null, possibleAnswer: false };
  return { kind: "assistant" };
}
