/**
 * Admission queue in front of the model server.
 *
 * A request is admitted only if its estimated wait — simulated from measured service times (EWMA per
 * priority class) over the work ahead of it — fits both its deadline and the configured budget;
 * otherwise it is refused at once with a Retry-After derived from the same estimate, because a fast
 * 429 lets the edge keep the turn in its outbox instead of holding a socket open for nothing.
 * Dispatch order (priority classes with ageing, fair between tenants) lives in `fair-lanes.ts`, the
 * wait estimate in `wait-estimate.ts`, the shapes the queue speaks in `queue-types.ts`.
 */
import type { BridgeLoad, Priority } from "@coach/contracts/bridge";
import { AppError } from "./errors";
import { FairLanes, PRIORITIES } from "./fair-lanes";
import type { Admission, AdmitRequest, Lease, QueueOptions, QueueStats } from "./queue-types";
import { DEFAULT_SERVICE_MS, EWMA_ALPHA, estimateWait } from "./wait-estimate";

interface Job {
  tenantId: string;
  priority: Priority;
  enqueuedAt: number;
  controller: AbortController;
  resolve(lease: Lease): void;
  reject(error: AppError): void;
  cleanup(): void;
}

interface Running {
  priority: Priority;
  startedAt: number;
  controller: AbortController;
}

/** Bounded, prioritised, per-tenant fair admission queue. */
export class AdmissionQueue {
  private readonly lanes: FairLanes<Job>;
  private readonly running = new Set<Running>();
  private readonly serviceMs: Record<Priority, number>;
  private readonly now: () => number;
  private draining = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly options: QueueOptions) {
    this.serviceMs = { ...DEFAULT_SERVICE_MS, ...options.initialServiceMs };
    this.lanes = new FairLanes(options.agingMs);
    this.now = options.now ?? (() => performance.now());
  }

  /** Decides at once whether to accept the request; if accepted, `slot` resolves when it may run. */
  admit(request: AdmitRequest): Admission {
    const { priority, tenantId } = request;
    const refuse = (
      status: number,
      code: string,
      message: string,
      retryAfterMs: number,
    ): Admission => {
      this.options.hooks?.rejected?.(priority, code);
      const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return {
        ok: false,
        error: new AppError(status, code, message, { retryAfterSeconds, retryable: true }),
      };
    };
    if (this.draining)
      return refuse(
        503,
        "shutting_down",
        "The bridge is shutting down.",
        (this.options.backendRetryAfterSeconds ?? 5) * 1000,
      );
    if (this.options.isBackendUp && !this.options.isBackendUp()) {
      return refuse(
        503,
        "backend_unavailable",
        "The model server is unreachable.",
        (this.options.backendRetryAfterSeconds ?? 5) * 1000,
      );
    }
    if (this.lanes.size >= this.options.maxDepth) {
      // One slot frees up roughly every service time divided by the concurrency.
      return refuse(
        429,
        "queue_full",
        "The bridge queue is full.",
        this.serviceMs[priority] / this.options.concurrency,
      );
    }
    if (this.lanes.depthOf(priority, tenantId) >= this.options.tenantMaxDepth) {
      return refuse(
        429,
        "tenant_queue_full",
        "Too many queued requests for this tenant.",
        this.serviceMs[priority],
      );
    }
    const { waitMs, ahead } = estimateWait(
      this.now(),
      this.running,
      this.lanes.ahead(priority),
      this.serviceMs,
      this.options.concurrency,
    );
    const allowedMs = Math.min(
      this.options.maxWaitMs,
      request.deadlineMs ?? Number.POSITIVE_INFINITY,
    );
    if (waitMs > allowedMs) {
      return refuse(
        429,
        "queue_wait_too_long",
        `Estimated wait ${Math.round(waitMs)} ms exceeds ${allowedMs} ms.`,
        waitMs - allowedMs,
      );
    }
    return {
      ok: true,
      position: ahead,
      estimatedWaitMs: Math.round(waitMs),
      slot: this.enqueue(request),
    };
  }

  /**
   * Admits, waits for a slot, runs `work` with the lease's signal and releases the slot. Refusals and
   * cancellations are thrown as `AppError`s.
   */
  async run<T>(request: AdmitRequest, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const admission = this.admit(request);
    if (!admission.ok) throw admission.error;
    const lease = await admission.slot;
    try {
      const result = await work(lease.signal);
      lease.release("ok");
      return result;
    } catch (error) {
      const aborted = lease.signal.aborted;
      lease.release(aborted ? "cancelled" : "error");
      throw aborted ? lease.signal.reason : error;
    }
  }

  /** Snapshot for /health and /metrics. */
  stats(): QueueStats {
    const depthByPriority = Object.fromEntries(
      PRIORITIES.map((p) => [p, this.lanes.depthOf(p)]),
    ) as Record<Priority, number>;
    return {
      depth: this.lanes.size,
      running: this.running.size,
      concurrency: this.options.concurrency,
      draining: this.draining,
      depthByPriority,
      serviceMs: { ...this.serviceMs },
    };
  }

  /**
   * The load the edge routes on, reported on every answer and on /health: how long a new interactive
   * request would wait now, from the same estimate admission uses.
   */
  load(): BridgeLoad {
    const { waitMs } = estimateWait(
      this.now(),
      this.running,
      this.lanes.ahead("interactive"),
      this.serviceMs,
      this.options.concurrency,
    );
    return {
      queue_depth: this.lanes.size,
      running: this.running.size,
      concurrency: this.options.concurrency,
      estimated_wait_ms: Math.round(waitMs),
    };
  }

  /**
   * Stops admitting, lets queued and running work finish, and after `timeoutMs` aborts whatever is left.
   * Resolves once nothing is queued or running.
   */
  async drain(timeoutMs: number): Promise<void> {
    this.draining = true;
    if (this.isIdle()) return;
    const idle = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    const timer = setTimeout(() => {
      const reason = new AppError(503, "shutting_down", "The bridge is shutting down.");
      for (const job of this.lanes.all()) this.removeQueued(job, reason);
      for (const run of this.running) run.controller.abort(reason);
    }, timeoutMs);
    await idle;
    clearTimeout(timer);
  }

  private enqueue(request: AdmitRequest): Promise<Lease> {
    const { priority, tenantId } = request;
    const controller = new AbortController();
    const timers: Array<() => void> = [];
    let job: Job | undefined;
    const slot = new Promise<Lease>((resolve, reject) => {
      job = {
        tenantId,
        priority,
        enqueuedAt: this.now(),
        controller,
        resolve,
        reject,
        cleanup: () => timers.forEach((t) => t()),
      };
    });
    // Callers may drop the promise after a refusal elsewhere; never let it surface as unhandled.
    slot.catch(() => undefined);
    if (!job) throw new Error("unreachable: promise executor runs synchronously");
    const queuedJob = job;
    if (request.deadlineMs !== undefined) {
      const late = new AppError(504, "deadline_exceeded", "The request deadline passed.", {
        retryable: true,
      });
      const timer = setTimeout(() => this.cancel(queuedJob, late), request.deadlineMs);
      timers.push(() => clearTimeout(timer));
    }
    if (request.signal) {
      const signal = request.signal;
      const onAbort = (): void =>
        this.cancel(
          queuedJob,
          new AppError(499, "cancelled", "The client went away.", { retryable: false }),
        );
      if (signal.aborted) queueMicrotask(onAbort);
      signal.addEventListener("abort", onAbort, { once: true });
      timers.push(() => signal.removeEventListener("abort", onAbort));
    }
    this.lanes.push(queuedJob);
    this.pump();
    return slot;
  }

  /** Cancellation from the client or the deadline: drop it if queued, abort it if running. */
  private cancel(job: Job, reason: AppError): void {
    if (this.removeQueued(job, reason)) {
      this.options.hooks?.cancelled?.(job.priority, "queued");
      return;
    }
    if (!job.controller.signal.aborted) job.controller.abort(reason);
  }

  private removeQueued(job: Job, reason: AppError): boolean {
    if (!this.lanes.remove(job)) return false;
    job.cleanup();
    job.reject(reason);
    this.checkIdle();
    return true;
  }

  private pump(): void {
    while (this.running.size < this.options.concurrency) {
      const job = this.lanes.take(this.now());
      if (!job) return;
      this.start(job);
    }
  }

  private start(job: Job): void {
    const startedAt = this.now();
    const waitMs = startedAt - job.enqueuedAt;
    const run: Running = { priority: job.priority, startedAt, controller: job.controller };
    this.running.add(run);
    this.options.hooks?.started?.(job.priority, waitMs);
    let released = false;
    const onAbort = (): void => this.options.hooks?.cancelled?.(job.priority, "running");
    job.controller.signal.addEventListener("abort", onAbort, { once: true });
    job.resolve({
      signal: job.controller.signal,
      queueWaitMs: waitMs,
      release: (outcome = "ok") => {
        if (released) return;
        released = true;
        job.cleanup();
        job.controller.signal.removeEventListener("abort", onAbort);
        this.running.delete(run);
        const serviceMs = this.now() - startedAt;
        // Only completed work says how long a job takes; aborted runs would drag the estimate down.
        if (outcome === "ok")
          this.serviceMs[job.priority] += EWMA_ALPHA * (serviceMs - this.serviceMs[job.priority]);
        this.pump();
        this.checkIdle();
      },
    });
  }

  private isIdle(): boolean {
    return this.lanes.size === 0 && this.running.size === 0;
  }

  private checkIdle(): void {
    if (!this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
