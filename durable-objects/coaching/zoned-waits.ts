// When a wait step is over. A wait by duration is a fixed span of time; a wait until a local time of
// day ("08:00 tomorrow") belongs to the contact's clock, so when their time zone changes while it runs
// its end is worked out again, from the instant it started, in the new zone.
import type { ProgramNode } from "@coach/contracts/programs";
import type { AgentStore, EnrollmentRecord } from "./agent-store";
import { localTimeAfterDays } from "../../worker/lib/zoned-time";

type WaitNode = Extract<ProgramNode, { kind: "wait" }>;

/** A wait without a duration or a time waits until 09:00 the next day. */
const DEFAULT_UNTIL = { time: "09:00", days_ahead: 1 };

/** The instant a wait step entered at `startedAt` is over, for a contact in `timeZone`. */
export function waitEnd(node: WaitNode, startedAt: number, timeZone: string): number {
  if (node.duration_minutes !== undefined) return startedAt + node.duration_minutes * 60_000;
  const until = node.until ?? DEFAULT_UNTIL;
  const at = localTimeAfterDays(startedAt, timeZone, until.days_ahead, until.time);
  return at > startedAt
    ? at
    : localTimeAfterDays(startedAt, timeZone, until.days_ahead + 1, until.time);
}

/**
 * The enrolment with its running wait until a local time re-timed in `timeZone` (it wakes then, or at
 * once when that is already past); null when it is not in such a wait or the end does not move.
 */
export function rezonedWait(record: EnrollmentRecord, timeZone: string): EnrollmentRecord | null {
  const node = record.steps.nodes.find((n) => n.id === record.currentNode);
  if (node?.kind !== "wait" || node.duration_minutes !== undefined) return null;
  if (record.waitUntil === null || typeof record.waitStartedAt !== "number") return null;
  const waitUntil = waitEnd(node, record.waitStartedAt, timeZone);
  return waitUntil === record.waitUntil ? null : { ...record, waitUntil, wakeAt: waitUntil };
}

/**
 * After the time zone in force changed from `before`, re-times every running wait until a local time;
 * answers the enrolments it moved.
 */
export function rezoneWaits(store: AgentStore, before: string, now: number): EnrollmentRecord[] {
  const timeZone = store.preferences().timezone;
  if (timeZone === before) return [];
  const moved: EnrollmentRecord[] = [];
  for (const record of store.activeEnrollments()) {
    const rezoned = rezonedWait(record, timeZone);
    if (!rezoned) continue;
    store.saveEnrollment(rezoned);
    store.addHistory(record.id, {
      at: now,
      node_id: record.currentNode,
      event: "waiting",
      detail: { until: rezoned.waitUntil, timezone: timeZone },
    });
    moved.push(rezoned);
  }
  return moved;
}
