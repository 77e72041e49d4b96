// The follow-up of a commitment or reminder: the message the contact's coaching agent sends when it
// is due, the three quick replies that ask how it went, and the short thanks for each answer. The
// replies' ids carry the commitment id, so an answer finds its commitment from any channel.
import { CommitmentOutcomeSchema, type CommitmentOutcome } from "@coach/contracts/commitments";
import type { QuickReply } from "@coach/contracts/socket";

const OUTCOME_PREFIX = "outcome:";

const OUTCOME_LABELS: Record<CommitmentOutcome, string> = {
  done: "Done",
  partly: "Partly",
  not_yet: "Not yet",
};

/** Said once the contact answers. */
export const OUTCOME_THANKS: Record<CommitmentOutcome, string> = {
  done: "Well done! I've noted it.",
  partly: "Noted: partly is still progress.",
  not_yet: "Noted. No judgement; what got in the way?",
};

/** Done / Partly / Not yet, for commitment `id`. */
export function outcomeReplies(commitmentId: string): QuickReply[] {
  return (Object.keys(OUTCOME_LABELS) as CommitmentOutcome[]).map((outcome) => ({
    id: `${OUTCOME_PREFIX}${commitmentId}:${outcome}`,
    label: OUTCOME_LABELS[outcome],
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
export function followUpText(commitment: {
  kind: "commitment" | "reminder";
  what: string;
  count?: number | null;
  period?: string | null;
}): string {
  if (commitment.kind === "reminder") {
    return commitment.what === "your reminder"
      ? "Here's the reminder you asked for. Did you get to it?"
      : `Reminder: ${commitment.what}. Did you get to it?`;
  }
  const often = commitment.count
    ? ` (${commitment.count === 1 && commitment.period === "day" ? "every day" : `${commitment.count}× a ${commitment.period ?? "week"}`})`
    : "";
  return `You planned to ${commitment.what}${often}. How did it go?`;
}
