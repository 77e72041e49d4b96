// WebhookDispatcher: one per workspace (named by its tenant id). Emitted events wait in D1 as pending
// deliveries; the dispatcher's alarm sends the due ones and sets itself for the next retry, so
// back-off survives restarts and costs nothing while idle.
import { DurableObject } from "cloudflare:workers";
import { dueDeliveries, nextDueAt } from "../worker/db/webhook-store";
import { createLogger, describeError } from "../worker/lib/logger";
import { deliverWebhook } from "./webhook/deliver-webhook";
import { workerConfig } from "../worker/lib/config";

const BATCH = 25;
const FAILURE_RETRY_MS = 60_000;

export class WebhookDispatcher extends DurableObject<Env> {
  // Sends overlap at awaits (fetch does not hold the input gate): one pass at a time, and a pass
  // asked for meanwhile runs right after, so no delivery is sent twice or missed.
  private running = false;
  private again = false;
  private until = 0;
  /** Records the workspace this dispatcher serves and sends what is due now. */
  async wake(tenantId: string): Promise<void> {
    await this.ctx.storage.put("tenant", tenantId);
    await this.schedule(Date.now());
  }

  /**
   * Sends every delivery due by the time this alarm was set for (not only by now: an alarm run early,
   * as tests do, stands for the moment it was scheduled), then sets the alarm for the next one due.
   */
  override async alarm(): Promise<void> {
    const tenantId = await this.ctx.storage.get<string>("tenant");
    if (!tenantId) return;
    const until = Math.max(Date.now(), (await this.ctx.storage.get<number>("alarm_at")) ?? 0);
    await this.ctx.storage.delete("alarm_at");
    this.until = Math.max(this.until, until);
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      do {
        this.again = false;
        await this.sendDue(tenantId, Math.max(this.until, Date.now()));
      } while (this.again);
      const next = await nextDueAt(this.env.DB, tenantId);
      if (next !== null) await this.schedule(next);
    } catch (err) {
      createLogger(
        { component: "webhook-dispatcher", tenant_id: tenantId },
        workerConfig(this.env).logLevel,
      ).error("webhook dispatch failed", describeError(err));
      await this.schedule(Date.now() + FAILURE_RETRY_MS);
    } finally {
      this.running = false;
    }
  }

  private async sendDue(tenantId: string, until: number): Promise<void> {
    for (;;) {
      const due = await dueDeliveries(this.env.DB, tenantId, until, BATCH);
      for (const delivery of due) await deliverWebhook(this.env, delivery);
      if (due.length < BATCH) return;
    }
  }

  private async schedule(at: number): Promise<void> {
    const current = await this.ctx.storage.getAlarm();
    if (current !== null && current <= at) return;
    await this.ctx.storage.setAlarm(at);
    await this.ctx.storage.put("alarm_at", at);
  }
}
