// WorkspaceCloser: one Durable Object per closing workspace (named by its tenant id). It is scheduled
// before the closure is committed in D1, so a closure can never go without it; D1 stays the truth: a
// workspace found open a while after scheduling was never closed (the erasure failed) and is forgotten.
// Once closed, it stops what is running (worker/workspace/close-workspace.ts: sockets told and closed,
// waiting turns dropped, Telegram webhooks removed), then sleeps until the erasure window ends and
// erases the data with a receipt. Every step is repeatable; a failed one is retried with back-off.
import { DurableObject } from "cloudflare:workers";
import { findClosure } from "../worker/db/workspace-store";
import { createLogger, describeError, type Logger } from "../worker/lib/logger";
import { eraseClosedWorkspace, sweepClosedWorkspace } from "../worker/workspace/close-workspace";
import { workerConfig } from "../worker/lib/config";
import { AlarmJob } from "./shared/alarm-job";

type Job = {
  tenantId: string;
  scheduledAt: number;
  swept: boolean;
  cursor: string | null;
  failures: number;
};

/** The alarm that does the work if the nudge after the commit never comes. */
const SAFETY_NET_MS = 10_000;
/** How long a workspace may still be found open after scheduling (its closure being committed). */
const COMMIT_GRACE_MS = 10 * 60_000;
const RECHECK_MS = 30_000;

export class WorkspaceCloser extends DurableObject<Env> {
  private readonly logger: Logger;
  private running: Promise<void> | null = null;
  private readonly stored: AlarmJob<Job>;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.stored = new AlarmJob(ctx);
    this.logger = createLogger({ component: "workspace-closer" }, workerConfig(env).logLevel);
  }

  /** Takes the workspace on before its closure is committed; repeating it changes nothing. */
  async schedule(tenantId: string): Promise<void> {
    if (!this.stored.get())
      this.stored.save({
        tenantId,
        scheduledAt: Date.now(),
        swept: false,
        cursor: null,
        failures: 0,
      });
    await this.ctx.storage.setAlarm(Date.now() + SAFETY_NET_MS);
  }

  /** The closure is committed: stop what is running now rather than at the safety-net alarm. */
  async closed(): Promise<void> {
    await this.work();
  }

  override async alarm(): Promise<void> {
    await this.work();
  }

  /** One worker at a time: the nudge and the alarm may arrive together. */
  private work(): Promise<void> {
    this.running ??= this.step().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async step(): Promise<void> {
    const job = this.stored.get();
    if (!job) return;
    const now = Date.now();
    try {
      const closure = await findClosure(this.env.DB, job.tenantId);
      if (!closure) {
        if (now - job.scheduledAt < COMMIT_GRACE_MS)
          await this.ctx.storage.setAlarm(now + RECHECK_MS);
        else await this.stored.forget();
        return;
      }
      if (closure.erasedAt !== null) return this.stored.forget();
      if (!job.swept) {
        const pass = await sweepClosedWorkspace(this.env, job.tenantId, job.cursor, this.logger);
        this.stored.save({ ...job, swept: pass.next === null, cursor: pass.next, failures: 0 });
        if (pass.next !== null) return this.ctx.storage.setAlarm(now);
      }
      const eraseAfter =
        closure.eraseAfter ?? closure.closedAt + workerConfig(this.env).workspaceErasureMs;
      if (now < eraseAfter) return this.ctx.storage.setAlarm(eraseAfter);
      const receipt = await eraseClosedWorkspace(this.env, job.tenantId, {
        ...closure,
        eraseAfter,
      });
      this.logger.info("closed workspace erased", { tenant_id: job.tenantId, ...receipt });
      await this.stored.forget();
    } catch (err) {
      const failures = (this.stored.get()?.failures ?? 0) + 1;
      this.logger.error("workspace closer step failed", {
        tenant_id: job.tenantId,
        failures,
        ...describeError(err),
      });
      this.stored.save({ ...(this.stored.get() ?? job), failures });
      await this.stored.retryLater(failures, now);
    }
  }
}
