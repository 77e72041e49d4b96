// RetentionSweeper: one Durable Object per workspace (named by its tenant id) that enforces the
// workspace's retention once a day with its alarm (worker/workspace/retention-sweep.ts). A pass that
// fills a batch continues at once in the next alarm; when the sweep is done, what it deleted goes into
// the workspace's audit log as one receipt (`retention.swept`), and the next sweep is a day later. A
// closed workspace is left to its WorkspaceCloser, and the sweeper forgets it.
import { DurableObject } from "cloudflare:workers";
import { recordSystemAudit } from "../worker/auth/audit";
import { loadRetention } from "../worker/db/retention-store";
import { findClosure } from "../worker/db/workspace-store";
import { workerConfig } from "../worker/lib/config";
import { createLogger, describeError } from "../worker/lib/logger";
import { sweepRetention, type SweepCounts } from "../worker/workspace/retention-sweep";
import { AlarmJob } from "./shared/alarm-job";

type Job = { tenantId: string; deleted: SweepCounts; failures: number };

const DAY_MS = 86_400_000;
const NOTHING: SweepCounts = {
  conversations: 0,
  originals: 0,
  audit_entries: 0,
  webhook_deliveries: 0,
  gaps: 0,
};

export class RetentionSweeper extends DurableObject<Env> {
  private readonly stored = new AlarmJob<Job>(this.ctx);

  /** Takes the workspace on: its first sweep within a day. Repeating it changes nothing. */
  async schedule(tenantId: string): Promise<void> {
    this.take(tenantId);
    if ((await this.ctx.storage.getAlarm()) === null)
      await this.ctx.storage.setAlarm(Date.now() + DAY_MS);
  }

  /** The workspace's retention changed: sweep now with the new values. */
  async settingsChanged(tenantId: string): Promise<void> {
    this.take(tenantId);
    await this.ctx.storage.setAlarm(Date.now());
  }

  override async alarm(): Promise<void> {
    const job = this.stored.get();
    if (!job) return;
    const now = Date.now();
    try {
      if (await findClosure(this.env.DB, job.tenantId)) return this.stored.forget();
      const { settings } = await loadRetention(this.env.DB, job.tenantId);
      const pass = await sweepRetention(this.env, job.tenantId, settings);
      const deleted = addCounts(job.deleted, pass.deleted);
      if (pass.more) {
        this.stored.save({ ...job, deleted, failures: 0 });
        return this.ctx.storage.setAlarm(now);
      }
      if (Object.values(deleted).some((n) => n > 0)) {
        await recordSystemAudit(this.env.DB, job.tenantId, {
          action: "retention.swept",
          target: { type: "workspace", id: job.tenantId },
          metadata: { deleted, settings },
        });
      }
      this.stored.save({ ...job, deleted: NOTHING, failures: 0 });
      await this.ctx.storage.setAlarm(now + DAY_MS);
    } catch (err) {
      const failures = job.failures + 1;
      createLogger(
        { component: "retention-sweeper", tenant_id: job.tenantId },
        workerConfig(this.env).logLevel,
      ).error("retention sweep failed", { failures, ...describeError(err) });
      this.stored.save({ ...job, failures });
      await this.stored.retryLater(failures, now);
    }
  }

  private take(tenantId: string): void {
    if (!this.stored.get()) this.stored.save({ tenantId, deleted: NOTHING, failures: 0 });
  }
}

function addCounts(a: SweepCounts, b: SweepCounts): SweepCounts {
  return {
    conversations: a.conversations + b.conversations,
    originals: a.originals + b.originals,
    audit_entries: a.audit_entries + b.audit_entries,
    webhook_deliveries: a.webhook_deliveries + b.webhook_deliveries,
    gaps: a.gaps + b.gaps,
  };
}
