// The deterministic reader of commitments and reminders in a user's message (English and Spanish,
// spanish-grammar.ts): cheap enough to run on every message, no model call. It records only what it
// understands without doubt; an ambiguous or impossible time ("remind me later", "at 25:00", two days
// in one sentence) is ignored.
import { CommitmentSchema, type Commitment } from "@coach/contracts/commitments";
import {
  chooseReplyLanguage,
  type ReplyLanguage,
  type SpokenLanguages,
} from "../lib/reply-language";
import {
  COMMITMENT_TEXTS,
  commitmentText,
  whenText,
  type CommitmentLanguage,
} from "./commitment-texts";
import {
  DAY,
  HOUR,
  MINUTE,
  WINDOW_FOLLOW_UP_HOUR,
  addDays,
  dateOf,
  fromLocal,
  readClock,
  toLocal,
  wallClockInstant,
  windowEnd,
  type ParseContext,
} from "./local-clock";
import { SPANISH } from "./spanish-grammar";
import { findTimePhrases } from "./time-phrases";

/** How one language opens a reminder request or a promise, and how its times become English ones. */
export type Grammar = {
  language: CommitmentLanguage;
  /** Group 1: what follows "remind me". */
  reminder: RegExp;
  /** Group 1: the promised action after its opener; group 2, when set: a sentence led by its time. */
  commitment: RegExp;
  notACommitment: RegExp;
  softeners: RegExp;
  /** What may follow a reminder's time: "to stretch", "llamar a mamá". */
  reminderRest: RegExp;
  /** What a sentence led by its time must go on with to be a promise; null when none is. */
  timeLedAction: RegExp | null;
  /** Time words of the language left over after the expressions are cut out: ambiguous. */
  leftover: RegExp | null;
  clean: (rest: string) => string;
  toEnglishTimes: (sentence: string) => string;
};

const UNIT_MS = { minute: MINUTE, hour: HOUR, day: DAY, week: 7 * DAY } as const;
/** Nothing further away than this is recorded. */
const MAX_AHEAD_MS = 366 * DAY;
/** A commitment with a time is followed up this long after it. */
const FOLLOW_UP_AFTER_MS = 2 * HOUR;

const ENGLISH: Grammar = {
  language: "en",
  reminder:
    /^(?:(?:ok|okay|hey|hi|so|and|also|please|pls|can you|could you|would you|will you|can u)[,!]? +)*remind me(?: please| pls)?(?: (.*))?$/,
  commitment:
    /^(?:(?:ok|okay|yes|yeah|yep|sure|alright|fine|so|then|and|well|right|great|cool|deal)[,!]? +)*(?:i'll|i will|ill|i'm going to|im going to|i am going to|i'm gonna|im gonna|i am gonna|i promise to|i promise i'll|i promise i will|i commit to|i'm committing to|i plan to|i'm planning to|my plan is to|my goal is to|i aim to|i intend to) +(.+)$/,
  // Not a commitment: a refusal, a maybe, or a promise to think.
  notACommitment:
    /^(?:not|never|no longer|maybe|probably|perhaps|possibly|think|see|let you know|get back|consider|try and see)\b/,
  softeners:
    /^(?:(?:definitely|really|also|actually|finally|try to|make sure to|make sure i|at least) )+/,
  reminderRest: /^(?:to|about|that|of)\b/,
  timeLedAction: null,
  leftover: null,
  clean: (rest) =>
    rest
      .replace(/^(?:to|about|that|of)\s+/, "")
      .replace(/(?:[\s,]+(?:and|please|pls|at least|ok|okay))+$/, "")
      .replace(/^[\s,]+|[\s,]+$/g, ""),
  toEnglishTimes: (sentence) => sentence,
};

/** Tried in this order; English first, as it was the only one before. */
const GRAMMARS: readonly Grammar[] = [ENGLISH, SPANISH];

/** The time expressions of `text` in `grammar`'s language, or null when any is ambiguous. */
function timePhrasesIn(grammar: Grammar, text: string, options: { frequencies: boolean }) {
  const phrases = findTimePhrases(grammar.toEnglishTimes(text), options);
  return phrases && !grammar.leftover?.test(phrases.rest) ? phrases : null;
}

function reminder(
  grammar: Grammar,
  body: string,
  ctx: ParseContext,
): Omit<Commitment, "local_time_text"> | null {
  const phrases = timePhrasesIn(grammar, body, { frequencies: false });
  if (!phrases || phrases.window) return null;
  if (phrases.rest !== "" && !grammar.reminderRest.test(phrases.rest)) return null;
  let due: number | null;
  if (phrases.relative) {
    if (phrases.day || phrases.time || phrases.part || phrases.relative.amount < 1) return null;
    due = ctx.now + phrases.relative.amount * UNIT_MS[phrases.relative.unit];
  } else {
    due = wallClockInstant(phrases, ctx, "reminder");
  }
  if (due === null) return null;
  const what = grammar.clean(phrases.rest);
  return {
    kind: "reminder",
    what: what === "" ? COMMITMENT_TEXTS[grammar.language].anyReminder : what,
    due_at: due,
  };
}

function commitment(
  grammar: Grammar,
  action: string,
  ctx: ParseContext,
  timeLed: boolean,
): Omit<Commitment, "local_time_text"> | null {
  if (grammar.notACommitment.test(action)) return null;
  const phrases = timePhrasesIn(grammar, action.replace(grammar.softeners, ""), {
    frequencies: true,
  });
  if (!phrases) return null;
  if (timeLed && !grammar.timeLedAction?.test(phrases.rest)) return null;
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
  const what = grammar.clean(phrases.rest);
  if (!/\p{L}/u.test(what)) return null;
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
    return GRAMMARS.some(
      (g) => g.reminder.test(sentence) || (!s.endsWith("?") && g.commitment.test(sentence)),
    );
  });
}

function sentencesOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .split(/\n+|(?<=[.!?;])\s+/)
    .map((s) =>
      s
        .replace(/\s+/g, " ")
        .replace(/^[¿¡]+/, "")
        .trim(),
    )
    .filter((s) => s !== "");
}

/** A commitment or reminder read from one sentence, before its time is told back. */
function readSentence(
  grammar: Grammar,
  sentence: string,
  isQuestion: boolean,
  ctx: ParseContext,
): Omit<Commitment, "local_time_text"> | null {
  const asked = grammar.reminder.exec(sentence);
  if (asked) return reminder(grammar, asked[1] ?? "", ctx);
  const committed = isQuestion ? null : grammar.commitment.exec(sentence);
  if (!committed) return null;
  const timeLed = committed[2] !== undefined;
  return commitment(grammar, committed[1] ?? committed[2] ?? "", ctx, timeLed);
}

/** A commitment as read, with the language it is answered in. */
export type ReadCommitment = { commitment: Commitment; language: ReplyLanguage };

/**
 * The first commitment or reminder in `text`, validated, with its time on the user's clock in
 * `ctx.timeZone` told in the language it is answered in: the one it was written in, unless `speaks`
 * (the persona) does not speak it, then the persona's first. Null when there is none or it is not certain.
 */
export function readCommitment(
  text: string,
  ctx: ParseContext,
  speaks?: SpokenLanguages,
): ReadCommitment | null {
  for (const raw of sentencesOf(text)) {
    const sentence = raw.replace(/[.!?;]+$/, "").trim();
    for (const grammar of GRAMMARS) {
      const found = readSentence(grammar, sentence, raw.endsWith("?"), ctx);
      if (!found || found.due_at <= ctx.now || found.due_at - ctx.now > MAX_AHEAD_MS) continue;
      const language = speaks
        ? chooseReplyLanguage(speaks, { detected: grammar.language })
        : grammar.language;
      const parsed = CommitmentSchema.safeParse({
        ...found,
        local_time_text: whenText(language, readClock(found.due_at, ctx.now, ctx.timeZone)),
      });
      if (parsed.success) return { commitment: parsed.data, language };
    }
  }
  return null;
}

/** The one short line the assistant answers with once something is recorded, in `language`. */
export function confirmationText(commitment: Commitment, language: ReplyLanguage): string {
  return commitmentText(language, "noted", commitment, { when: commitment.local_time_text });
}
