/**
 * Admission queue: priorities, tenant fairness, ageing, bounds and Retry-After, cancellation, deadlines, drain.
 */
import type { Priority } from "@coach/contracts/bridge";
import { describe, expect, it } from "vitest";
import { AppError } from "../src/errors";
import { AdmissionQueue } from "../src/queue";
import type { Lease, QueueOptions } from "../src/queue-types";

function makeQueue(options: Partial<QueueOptions> = {}): AdmissionQueue {
  return new AdmissionQueue({
    concurrency: 1,
    maxWaitMs: 60_000,
    maxDepth: 100,
    tenantMaxDepth: 50,
    agingMs: 60_000,
    ...options,
  });
}

function admitOk(
  queue: AdmissionQueue,
  tenantId: string,
  priority: Priority = "interactive",
  extra: { deadlineMs?: number; signal?: AbortSignal } = {},
): Promise<Lease> {
  const admission = queue.admit({ tenantId, priority, ...extra });
  if (!admission.ok) throw admission.error;
  return admission.slot;
}

function refusal(
  queue: AdmissionQueue,
  tenantId: string,
  priority: Priority = "interactive",
  deadlineMs?: number,
): AppError {
  const admission = queue.admit({ tenantId, priority, deadlineMs });
  if (admission.ok) throw new Error("admitted");
  return admission.error;
}

/** Records the order in which `slots` start, releasing each as soon as it starts. */
async function startOrder(slots: Array<[string, Promise<Lease>]>): Promise<string[]> {
  const order: string[] = [];
  await Promise.all(
    slots.map(async ([label, slot]) => {
      const lease = await slot;
      order.push(label);
      // Release on a later tick so the dispatcher picks the next job only after this one is recorded.
      setTimeout(() => lease.release(), 0);
    }),
  );
  return order;
}

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("resolved");
};

describe("AdmissionQueue", () => {
  it("runs no more than `concurrency` jobs at once", async () => {
    const queue = makeQueue({ concurrency: 2 });
    const leases = [admitOk(queue, "a"), admitOk(queue, "b"), admitOk(queue, "c")];
    await Promise.all(leases.slice(0, 2));
    expect(queue.stats()).toMatchObject({ running: 2, depth: 1 });
    (await leases[0])?.release();
    await leases[2];
    expect(queue.stats()).toMatchObject({ running: 2, depth: 0 });
  });

  it("serves interactive, then search, then proactive, then ingestion", async () => {
    const queue = makeQueue();
    const blocker = await admitOk(queue, "x");
    const slots: Array<[string, Promise<Lease>]> = (
      ["ingestion", "proactive", "search", "interactive"] as const
    ).map((p) => [p, admitOk(queue, "t", p)]);
    blocker.release();
    expect(await startOrder(slots)).toEqual(["interactive", "search", "proactive", "ingestion"]);
  });

  it("alternates between tenants inside a class", async () => {
    const queue = makeQueue();
    const blocker = await admitOk(queue, "x");
    const slots: Array<[string, Promise<Lease>]> = ["A1", "A2", "A3", "A4", "B1", "B2"].map(
      (label) => [label, admitOk(queue, label[0] ?? "")],
    );
    blocker.release();
    expect(await startOrder(slots)).toEqual(["A1", "B1", "A2", "B2", "A3", "A4"]);
  });

  it("serves a tenant that just arrived before a tenant that is flooding", async () => {
    const queue = makeQueue();
    const blocker = await admitOk(queue, "x");
    const flood = ["A1", "A2", "A3"].map((label): [string, Promise<Lease>] => [
      label,
      admitOk(queue, "A"),
    ]);
    blocker.release();
    const first = await flood[0]?.[1];
    const late: [string, Promise<Lease>] = ["B1", admitOk(queue, "B")];
    first?.release();
    expect(await startOrder([late, ...flood.slice(1)])).toEqual(["B1", "A2", "A3"]);
  });

  it("ages waiting work so a lower class is not starved", async () => {
    let clock = 0;
    const queue = makeQueue({ agingMs: 1000, now: () => clock });
    const blocker = await admitOk(queue, "x");
    const old = admitOk(queue, "t", "ingestion");
    clock = 4000;
    const fresh = admitOk(queue, "t", "interactive");
    blocker.release();
    expect(
      await startOrder([
        ["ingestion", old],
        ["interactive", fresh],
      ]),
    ).toEqual(["ingestion", "interactive"]);
  });

  it("refuses at once with 429 and Retry-After when the estimated wait exceeds the deadline", async () => {
    const queue = makeQueue({ initialServiceMs: { interactive: 1000 } });
    await admitOk(queue, "x");
    for (let i = 0; i < 3; i++) void admitOk(queue, `q${i}`);
    const error = refusal(queue, "late", "interactive", 2000);
    expect(error).toMatchObject({ status: 429, code: "queue_wait_too_long" });
    // About 4 s of work is ahead and 2 s are allowed: retry in about 2 s.
    expect(error.options.retryAfterSeconds).toBe(2);
  });

  it("refuses work whose estimated wait exceeds the configured budget", async () => {
    const queue = makeQueue({ maxWaitMs: 1500, initialServiceMs: { interactive: 1000 } });
    await admitOk(queue, "x");
    void admitOk(queue, "y");
    expect(refusal(queue, "z")).toMatchObject({ status: 429, code: "queue_wait_too_long" });
  });

  it("admits work that fits the deadline and reports its position and estimated wait", async () => {
    const queue = makeQueue({ initialServiceMs: { interactive: 1000 } });
    await admitOk(queue, "x");
    const admission = queue.admit({ tenantId: "y", priority: "interactive", deadlineMs: 5000 });
    expect(admission).toMatchObject({ ok: true, position: 0 });
    expect(admission.ok && admission.estimatedWaitMs).toBeGreaterThan(900);
  });

  it("estimates from measured service times", async () => {
    const queue = makeQueue({ initialServiceMs: { interactive: 5000 } });
    for (let i = 0; i < 5; i++) (await admitOk(queue, "a")).release();
    expect(queue.stats().serviceMs.interactive).toBeLessThan(5000 * 0.8 ** 5 + 50);
  });

  it("limits the queued requests of one tenant without blocking others", async () => {
    const queue = makeQueue({ tenantMaxDepth: 2 });
    await admitOk(queue, "x");
    void admitOk(queue, "flood");
    void admitOk(queue, "flood");
    expect(refusal(queue, "flood")).toMatchObject({ status: 429, code: "tenant_queue_full" });
    expect(queue.admit({ tenantId: "other", priority: "interactive" }).ok).toBe(true);
  });

  it("limits the total queue depth", async () => {
    const queue = makeQueue({ maxDepth: 2 });
    await admitOk(queue, "x");
    void admitOk(queue, "a");
    void admitOk(queue, "b");
    expect(refusal(queue, "c")).toMatchObject({ status: 429, code: "queue_full" });
  });

  it("answers 503 when the backend is down", () => {
    const queue = makeQueue({ isBackendUp: () => false });
    const error = refusal(queue, "a");
    expect(error).toMatchObject({ status: 503, code: "backend_unavailable" });
    expect(error.options.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("drops a queued request when its client goes away", async () => {
    const queue = makeQueue();
    await admitOk(queue, "x");
    const client = new AbortController();
    const slot = admitOk(queue, "a", "interactive", { signal: client.signal });
    client.abort();
    expect(await rejection(slot)).toMatchObject({ code: "cancelled" });
    expect(queue.stats().depth).toBe(0);
  });

  it("aborts a running request's signal when its client goes away", async () => {
    const queue = makeQueue();
    const client = new AbortController();
    const lease = await admitOk(queue, "a", "interactive", { signal: client.signal });
    client.abort();
    expect(lease.signal.aborted).toBe(true);
    expect(lease.signal.reason).toMatchObject({ code: "cancelled" });
  });

  it("drops queued work whose deadline passes", async () => {
    const queue = makeQueue({ initialServiceMs: { interactive: 10 } });
    await admitOk(queue, "x");
    const slot = admitOk(queue, "a", "interactive", { deadlineMs: 30 });
    expect(await rejection(slot)).toMatchObject({ status: 504, code: "deadline_exceeded" });
    expect(queue.stats().depth).toBe(0);
  });

  it("aborts running work whose deadline passes", async () => {
    const queue = makeQueue();
    const lease = await admitOk(queue, "a", "interactive", { deadlineMs: 30 });
    await new Promise((resolve) => lease.signal.addEventListener("abort", resolve));
    expect(lease.signal.reason).toMatchObject({ code: "deadline_exceeded" });
  });

  it("frees the slot of released work for the next job", async () => {
    const queue = makeQueue();
    const first = await admitOk(queue, "a");
    const second = admitOk(queue, "b");
    first.release();
    first.release();
    await second;
    expect(queue.stats().running).toBe(1);
  });

  it("drains: refuses new work and lets queued work finish", async () => {
    const queue = makeQueue();
    const running = await admitOk(queue, "a");
    const queued = admitOk(queue, "b");
    const drained = queue.drain(5000);
    expect(refusal(queue, "c")).toMatchObject({ status: 503, code: "shutting_down" });
    running.release();
    (await queued).release();
    await drained;
    expect(queue.stats()).toMatchObject({ depth: 0, running: 0, draining: true });
  });

  it("drains: aborts what is left when the timeout passes", async () => {
    const queue = makeQueue();
    const running = await admitOk(queue, "a");
    const queued = admitOk(queue, "b");
    running.signal.addEventListener("abort", () => running.release("cancelled"));
    await queue.drain(20);
    expect(running.signal.reason).toMatchObject({ code: "shutting_down" });
    expect(await rejection(queued)).toMatchObject({ code: "shutting_down" });
  });

  it("reports rejections and cancellations to its hooks", async () => {
    const seen: string[] = [];
    const queue = makeQueue({
      maxDepth: 1,
      hooks: {
        rejected: (p, code) => seen.push(`${p}:${code}`),
        cancelled: (p, stage) => seen.push(`${p}:${stage}`),
      },
    });
    await admitOk(queue, "x");
    const client = new AbortController();
    const slot = admitOk(queue, "a", "search", { signal: client.signal });
    queue.admit({ tenantId: "b", priority: "search" });
    client.abort();
    await rejection(slot);
    expect(seen).toEqual(["search:queue_full", "search:queued"]);
  });
});
