// Keeps a CoachingAgent's enrolments in step: each pass advances the due ones and sends the due
// interventions (a failed item is tried again later, the others go on), the contact's time zone is read
// again and running waits re-timed when it changed, every change reaches the D1 index, and one alarm
// stands at the earliest wake-up. Separate from the Durable Object because its alarm and several RPC
// methods share this work.
import { isWorkspaceClosed } from "../../worker/db/workspace-store";
import { describeError } from "../../worker/lib/logger";
import type { AgentStore, EnrollmentRecord } from "./agent-store";
import type { CoachingSignals } from "./coaching-signals";
import { readContactTimeZone } from "./contact-time-zone";
import { syncEnrollmentIndex, type IndexDeps } from "./enrollment-index";
import type { StepExecutor } from "./step-executor";
import { rezoneWaits } from "./zoned-waits";

/** A failed step (room or D1 unreachable) is tried again after this long. */
const RETRY_DELAY_MS = 60_000;

/** What the index is written with (env, ctx, logger), and the agent's own parts and clock. */
export type UpkeepDeps = IndexDeps & {
  store: AgentStore;
  executor: StepExecutor;
  signals: CoachingSignals;
  /** The agent's clock (pinned by the tests' subclass). */
  now(): number;
};

export class EnrollmentUpkeep {
  constructor(private readonly deps: UpkeepDeps) {}

  /** A closed workspace's agents stop: nothing more is sent, and the alarm is cleared until erasure. */
  async workspaceClosed(): Promise<boolean> {
    const identity = this.deps.store.identity();
    if (!identity || !(await isWorkspaceClosed(this.deps.env.DB, identity.tenantId))) return false;
    await this.deps.ctx.storage.deleteAlarm();
    return true;
  }

  /** One alarm at the earliest wake-up, set as far ahead of the real clock as it is of `now()`. */
  async scheduleAlarm(): Promise<void> {
    const { signals, ctx } = this.deps;
    await signals.exportEvents();
    const wakes = [this.deps.store.nextWake(), signals.nextCheck()].filter(
      (t): t is number => t !== null,
    );
    const next = wakes.length > 0 ? Math.min(...wakes) : null;
    if (next === null) {
      await ctx.storage.deleteAlarm();
      return;
    }
    await ctx.storage.setAlarm(Date.now() + Math.max(0, next - this.deps.now()));
  }

  /** Advances every due enrolment and sends every due intervention. */
  async runDue(): Promise<void> {
    const { store, executor, logger } = this.deps;
    await this.refreshContactTimeZone();
    await this.deps.signals.evaluateRules();
    const now = this.deps.now();
    for (const record of store.activeEnrollments()) {
      if (record.wakeAt === null || record.wakeAt > now) continue;
      try {
        const after = await executor.advance(record.id);
        if (after) await this.syncIndex(after, after.status !== "active");
      } catch (err) {
        logger.error("coaching step failed", {
          enrollment_id: record.id,
          node_id: record.currentNode,
          ...describeError(err),
        });
        const fresh = store.enrollment(record.id);
        if (fresh?.status === "active")
          store.saveEnrollment({ ...fresh, wakeAt: this.deps.now() + RETRY_DELAY_MS });
      }
    }
    for (const item of store.dueInterventions(now)) {
      try {
        await executor.runIntervention(item);
      } catch (err) {
        logger.error("coaching intervention failed", {
          intervention_id: item.id,
          ...describeError(err),
        });
        store.saveIntervention({ ...item, dueAt: this.deps.now() + RETRY_DELAY_MS });
      }
    }
  }

  async syncIndex(record: EnrollmentRecord, justEnded = false): Promise<void> {
    const identity = this.deps.store.identity();
    if (identity) await syncEnrollmentIndex(this.deps, identity, record, justEnded);
  }

  /**
   * Reads the contact's own time zone again (it applies while no preference names one) and re-times
   * running waits when the zone in force changed. A failure keeps the zone last read.
   */
  async refreshContactTimeZone(): Promise<void> {
    const { store } = this.deps;
    const identity = store.identity();
    if (!identity) return;
    try {
      const timeZone = await readContactTimeZone(this.deps.env, identity);
      const before = store.preferences().timezone;
      store.setContactTimeZone(timeZone);
      await this.rezoneWaits(before);
    } catch (err) {
      this.deps.logger.warn("contact time zone not read", describeError(err));
    }
  }

  /** Re-times running waits until a local time when the zone in force is no longer `before`. */
  async rezoneWaits(before: string): Promise<void> {
    for (const record of rezoneWaits(this.deps.store, before, this.deps.now()))
      await this.syncIndex(record);
  }
}
