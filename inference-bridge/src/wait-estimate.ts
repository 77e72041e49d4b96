/**
 * How long a new job would wait for a backend slot: each priority class's service time, measured as an
 * EWMA of completed runs (with defaults until something is measured), and a simulation of the slots
 * draining the running work and then the work queued ahead. The admission queue refuses on this
 * estimate and derives Retry-After from it, so both rest on the same numbers.
 */
import type { Priority } from "@coach/contracts/bridge";

export const EWMA_ALPHA = 0.2;
/** Until something is measured, assume these service times. */
export const DEFAULT_SERVICE_MS: Record<Priority, number> = {
  interactive: 3000,
  search: 300,
  proactive: 3000,
  ingestion: 2000,
};

/** Estimated wait of a new job: simulate slots draining the running and the work ahead. */
export function estimateWait(
  now: number,
  running: Iterable<{ priority: Priority; startedAt: number }>,
  queuedAhead: Iterable<{ priority: Priority }>,
  serviceMs: Record<Priority, number>,
  concurrency: number,
): { waitMs: number; ahead: number } {
  const slots: number[] = [];
  for (const run of running) {
    const expected = serviceMs[run.priority];
    slots.push(Math.max(expected - (now - run.startedAt), expected * 0.1));
  }
  while (slots.length < concurrency) slots.push(0);
  let ahead = 0;
  for (const job of queuedAhead) {
    slots.sort((a, b) => a - b);
    slots[0] = (slots[0] ?? 0) + serviceMs[job.priority];
    ahead++;
  }
  return { waitMs: Math.min(...slots), ahead };
}
