// What a BridgePool knows of its bridges' indexes: how complete each is (from the documents' copies in
// D1), when its next back-fill round and index audit are due (kept in the object's storage, so an
// eviction or restart only delays them), one back-fill round itself, and each bridge's last error for
// the fleet screen.
import type { PoolMember } from "../../worker/bridges/pool-members";
import { indexProgress, type IndexProgress } from "../../worker/db/bridge-copy-store";
import { auditIndex, backfillStep } from "../../worker/knowledge/backfill";
import type { BridgeIndexStatus } from "../../worker/lib/bridge-pools";
import { describeError, type Logger } from "../../worker/lib/logger";

const ERRORS_KEY = "errors";
/** When the next back-fill round runs (absent: nothing to fill), and when indexes were last asked. */
const BACKFILL_AT_KEY = "backfill_at";
const AUDIT_AT_KEY = "audit_at";
/** The back-fill's pace: soon again after sending, slowly while it only waits for callbacks. */
const BACKFILL_BUSY_MS = 2_000;
const BACKFILL_IDLE_MS = 30_000;
/** How often, while turns come, each bridge is asked which documents it holds. */
const AUDIT_EVERY_MS = 10 * 60_000;

type LastErrors = Record<string, { at: number; message: string }>;
type KeeperEnv = Pick<Env, "DB" | "FILES">;

export class IndexKeeper {
  private progress = new Map<string, IndexProgress>();

  constructor(
    private readonly kv: SyncKvStorage,
    private readonly env: KeeperEnv,
  ) {}

  /** Reads every bridge's index progress again from D1. */
  async refresh(tenantId: string, bridgeIds: readonly string[]): Promise<void> {
    this.progress = await indexProgress(this.env.DB, tenantId, bridgeIds);
  }

  /** Bridges whose index lacks a ready document that could be copied to it. */
  filling(): string[] {
    return [...this.progress.entries()]
      .filter(([, p]) => p.total - p.indexed - p.unavailable > 0)
      .map(([id]) => id);
  }

  status(id: string): BridgeIndexStatus | null {
    const progress = this.progress.get(id);
    if (!progress) return null;
    return {
      state: this.filling().includes(id) ? "filling" : "complete",
      documents_total: progress.total,
      documents_indexed: progress.indexed,
      documents_unavailable: progress.unavailable,
    };
  }

  /** Whether the bridges' indexes are due to be asked what they hold. */
  auditDue(now: number): boolean {
    return (this.kv.get<number>(AUDIT_AT_KEY) ?? 0) < now - AUDIT_EVERY_MS;
  }

  /** Asks the indexes at the next round, whenever it was last done (a bridge was just added). */
  auditNext(): void {
    this.kv.delete(AUDIT_AT_KEY);
  }

  /** When the next back-fill round is due, or null. */
  backfillAt(): number | null {
    return this.kv.get<number>(BACKFILL_AT_KEY) ?? null;
  }

  /** Brings the next round forward to `at`, unless it is due sooner. */
  backfillBy(at: number): void {
    const set = this.backfillAt();
    if (set === null || set > at) this.kv.put(BACKFILL_AT_KEY, at);
  }

  /**
   * One round: asks the bridges which documents they hold when that is due, then sends each filling
   * bridge of `up` its next documents; sets the next round while any is filling.
   */
  async round(tenantId: string, members: PoolMember[], up: PoolMember[], log: Logger) {
    const requestId = crypto.randomUUID();
    const ids = members.map((m) => m.id);
    if (this.auditDue(Date.now())) {
      this.kv.put(AUDIT_AT_KEY, Date.now());
      for (const member of up) {
        const missing = await auditIndex(this.env, tenantId, member, requestId);
        if (missing)
          log.warn("bridge index lacks documents: back-filling", {
            request_id: requestId,
            bridge_id: member.id,
            missing,
          });
      }
      await this.refresh(tenantId, ids);
    }
    let sent = 0;
    const filling = this.filling();
    for (const member of up.filter((m) => filling.includes(m.id))) {
      try {
        sent += await backfillStep(this.env, tenantId, member, requestId);
      } catch (err) {
        log.error("back-fill round failed", { bridge_id: member.id, ...describeError(err) });
        this.noteError(member.id, "The back-fill could not send its documents.");
      }
    }
    if (sent > 0)
      log.info("back-fill sent documents", { request_id: requestId, documents: sent, filling });
    await this.refresh(tenantId, ids);
    if (this.filling().length === 0) this.kv.delete(BACKFILL_AT_KEY);
    else
      this.kv.put(BACKFILL_AT_KEY, Date.now() + (sent > 0 ? BACKFILL_BUSY_MS : BACKFILL_IDLE_MS));
  }

  lastError(bridgeId: string): { at: number; message: string } | null {
    return this.kv.get<LastErrors>(ERRORS_KEY)?.[bridgeId] ?? null;
  }

  noteError(bridgeId: string, message: string): void {
    const errors = this.kv.get<LastErrors>(ERRORS_KEY) ?? {};
    this.kv.put(ERRORS_KEY, { ...errors, [bridgeId]: { at: Date.now(), message } });
  }
}
