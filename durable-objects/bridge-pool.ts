// BridgePool: one Durable Object per workspace (named by its tenant id) that routes the workspace's
// turns over its bridges (worker/lib/bridge-routing.ts) and keeps what it learns between them: each
// bridge's circuit, reported load and turns out. Rooms ask it for a bridge before each attempt and
// report how the attempt went; while a bridge's circuit is open its alarm probes `/health`, so the
// bridge is taken back as soon as it answers, without waiting for a turn to risk it.
import { DurableObject } from "cloudflare:workers";
import { HealthStatusSchema } from "@coach/contracts/bridge";
import { loadPoolMembers, type PoolMember } from "../worker/bridges/pool-members";
import { callBridge } from "../worker/lib/bridge-client";
import type {
  PoolMemberStatus,
  PoolReport,
  PoolRequest,
  PooledBridge,
} from "../worker/lib/bridge-pools";
import { BridgeRouter, emptyPool, type PoolState } from "../worker/lib/bridge-routing";
import { workerConfig } from "../worker/lib/config";
import { createLogger, describeError, type Logger } from "../worker/lib/logger";

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

  /** The bridge for a turn's next attempt; null only when the pool has no bridge at all. */
  async choose(tenantId: string, request: PoolRequest): Promise<PooledBridge | null> {
    const members = await this.current(tenantId);
    const choice = this.router.choose(Date.now(), {
      preferred: request.preferred,
      exclude: request.exclude,
    });
    this.save();
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

  /** The workspace's bridges changed (API): the next turn is routed over the new list. */
  async membersChanged(tenantId: string): Promise<void> {
    this.members = null;
    await this.current(tenantId);
    this.save();
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
      };
    });
  }

  override async alarm(): Promise<void> {
    const tenantId = this.ctx.storage.kv.get<string>(TENANT_KEY);
    if (!tenantId) return;
    const members = await this.current(tenantId);
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
    return list;
  }

  private async scheduleProbe(): Promise<void> {
    const at = this.router.nextProbeAt();
    if (at === null) return;
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
