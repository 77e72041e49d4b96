// The deterministic reader of commitments and reminders in a user's message (English): cheap enough
// to run on every message, no model call. It records only what it understands without doubt; an
// ambiguous or impossible time ("remind me later", "at 25:00", two days in one sentence) is ignored.
import { CommitmentSchema, type Commitment } from "@coach/contracts/commitments";
import { addLocalDays, instantOf, localDateTime } from "../lib/zoned-time";
import { findTimePhrases, type DayPart, type TimePhrase, type TimePhrases } from "./time-phrases";

export type ParseContext = { now: number; timeZone: string };
type CalendarDate = { year: number; month: number; day: number };
/** A wall clock reading with its weekday, 0 (Sunday) to 6. */
type LocalDateTime = CalendarDate & { hour: number; minute: number; weekday: number };

function toLocal(at: number, timeZone: string): LocalDateTime {
  const local = localDateTime(at, timeZone);
  return {
    ...local,
    weekday: new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay(),
  };
}

function fromLocal(date: CalendarDate, hour: number, minute: number, timeZone: string): number {
  return instantOf({ ...date, hour, minute }, timeZone);
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = addLocalDays({ ...date, hour: 0, minute: 0 }, days);
  return { year, month, day };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
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
/** Bare hours: when a day is named, 7-11 are morning hours and 1-6 afternoon or evening ones. */
const DEFAULT_HOUR: Record<DayPart | "none", number> = {
  morning: 9,
  afternoon: 14,
  evening: 19,
  night: 21,
  none: 9,
};
/** When to ask how a commitment for a day went, by the part of the day it named. */
const COMMITMENT_FOLLOW_UP_HOUR: Record<DayPart | "none", number> = {
  morning: 12,
  afternoon: 18,
  evening: 21,
  night: 21,
  none: 20,
};
const WINDOW_FOLLOW_UP_HOUR = 18;

const WEEKDAY_TITLES = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
];
const MONTH_TITLES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
];

function dateOf(local: LocalDateTime): CalendarDate {
  return { year: local.year, month: local.month, day: local.day };
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY,
  );
}

/** `due` on the user's clock, relative to today: "today at 8:00", "on Friday at 20:00", "on 3 Dec at 9:00". */
export function describeLocalTime(due: number, now: number, timeZone: string): string {
  const at = toLocal(due, timeZone);
  const days = daysBetween(dateOf(toLocal(now, timeZone)), dateOf(at));
  const clock = `${at.hour}:${String(at.minute).padStart(2, "0")}`;
  const day =
    days === 0
      ? "today"
      : days === 1
        ? "tomorrow"
        : days < 7
          ? `on ${WEEKDAY_TITLES[at.weekday]}`
          : `on ${at.day} ${MONTH_TITLES[at.month - 1]}`;
  return `${day} at ${clock}`;
}

/** The 24-hour clock hour of a spoken time, given the day part or date it goes with. */
function clockHour(time: TimePhrase, part: DayPart | null): number {
  const h = time.hour;
  if (time.meridiem === "am") return h % 12;
  if (time.meridiem === "pm") return (h % 12) + 12;
  if (h === 0 || h > 12) return h;
  if (part === "morning") return h % 12;
  if (part) return h === 12 ? 12 : h + 12;
  return h >= 7 ? h : h + 12;
}

/** The date a day phrase names, or null when it contradicts the day part beside it. */
function namedDate(
  phrases: TimePhrases,
  today: CalendarDate,
  local: LocalDateTime,
): { date: CalendarDate; part: DayPart | null } | null {
  const { day, part } = phrases;
  if (day && part && (day.part || part.today)) return null;
  const dayPart = day?.part ?? (day?.kind === "tonight" ? "night" : null) ?? part?.part ?? null;
  if (!day) {
    if (!part) return null;
    const startsLater = local.hour < DEFAULT_HOUR[part.part];
    return { date: part.today || startsLater ? today : addDays(today, 1), part: dayPart };
  }
  switch (day.kind) {
    case "today":
    case "tonight":
      return { date: today, part: dayPart };
    case "tomorrow":
      return { date: addDays(today, 1), part: dayPart };
    case "day_after_tomorrow":
      return { date: addDays(today, 2), part: dayPart };
    case "weekday":
      // "friday" and "next friday" both mean the coming one; today's weekday means a week from today.
      return { date: addDays(today, ((day.weekday - local.weekday + 6) % 7) + 1), part: dayPart };
  }
}

/** A bare time with no day: its next occurrence (8 → 8:00 or 20:00 today, else 8:00 tomorrow). */
function nextOccurrence(time: TimePhrase, today: CalendarDate, ctx: ParseContext): number {
  const hours =
    time.meridiem || time.hour === 0 || time.hour > 12
      ? [clockHour(time, null)]
      : [time.hour % 12, (time.hour % 12) + 12];
  for (const date of [today, addDays(today, 1)]) {
    for (const hour of hours) {
      const at = fromLocal(date, hour, time.minute, ctx.timeZone);
      if (at > ctx.now) return at;
    }
  }
  return fromLocal(addDays(today, 1), hours[0] ?? 9, time.minute, ctx.timeZone);
}

/** The wall-clock instant named by a day and/or a time, or null when it is ambiguous or past. */
function wallClockInstant(
  phrases: TimePhrases,
  ctx: ParseContext,
  defaults: "reminder" | "commitment",
): number | null {
  const local = toLocal(ctx.now, ctx.timeZone);
  const today = dateOf(local);
  const named = phrases.day || phrases.part ? namedDate(phrases, today, local) : null;
  if ((phrases.day || phrases.part) && !named) return null;
  if (phrases.time) {
    if (!named) return nextOccurrence(phrases.time, today, ctx);
    const isToday = daysBetween(today, named.date) === 0;
    if (
      isToday &&
      !named.part &&
      phrases.time.meridiem === null &&
      phrases.time.hour >= 1 &&
      phrases.time.hour <= 12
    ) {
      const at = nextOccurrence(phrases.time, today, ctx);
      return daysBetween(today, dateOf(toLocal(at, ctx.timeZone))) === 0 ? at : null;
    }
    return fromLocal(
      named.date,
      clockHour(phrases.time, named.part),
      phrases.time.minute,
      ctx.timeZone,
    );
  }
  if (!named) return null;
  if (defaults === "reminder")
    return fromLocal(named.date, DEFAULT_HOUR[named.part ?? "none"], 0, ctx.timeZone);
  if (phrases.day?.kind === "today" && !named.part)
    return fromLocal(named.date, 21, 0, ctx.timeZone);
  if (named.part === "night") return fromLocal(addDays(named.date, 1), 9, 0, ctx.timeZone);
  return fromLocal(named.date, COMMITMENT_FOLLOW_UP_HOUR[named.part ?? "none"], 0, ctx.timeZone);
}

/** The end of the week (Sunday) or month a window names, at the follow-up hour. */
function windowEnd(
  span: "week" | "weekend" | "month",
  which: "this" | "next",
  ctx: ParseContext,
): number {
  const local = toLocal(ctx.now, ctx.timeZone);
  const today = dateOf(local);
  if (span === "month") {
    const monthsAhead = which === "next" ? 2 : 1;
    const lastDay = new Date(Date.UTC(local.year, local.month - 1 + monthsAhead, 0));
    return fromLocal(
      {
        year: lastDay.getUTCFullYear(),
        month: lastDay.getUTCMonth() + 1,
        day: lastDay.getUTCDate(),
      },
      WINDOW_FOLLOW_UP_HOUR,
      0,
      ctx.timeZone,
    );
  }
  const sunday = addDays(today, ((7 - local.weekday) % 7) + (which === "next" ? 7 : 0));
  return fromLocal(sunday, WINDOW_FOLLOW_UP_HOUR, 0, ctx.timeZone);
}

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
