// When a proactive message may go out: never while a member has paused them, never inside the
// contact's quiet hours (in their time zone), never past their caps. Caps count sends in rolling
// windows (any 24 hours, any 7 days), so a message held back by a cap goes out the moment the oldest
// send in the window ages out of it.
import type { CoachingPreferences } from "@coach/contracts/programs";
import { localDateTime, localTimeAfterDays, minutesOfDay } from "../../worker/lib/zoned-time";

export const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** The end of the quiet hours `at` falls in, or `at` itself when it is outside them. */
export function afterQuietHours(at: number, prefs: CoachingPreferences): number {
  const quiet = prefs.quiet_hours;
  if (!quiet) return at;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return at;
  const local = localDateTime(at, prefs.timezone);
  const now = local.hour * 60 + local.minute;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  // Wrapping hours (22:00-08:00) entered before midnight end tomorrow; everything else ends today.
  const endsTomorrow = start > end && now >= start;
  return localTimeAfterDays(at, prefs.timezone, endsTomorrow ? 1 : 0, quiet.end);
}

/** The end of a member's pause when `at` falls before it: messages resume then, with nobody acting. */
function afterPause(at: number, prefs: CoachingPreferences): number {
  return prefs.paused_until !== null && at < prefs.paused_until ? prefs.paused_until : at;
}

/** The first instant from `at` at which one more send stays within `cap` sends per `windowMs`. */
function afterCap(at: number, sentAt: readonly number[], cap: number, windowMs: number): number {
  const inWindow = sentAt.filter((t) => t > at - windowMs && t <= at).sort((a, b) => a - b);
  if (inWindow.length < cap) return at;
  // Enough of the oldest sends must leave the window that one slot frees up.
  const freeing = inWindow[inWindow.length - cap];
  return freeing === undefined ? at : freeing + windowMs + 1;
}

/**
 * The earliest instant at or after `at` at which a proactive message may be sent to this contact,
 * given when earlier ones were sent. Each rule can push the time into another's range, so they are
 * applied until none moves it.
 */
export function earliestSendTime(
  at: number,
  prefs: CoachingPreferences,
  sentAt: readonly number[],
): number {
  let time = at;
  for (let round = 0; round < 20; round += 1) {
    const next = afterQuietHours(
      afterCap(
        afterCap(afterPause(time, prefs), sentAt, prefs.caps.per_day, DAY_MS),
        sentAt,
        prefs.caps.per_week,
        WEEK_MS,
      ),
      prefs,
    );
    if (next === time) return time;
    time = next;
  }
  return time;
}
