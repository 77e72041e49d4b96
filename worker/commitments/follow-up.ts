// The follow-up of a commitment or reminder: the message the contact's coaching agent sends when it
// is due, the three quick replies that ask how it went, and the short thanks for each answer, in the
// language the commitment is answered in (commitment-texts.ts). The replies' ids carry the commitment
// id, so an answer finds its commitment from any channel.
import { CommitmentOutcomeSchema, type CommitmentOutcome } from "@coach/contracts/commitments";
import type { QuickReply } from "@coach/contracts/socket";
import type { ReplyLanguage } from "../lib/reply-language";
import { COMMITMENT_TEXTS, commitmentText, type SaidCommitment } from "./commitment-texts";

const OUTCOME_PREFIX = "outcome:";

/** Done / Partly / Not yet, for commitment `id`. */
export function outcomeReplies(commitmentId: string, language: ReplyLanguage): QuickReply[] {
  const labels = COMMITMENT_TEXTS[language].outcomes;
  return (Object.keys(labels) as CommitmentOutcome[]).map((outcome) => ({
    id: `${OUTCOME_PREFIX}${commitmentId}:${outcome}`,
    label: labels[outcome],
  }));
}

/** The commitment and outcome a quick reply id names, or null for any other quick reply. */
export function readOutcomeReply(
  quickReplyId: string,
): { commitmentId: string; outcome: CommitmentOutcome } | null {
  if (!quickReplyId.startsWith(OUTCOME_PREFIX)) return null;
  const rest = quickReplyId.slice(OUTCOME_PREFIX.length);
  const cut = rest.lastIndexOf(":");
  const outcome = CommitmentOutcomeSchema.safeParse(rest.slice(cut + 1));
  if (cut <= 0 || !outcome.success) return null;
  return { commitmentId: rest.slice(0, cut), outcome: outcome.data };
}

/** The message sent when the commitment is due. */
export function followUpText(commitment: SaidCommitment, language: ReplyLanguage): string {
  return commitmentText(language, "due", commitment);
}
