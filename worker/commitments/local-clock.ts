// When a commitment or reminder is due, on the user's clock: the instant a day, a time, a day part or
// a window resolves to in their time zone (a bare "8" is the next 8:00 or 20:00), the hour each is
// followed up at, and the clock reading an instant is told back to them with. parse-commitment.ts
// reads what a sentence promises; the calendar arithmetic of when lives here, apart from it.
import { addLocalDays, instantOf, localDateTime } from "../lib/zoned-time";
import type { DayPart, TimePhrase, TimePhrases } from "./time-phrases";

export type ParseContext = { now: number; timeZone: string };
type CalendarDate = { year: number; month: number; day: number };
/** A wall clock reading with its weekday, 0 (Sunday) to 6. */
type LocalDateTime = CalendarDate & { hour: number; minute: number; weekday: number };

export function toLocal(at: number, timeZone: string): LocalDateTime {
  const local = localDateTime(at, timeZone);
  return {
    ...local,
    weekday: new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay(),
  };
}

export function fromLocal(
  date: CalendarDate,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  return instantOf({ ...date, hour, minute }, timeZone);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { year, month, day } = addLocalDays({ ...date, hour: 0, minute: 0 }, days);
  return { year, month, day };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

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
export const WINDOW_FOLLOW_UP_HOUR = 18;

export function dateOf(local: LocalDateTime): CalendarDate {
  return { year: local.year, month: local.month, day: local.day };
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY,
  );
}

/** An instant as the user's clock shows it, relative to today: for telling it back in their words. */
export type ClockReading = {
  /** Whole days from today (0 today, 1 tomorrow). */
  days: number;
  weekday: number;
  day: number;
  /** 1 (January) to 12. */
  month: number;
  hour: number;
  minute: number;
};

/** `due` on the user's clock in `timeZone`, relative to `now`'s date there. */
export function readClock(due: number, now: number, timeZone: string): ClockReading {
  const at = toLocal(due, timeZone);
  return {
    days: daysBetween(dateOf(toLocal(now, timeZone)), dateOf(at)),
    weekday: at.weekday,
    day: at.day,
    month: at.month,
    hour: at.hour,
    minute: at.minute,
  };
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
export function wallClockInstant(
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
export function windowEnd(
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
