// Behaviour signals from a contact's history, and when the creator's rules hold for them.
import { describe, expect, it } from "vitest";
import {
  computeSignals,
  ruleEpisode,
  slope,
  type CheckinEvent,
} from "../../../durable-objects/coaching/behaviour-signals";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 10, 10, 0);

function signals(checkins: CheckinEvent[], now = T0 + 10 * DAY, days: string[] = []) {
  return computeSignals({
    now,
    lastReplyAt: null,
    activityDays: days,
    today: "2026-06-20",
    yesterday: "2026-06-19",
    checkins,
  });
}

const sent = (node: string, at: number): CheckinEvent => ({
  enrollmentId: "e1",
  nodeId: node,
  kind: "sent",
  at,
  value: null,
});
const answered = (node: string, at: number, value: number | null = null): CheckinEvent => ({
  enrollmentId: "e1",
  nodeId: node,
  kind: "answered",
  at,
  value,
});

describe("signals", () => {
  it("counts the streak of days in a row ending today or yesterday", () => {
    expect(signals([], T0, ["2026-06-18", "2026-06-19", "2026-06-20"]).streak_days).toBe(3);
    expect(signals([], T0, ["2026-06-17", "2026-06-18", "2026-06-19"]).streak_days).toBe(3);
    expect(signals([], T0, ["2026-06-16", "2026-06-18"]).streak_days).toBe(0);
    expect(signals([], T0, ["2026-05-31", "2026-06-19", "2026-06-20"]).streak_days).toBe(2);
  });

  it("counts check-ins missed in a row, ignoring one still inside its day and stopping at an answer", () => {
    const now = T0 + 4 * DAY + HOUR;
    const history = [
      sent("ask", T0),
      answered("ask", T0 + HOUR, 4),
      sent("ask", T0 + DAY),
      sent("ask", T0 + 2 * DAY),
      sent("ask", T0 + 4 * DAY),
    ];
    expect(signals(history, now)).toMatchObject({
      missed_checkins: 2,
      last_missed_at: T0 + 2 * DAY,
    });
    expect(
      signals([...history, answered("ask", T0 + 2 * DAY + HOUR, 3)], now).missed_checkins,
    ).toBe(0);
  });

  it("lists scale scores oldest first with the slope of the last five", () => {
    const history = [5, 5, 4, 3, 2, 1].flatMap((value, i) => [
      sent("ask", T0 + i * DAY),
      answered("ask", T0 + i * DAY + HOUR, value),
    ]);
    const result = signals(history);
    expect(result.checkin_scores.map((s) => s.value)).toEqual([5, 5, 4, 3, 2, 1]);
    expect(result.score_trend).toBe(-1);
    expect(slope([3])).toBeNull();
    expect(slope([1, 2, 3])).toBe(1);
  });
});

describe("rules", () => {
  it("holds a silence once it is long enough, keyed on when it began", () => {
    const s = signals([]);
    expect(ruleEpisode({ no_reply_for_hours: 72 }, s, T0 + 71 * HOUR, T0)).toBeNull();
    expect(ruleEpisode({ no_reply_for_hours: 72 }, s, T0 + 72 * HOUR, T0)).toBe(`silence:${T0}`);
  });

  it("holds a drop in score measured from the first of the last N check-ins", () => {
    const scores = (values: number[]) =>
      signals(
        values.flatMap((v, i) => [
          sent("ask", T0 + i * DAY),
          answered("ask", T0 + i * DAY + HOUR, v),
        ]),
      );
    expect(ruleEpisode({ score_drop: 2, over_checkins: 3 }, scores([5, 4, 3]), T0, null)).toBe(
      `drop:${T0 + 2 * DAY + HOUR}`,
    );
    expect(
      ruleEpisode({ score_drop: 2, over_checkins: 3 }, scores([5, 4, 4]), T0, null),
    ).toBeNull();
    expect(ruleEpisode({ score_drop: 2, over_checkins: 3 }, scores([5, 3]), T0, null)).toBeNull();
  });

  it("holds missed check-ins at the count the creator set", () => {
    const history = [sent("ask", T0), sent("ask", T0 + DAY)];
    expect(
      ruleEpisode({ missed_checkins: 2 }, signals(history, T0 + 2 * DAY), T0 + 2 * DAY, null),
    ).toBe(`missed:${T0 + DAY}`);
    expect(
      ruleEpisode({ missed_checkins: 3 }, signals(history, T0 + 2 * DAY), T0 + 2 * DAY, null),
    ).toBeNull();
  });
});
