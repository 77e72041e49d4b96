// BridgePool: one Durable Object per workspace (named by its tenant id) that routes the workspace's
// turns over its bridges (worker/lib/bridge-routing.ts) and keeps what it learns between them: each
// bridge's circuit, reported load and turns out. Rooms ask it for a bridge before each attempt and
// report how the attempt went; while a bridge's circuit is open its alarm probes `/health`, so the
// bridge is taken back as soon as it answers, without waiting for a turn to risk it.
// It also keeps every bridge's index complete: a bridge that lacks a ready document is `filling`, gets
// no turns while a complete bridge can take them, and is back-filled by the same alarm, a few documents
// at a time (worker/knowledge/backfill.ts); while turns come, the alarm also asks each bridge now and
// then which documents it holds, so an emptied index is noticed and filled again.
import { DurableObject } from "cloudflare:workers";
import { HealthStatusSchema } from "@coach/contracts/bridge";
import { loadPoolMembers, type PoolMember } from "../worker/bridges/pool-members";
import { callBridge } from "../worker/lib/bridge-client";
import type {
  OverflowGrant,
  OverflowRequest,
  PoolMemberStatus,
  PoolReport,
  PoolRequest,
  PooledBridge,
} from "../worker/lib/bridge-pools";
import { BridgeRouter, emptyPool, type PoolState } from "../worker/lib/bridge-routing";
import { workerConfig } from "../worker/lib/config";
import { budgetDay, poolVerdict } from "../worker/lib/overflow-routing";
import { createLogger, describeError, type Logger } from "../worker/lib/logger";
import { IndexKeeper } from "./pool/index-keeper";
import { OverflowBudget } from "./pool/overflow-budget";

const STATE_KEY = "pool";
const TENANT_KEY = "tenant";
/** Registered bridges are read again after this long (a change through the API refreshes them at once). */
const MEMBERS_TTL_MS = 30_000;
const PROBE_TIMEOUT_MS = 5_000;

export class BridgePool extends DurableObject<Env> {
  private readonly router = new BridgeRouter(
    this.ctx.storage.kv.get<PoolState>(STATE_KEY) ?? emptyPool(),
  );
  private members: { at: number; list: PoolMember[] } | null = null;
  private readonly index = new IndexKeeper(this.ctx.storage.kv, this.env);
  private readonly budget = new OverflowBudget(this.ctx.storage.kv);

  /** The bridge for a turn's next attempt; null only when the pool has no bridge at all. */
  async choose(tenantId: string, request: PoolRequest): Promise<PooledBridge | null> {
    const members = await this.current(tenantId);
    const choice = this.router.choose(Date.now(), {
      preferred: request.preferred,
      exclude: request.exclude,
      filling: this.index.filling(),
    });
    this.save();
    if (this.index.auditDue(Date.now())) await this.backfillNow();
    const member = choice && members.find((m) => m.id === choice.bridgeId);
    if (!choice || !member) return null;
    if (choice.degraded)
      this.logger(tenantId).warn("no healthy bridge: trying one anyway", {
        request_id: request.request_id,
        bridge_id: choice.bridgeId,
      });
    return {
      bridge_id: choice.bridgeId,
      lease_id: choice.leaseId,
      degraded: choice.degraded,
      target: member.target,
    };
  }

  /** How a turn's attempt went; answers whether another bridge can take the turn right away. */
  async report(tenantId: string, report: PoolReport): Promise<{ failover: boolean }> {
    const before = this.router.health(report.bridge_id)?.state;
    const failover = this.router.settle(
      report.bridge_id,
      report.lease_id,
      report.outcome,
      Date.now(),
    );
    this.save();
    if (report.outcome.kind === "failed")
      this.index.noteError(
        report.bridge_id,
        "A turn failed here: unreachable, timed out, refused or cut off.",
      );
    const after = this.router.health(report.bridge_id)?.state;
    if (before !== after)
      this.logger(tenantId).warn("bridge circuit changed", {
        request_id: report.request_id,
        bridge_id: report.bridge_id,
        from: before,
        to: after,
      });
    await this.scheduleProbe();
    return { failover };
  }

  /**
   * Whether a turn's attempt overflows to Workers AI: no bridge is up for it, or every one would keep
   * it waiting past the workspace's limit, and today's budget has an answer left (taken here, at once).
   */
  async overflow(tenantId: string, request: OverflowRequest): Promise<OverflowGrant> {
    const members = await this.current(tenantId);
    const now = Date.now();
    const verdict = poolVerdict(this.router, now, request.max_wait_ms, request.exclude);
    const search = members.find((m) => m.id === verdict.searchVia)?.target ?? null;
    const refused = { granted: false, reason: verdict.reason, search };
    if (verdict.reason === null)
      return { ...refused, day: budgetDay(now), used: this.budget.used(now) };
    const taken = this.budget.take(now, request.daily_answer_budget);
    if (!taken) {
      this.logger(tenantId).warn("overflow budget spent: the turn waits for a bridge", {
        request_id: request.request_id,
        budget: request.daily_answer_budget,
      });
      return { ...refused, day: budgetDay(now), used: this.budget.used(now) };
    }
    return { ...refused, granted: true, ...taken };
  }

  /** Gives back an overflow answer whose attempt produced none. */
  overflowReturned(day: string): void {
    this.budget.giveBack(day);
  }

  /** Overflow answers counted today. */
  overflowUsedToday(): number {
    return this.budget.used(Date.now());
  }

  /** The workspace's bridges changed (API): the next turn is routed over the new list. */
  async membersChanged(tenantId: string): Promise<void> {
    this.members = null;
    await this.current(tenantId);
    this.save();
    // A bridge just added is filled at once, and its index checked.
    this.index.auditNext();
    await this.backfillNow();
  }

  /** A copy became ready or failed somewhere: which bridges are complete may have changed. */
  async indexChanged(tenantId: string): Promise<void> {
    const members = await this.current(tenantId);
    await this.index.refresh(
      tenantId,
      members.map((m) => m.id),
    );
    if (this.index.filling().length > 0) await this.backfillNow();
  }

  /** Each bridge as the pool sees it now. */
  async status(tenantId: string): Promise<PoolMemberStatus[]> {
    const members = await this.current(tenantId);
    const now = Date.now();
    return members.map(({ id }) => {
      const health = this.router.health(id);
      return {
        id,
        state: health?.state ?? "closed",
        consecutive_failures: health?.failures ?? 0,
        load: health?.load ?? null,
        estimated_wait_ms: Math.round(this.router.estimatedWaitMs(id, now)),
        share: this.router.share(id, now),
        index: this.index.status(id),
        last_error: this.index.lastError(id),
      };
    });
  }

  override async alarm(): Promise<void> {
    const tenantId = this.ctx.storage.kv.get<string>(TENANT_KEY);
    if (!tenantId) return;
    const members = await this.current(tenantId);
    const backfillAt = this.index.backfillAt();
    if (backfillAt !== null && backfillAt <= Date.now()) {
      // A bridge that is down gets its documents once its probe brings it back.
      const up = members.filter((m) => this.router.health(m.id)?.state !== "open");
      await this.index.round(tenantId, members, up, this.logger(tenantId));
    }
    const due = this.router.probesDue(Date.now());
    // Probed side by side; the router is touched only after the awaits, so turns routed meanwhile count.
    const results = await Promise.all(
      due.map(async (id) => {
        const member = members.find((m) => m.id === id);
        return { id, ...(member ? await this.probe(tenantId, member) : { ok: false }) };
      }),
    );
    for (const result of results) {
      this.router.probed(
        result.id,
        result.ok,
        Date.now(),
        "load" in result ? result.load : undefined,
      );
      if (result.ok)
        this.logger(tenantId).info("bridge answered its probe: half-open", {
          bridge_id: result.id,
        });
    }
    this.save();
    await this.scheduleProbe();
  }

  private async probe(tenantId: string, member: PoolMember) {
    try {
      const response = await callBridge(member.target, {
        method: "GET",
        path: "/health",
        requestId: crypto.randomUUID(),
        timeoutMs: PROBE_TIMEOUT_MS,
      });
      const health = HealthStatusSchema.safeParse(await response.json().catch(() => null));
      const ok = response.ok && health.success && health.data.status === "ok";
      return { ok, load: health.success ? health.data.load : undefined };
    } catch (err) {
      this.logger(tenantId).info("bridge probe failed", {
        bridge_id: member.id,
        ...describeError(err),
      });
      this.index.noteError(
        member.id,
        `Its /health did not answer: ${err instanceof Error ? err.message : "unknown error"}`,
      );
      return { ok: false };
    }
  }

  /** The workspace's bridges, read again once they are older than MEMBERS_TTL_MS. */
  private async current(tenantId: string): Promise<PoolMember[]> {
    if (this.members && Date.now() - this.members.at < MEMBERS_TTL_MS) return this.members.list;
    const list = await loadPoolMembers(this.env, tenantId, this.logger(tenantId));
    this.members = { at: Date.now(), list };
    this.ctx.storage.kv.put(TENANT_KEY, tenantId);
    this.router.sync(list.map((m) => m.id));
    await this.index.refresh(
      tenantId,
      list.map((m) => m.id),
    );
    return list;
  }

  /** Runs a back-fill round (and an index audit when due) at once. */
  private async backfillNow(): Promise<void> {
    this.index.backfillBy(Date.now());
    await this.scheduleProbe();
  }

  /** The alarm goes off for the earliest of the next probe and the next back-fill round. */
  private async scheduleProbe(): Promise<void> {
    const probeAt = this.router.nextProbeAt();
    const due = [probeAt, this.index.backfillAt()].filter((at): at is number => at !== null);
    if (due.length === 0) return;
    const at = Math.min(...due);
    const set = await this.ctx.storage.getAlarm();
    if (set === null || set > at) await this.ctx.storage.setAlarm(at);
  }

  private save(): void {
    this.ctx.storage.kv.put(STATE_KEY, this.router.pool);
  }

  private logger(tenantId: string): Logger {
    return createLogger(
      { component: "bridge-pool", tenant_id: tenantId },
      workerConfig(this.env).logLevel,
    );
  }
}
