/**
 * The shapes the admission queue (queue.ts) is built with, asked and answers: its settings and metric
 * hooks, a request for a slot, the lease on one, the admission decision and the stats snapshot. They
 * live apart from the queue's mechanics because the metrics, the chat stream and the tests speak them
 * without needing the queue itself.
 */
import type { Priority } from "@coach/contracts/bridge";
import type { AppError } from "./errors";

/** Settings of the admission queue (`AdmissionQueue` in queue.ts). */
export interface QueueOptions {
  /** Jobs run at once; equals OLLAMA_NUM_PARALLEL. */
  concurrency: number;
  /** Longest estimated wait accepted for any request. */
  maxWaitMs: number;
  maxDepth: number;
  tenantMaxDepth: number;
  /** Waiting this long raises a job by one priority class. */
  agingMs: number;
  initialServiceMs?: Partial<Record<Priority, number>>;
  /** When false, new work is refused with 503 instead of being queued for a dead backend. */
  isBackendUp?: () => boolean;
  /** Seconds to suggest in Retry-After when the backend is down. */
  backendRetryAfterSeconds?: number;
  hooks?: QueueHooks;
  now?: () => number;
}

/** Observation points for metrics. */
export interface QueueHooks {
  rejected?(priority: Priority, code: string): void;
  cancelled?(priority: Priority, stage: "queued" | "running"): void;
  started?(priority: Priority, waitMs: number): void;
}

export interface AdmitRequest {
  tenantId: string;
  priority: Priority;
  /** Total budget from now; queued work past it is dropped and running work aborted. */
  deadlineMs?: number;
  /** Client disconnect: drops queued work and aborts running work. */
  signal?: AbortSignal;
}

/** The right to use one backend slot. Always call `release` exactly once. */
export interface Lease {
  /** Aborted on client cancellation, deadline or forced shutdown; pass it down to the backend. */
  readonly signal: AbortSignal;
  readonly queueWaitMs: number;
  release(outcome?: LeaseOutcome): void;
}
export type LeaseOutcome = "ok" | "error" | "cancelled";

/** What the admission queue's `stats()` reports. */
export interface QueueStats {
  depth: number;
  running: number;
  concurrency: number;
  draining: boolean;
  depthByPriority: Record<Priority, number>;
  /** Current service-time estimates (EWMA) per class. */
  serviceMs: Record<Priority, number>;
}

export type Admission =
  | { ok: true; position: number; estimatedWaitMs: number; slot: Promise<Lease> }
  | { ok: false; error: AppError };
