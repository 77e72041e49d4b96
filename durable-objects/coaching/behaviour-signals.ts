// A contact's behaviour signals from what their coaching agent knows (pure, so the rules can be tested
// on a pinned clock): last activity, streak of active days on their clock, check-ins missed in a row,
// scale scores and their trend, and which of the creator's rules these signals trigger.
import type { ContactSignals, RuleWhen } from "@coach/contracts/coaching-rules";

const HOUR = 60 * 60 * 1000;
/** A check-in left unanswered this long counts as missed. */
export const CHECKIN_ANSWER_WINDOW_MS = 24 * HOUR;
/** The trend is the slope over this many of the latest scores. */
const TREND_SCORES = 5;

/** A check-in sent to the contact, or their answer to one. */
export type CheckinEvent = {
  enrollmentId: string;
  nodeId: string;
  kind: "sent" | "answered";
  at: number;
  value: number | null;
};

export type SignalInput = {
  now: number;
  lastReplyAt: number | null;
  /** Local dates ("YYYY-MM-DD") on which the contact wrote, on their own clock. */
  activityDays: readonly string[];
  /** The local date of `now` and of the day before, on the contact's clock. */
  today: string;
  yesterday: string;
  checkins: readonly CheckinEvent[];
};

/** The signals, plus when the latest missed check-in was sent (what a rule's episode is keyed on). */
export type SignalsWithKeys = ContactSignals & { last_missed_at: number | null };

/** Least-squares slope of `values` against their index; null with fewer than two. */
export function slope(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return Math.round((num / den) * 1000) / 1000;
}

function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
}

function streak(days: ReadonlySet<string>, today: string, yesterday: string): number {
  let day = days.has(today) ? today : days.has(yesterday) ? yesterday : null;
  let count = 0;
  while (day && days.has(day)) {
    count += 1;
    day = previousDay(day);
  }
  return count;
}

/** Check-ins unanswered in a row, newest first, skipping one still inside its answer window. */
function missedInARow(
  checkins: readonly CheckinEvent[],
  now: number,
): { count: number; lastMissedAt: number | null } {
  const sends = checkins.filter((e) => e.kind === "sent").sort((a, b) => b.at - a.at);
  let count = 0;
  let lastMissedAt: number | null = null;
  for (const send of sends) {
    const nextSend = checkins.find(
      (e) =>
        e.kind === "sent" &&
        e.enrollmentId === send.enrollmentId &&
        e.nodeId === send.nodeId &&
        e.at > send.at,
    );
    const answered = checkins.some(
      (e) =>
        e.kind === "answered" &&
        e.enrollmentId === send.enrollmentId &&
        e.nodeId === send.nodeId &&
        e.at >= send.at &&
        (!nextSend || e.at < nextSend.at),
    );
    if (answered) break;
    if (now - send.at < CHECKIN_ANSWER_WINDOW_MS) continue;
    count += 1;
    lastMissedAt ??= send.at;
  }
  return { count, lastMissedAt };
}

/** The contact's signals at `input.now`. */
export function computeSignals(input: SignalInput): SignalsWithKeys {
  const scores = input.checkins
    .filter((e): e is CheckinEvent & { value: number } => e.kind === "answered" && e.value !== null)
    .sort((a, b) => a.at - b.at)
    .map((e) => ({ at: e.at, value: e.value, node_id: e.nodeId, enrollment_id: e.enrollmentId }));
  const missed = missedInARow(input.checkins, input.now);
  return {
    last_activity_at: input.lastReplyAt,
    streak_days: streak(new Set(input.activityDays), input.today, input.yesterday),
    missed_checkins: missed.count,
    checkin_scores: scores,
    score_trend: slope(scores.slice(-TREND_SCORES).map((s) => s.value)),
    last_missed_at: missed.lastMissedAt,
  };
}

/**
 * Whether `when` holds: the key of the episode it holds for (a rule acts once per episode: one
 * silence, one drop, one run of misses), or null. `silenceSince` is the last reply, else the start of
 * the contact's enrolment.
 */
export function ruleEpisode(
  when: RuleWhen,
  signals: SignalsWithKeys,
  now: number,
  silenceSince: number | null,
): string | null {
  if ("no_reply_for_hours" in when) {
    if (silenceSince === null) return null;
    return now - silenceSince >= when.no_reply_for_hours * HOUR ? `silence:${silenceSince}` : null;
  }
  if ("score_drop" in when) {
    const window = signals.checkin_scores.slice(-when.over_checkins);
    const first = window[0];
    const last = window[window.length - 1];
    if (window.length < when.over_checkins || !first || !last) return null;
    return first.value - last.value >= when.score_drop ? `drop:${last.at}` : null;
  }
  return signals.missed_checkins >= when.missed_checkins && signals.last_missed_at !== null
    ? `missed:${signals.last_missed_at}`
    : null;
}

/** When `when` could next start to hold without any new event (only silences ripen by themselves). */
export function ruleRipensAt(
  when: RuleWhen,
  silenceSince: number | null,
  lastCheckinSentAt: number | null,
): number | null {
  if ("no_reply_for_hours" in when)
    return silenceSince === null ? null : silenceSince + when.no_reply_for_hours * HOUR;
  if ("missed_checkins" in when)
    return lastCheckinSentAt === null ? null : lastCheckinSentAt + CHECKIN_ANSWER_WINDOW_MS;
  return null;
}
