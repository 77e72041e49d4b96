// The deterministic reader of commitments and reminders in a user's message (English): cheap enough
// to run on every message, no model call. It records only what it understands without doubt; an
// ambiguous or impossible time ("remind me later", "at 25:00", two days in one sentence) is ignored.
import { CommitmentSchema, type Commitment } from "@coach/contracts/commitments";
import {
  DAY,
  HOUR,
  MINUTE,
  WINDOW_FOLLOW_UP_HOUR,
  addDays,
  dateOf,
  describeLocalTime,
  fromLocal,
  toLocal,
  wallClockInstant,
  windowEnd,
  type ParseContext,
} from "./local-clock";
import { findTimePhrases } from "./time-phrases";

const UNIT_MS = { minute: MINUTE, hour: HOUR, day: DAY, week: 7 * DAY } as const;
/** Nothing further away than this is recorded. */
const MAX_AHEAD_MS = 366 * DAY;
/** A commitment with a time is followed up this long after it. */
const FOLLOW_UP_AFTER_MS = 2 * HOUR;

const REMINDER_RE =
  /^(?:(?:ok|okay|hey|hi|so|and|also|please|pls|can you|could you|would you|will you|can u)[,!]? +)*remind me(?: please| pls)?(?: (.*))?$/;
const COMMITMENT_RE =
  /^(?:(?:ok|okay|yes|yeah|yep|sure|alright|fine|so|then|and|well|right|great|cool|deal)[,!]? +)*(?:i'll|i will|ill|i'm going to|im going to|i am going to|i'm gonna|im gonna|i am gonna|i promise to|i promise i'll|i promise i will|i commit to|i'm committing to|i plan to|i'm planning to|my plan is to|my goal is to|i aim to|i intend to) +(.+)$/;
/** Not a commitment: a refusal, a maybe, or a promise to think. */
const NOT_A_COMMITMENT_RE =
  /^(?:not|never|no longer|maybe|probably|perhaps|possibly|think|see|let you know|get back|consider|try and see)\b/;
const SOFTENERS_RE =
  /^(?:(?:definitely|really|also|actually|finally|try to|make sure to|make sure i|at least) )+/;

function cleanWhat(rest: string): string {
  return rest
    .replace(/^(?:to|about|that|of)\s+/, "")
    .replace(/(?:[\s,]+(?:and|please|pls|at least|ok|okay))+$/, "")
    .replace(/^[\s,]+|[\s,]+$/g, "");
}

function reminder(body: string, ctx: ParseContext): Omit<Commitment, "local_time_text"> | null {
  const phrases = findTimePhrases(body, { frequencies: false });
  if (!phrases || phrases.window) return null;
  if (phrases.rest !== "" && !/^(?:to|about|that|of)\b/.test(phrases.rest)) return null;
  let due: number | null;
  if (phrases.relative) {
    if (phrases.day || phrases.time || phrases.part || phrases.relative.amount < 1) return null;
    due = ctx.now + phrases.relative.amount * UNIT_MS[phrases.relative.unit];
  } else {
    due = wallClockInstant(phrases, ctx, "reminder");
  }
  if (due === null) return null;
  const what = cleanWhat(phrases.rest);
  return { kind: "reminder", what: what === "" ? "your reminder" : what, due_at: due };
}

function commitment(action: string, ctx: ParseContext): Omit<Commitment, "local_time_text"> | null {
  if (NOT_A_COMMITMENT_RE.test(action)) return null;
  const phrases = findTimePhrases(action.replace(SOFTENERS_RE, ""), { frequencies: true });
  if (!phrases) return null;
  const { day, window, frequency, relative, time, part } = phrases;
  if (window && (day || time || part || relative)) return null;
  let due: number | null;
  if (relative) {
    if (day || time || part || relative.amount < 1) return null;
    due = ctx.now + relative.amount * UNIT_MS[relative.unit] + FOLLOW_UP_AFTER_MS;
  } else if (day || time || part) {
    due = wallClockInstant(phrases, ctx, "commitment");
    if (due !== null && time) due += FOLLOW_UP_AFTER_MS;
  } else if (window) {
    due = windowEnd(window.span, window.which, ctx);
  } else if (frequency?.per === "day") {
    const today = dateOf(toLocal(ctx.now, ctx.timeZone));
    due = fromLocal(addDays(today, 7), WINDOW_FOLLOW_UP_HOUR, 0, ctx.timeZone);
  } else if (frequency?.per === "week" || frequency?.per === "month") {
    due = windowEnd(frequency.per, "this", ctx);
  } else {
    return null;
  }
  if (due === null) return null;
  const what = cleanWhat(phrases.rest);
  if (!/[a-z]/.test(what)) return null;
  const period = frequency
    ? (frequency.per ?? (window ? (window.span === "month" ? "month" : "week") : "day"))
    : undefined;
  return {
    kind: "commitment",
    what,
    due_at: due,
    ...(frequency ? { count: frequency.count, period } : {}),
  };
}

/** Whether any sentence of `text` asks for a reminder or makes a promise; cheap, no dates resolved. */
export function mentionsCommitment(text: string): boolean {
  return sentencesOf(text).some((s) => {
    const sentence = s.replace(/[.!?;]+$/, "").trim();
    return REMINDER_RE.test(sentence) || (!s.endsWith("?") && COMMITMENT_RE.test(sentence));
  });
}

function sentencesOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((s) => s !== "");
}

/**
 * The first commitment or reminder in `text`, validated, with its time on the user's clock in
 * `ctx.timeZone`; null when there is none or it is not certain.
 */
export function parseCommitment(text: string, ctx: ParseContext): Commitment | null {
  for (const raw of sentencesOf(text)) {
    const isQuestion = raw.endsWith("?");
    const sentence = raw.replace(/[.!?;]+$/, "").trim();
    const asked = REMINDER_RE.exec(sentence);
    const committed = asked || isQuestion ? null : COMMITMENT_RE.exec(sentence);
    const found = asked
      ? reminder(asked[1] ?? "", ctx)
      : committed
        ? commitment(committed[1] ?? "", ctx)
        : null;
    if (!found || found.due_at <= ctx.now || found.due_at - ctx.now > MAX_AHEAD_MS) continue;
    const parsed = CommitmentSchema.safeParse({
      ...found,
      local_time_text: describeLocalTime(found.due_at, ctx.now, ctx.timeZone),
    });
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The one short line the assistant answers with once something is recorded. */
export function confirmationText(commitment: Commitment): string {
  if (commitment.kind === "reminder") {
    return commitment.what === "your reminder"
      ? `Got it: I'll remind you ${commitment.local_time_text}.`
      : `Got it: I'll remind you ${commitment.local_time_text} (${commitment.what}).`;
  }
  const often =
    commitment.count === undefined
      ? ""
      : commitment.count === 1 && commitment.period === "day"
        ? " every day"
        : ` ${commitment.count === 1 ? "once" : commitment.count === 2 ? "twice" : `${commitment.count} times`} a ${commitment.period ?? "week"}`;
  return `Noted: ${commitment.what}${often}. I'll check in with you ${commitment.local_time_text}.`;
}
