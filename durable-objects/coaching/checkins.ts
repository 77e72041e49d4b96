// Check-ins as the user sees them (the question, with quick replies for the choices or a short scale,
// and a short thanks once answered) and as the engine reads the user's reply (a quick reply id, a
// choice's label, or a number on the scale). The platform's own words are in the contact's language
// (checkin-texts.ts); the question and the choices are the creator's.
import { formatMessage } from "@coach/contracts/messages";
import type { ProgramNode } from "@coach/contracts/programs";
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import type { CheckinAnswer } from "./agent-store";
import { CHECKIN_TEXTS } from "./checkin-texts";

type CheckinNode = Extract<ProgramNode, { kind: "checkin" }>;
type QuickReply = { id: string; label: string };

/** Scales up to this many points are offered as one quick reply per point. */
const MAX_SCALE_CHIPS = 10;

/** The message text and quick replies of a check-in, its hint in `language`. */
export function checkinMessage(
  node: CheckinNode,
  language: ReplyLanguage,
): { text: string; quickReplies: QuickReply[] } {
  if (node.choices)
    return {
      text: node.question,
      quickReplies: node.choices.map((c) => ({ id: c.id, label: c.label })),
    };
  const scale = node.scale ?? { min: 1, max: 5 };
  const labels = Object.entries(scale.labels ?? {})
    .map(([point, label]) => `${point} = ${label}`)
    .join(", ");
  const texts = CHECKIN_TEXTS[language];
  const hint = labels
    ? formatMessage(texts.scaleHintWithLabels, { min: scale.min, max: scale.max, labels })
    : formatMessage(texts.scaleHint, { min: scale.min, max: scale.max });
  const points = scale.max - scale.min + 1;
  const quickReplies =
    points <= MAX_SCALE_CHIPS
      ? Array.from({ length: points }, (_, i) => ({
          id: String(scale.min + i),
          label: String(scale.min + i),
        }))
      : [];
  return { text: `${node.question}\n${hint}`, quickReplies };
}

/** The user's reply read as an answer to the check-in, or null when it is not one. */
export function readAnswer(
  node: CheckinNode,
  reply: { text: string; at: number; quickReplyId?: string },
): CheckinAnswer | null {
  const text = reply.text.trim();
  if (node.choices) {
    // A pressed quick reply answers what it was offered with: another message's chip is no answer here.
    if (reply.quickReplyId) {
      const pressed = node.choices.find((c) => c.id === reply.quickReplyId);
      return pressed ? { text, at: reply.at, choice_id: pressed.id } : null;
    }
    const lowered = text.toLowerCase();
    const byIndex = /^\d{1,2}$/.test(text) ? node.choices[Number(text) - 1] : undefined;
    const choice =
      node.choices.find(
        (c) => c.label.toLowerCase() === lowered || c.id.toLowerCase() === lowered,
      ) ?? byIndex;
    return choice ? { text, at: reply.at, choice_id: choice.id } : null;
  }
  const scale = node.scale ?? { min: 1, max: 5 };
  const raw = reply.quickReplyId ?? /-?\d+/.exec(text)?.[0];
  const value = raw === undefined ? Number.NaN : Number(raw);
  if (!Number.isInteger(value) || value < scale.min || value > scale.max) return null;
  return { text, at: reply.at, value };
}

/** The short thanks sent once an answer is recorded, warmer at the top of a scale, gentle at the bottom. */
export function answerThanks(
  node: CheckinNode,
  answer: CheckinAnswer,
  language: ReplyLanguage,
): string {
  const texts = CHECKIN_TEXTS[language];
  if (node.choices) {
    const label = node.choices.find((c) => c.id === answer.choice_id)?.label ?? answer.text;
    return formatMessage(texts.choiceNoted, { label });
  }
  const scale = node.scale ?? { min: 1, max: 5 };
  const value = answer.value ?? scale.min;
  const third = (scale.max - scale.min) / 3;
  if (value >= scale.max - third) return formatMessage(texts.highNoted, { value });
  if (value <= scale.min + third) return formatMessage(texts.lowNoted, { value });
  return formatMessage(texts.noted, { value });
}
