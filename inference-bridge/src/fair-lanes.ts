/**
 * Dispatch order of the admission queue: one lane per (priority class, tenant).
 *
 * The next item comes from the class with the highest effective rank — its base rank plus one for every
 * `agingMs` its oldest item has waited, so no class starves — and, inside that class, from the tenant
 * served longest ago. A tenant with nothing queued counts as never served (fq_codel's "new flow first"
 * rule), so a quiet tenant overtakes a flooding one and waits at most for what is already running.
 */
import type { Priority } from "@coach/contracts/bridge";

/** Classes, most urgent first. */
export const PRIORITIES: readonly Priority[] = ["interactive", "search", "proactive", "ingestion"];
const RANK: Record<Priority, number> = { interactive: 3, search: 2, proactive: 1, ingestion: 0 };

/** What the lanes need to know about an item. */
export interface LaneItem {
  tenantId: string;
  priority: Priority;
  enqueuedAt: number;
}

interface Lane<T> {
  items: T[];
  lastServed: number;
}

/** Per-class, per-tenant FIFO lanes with ageing and least-recently-served tenant choice. */
export class FairLanes<T extends LaneItem> {
  private readonly classes = new Map<Priority, Map<string, Lane<T>>>(
    PRIORITIES.map((p) => [p, new Map()]),
  );
  private served = 0;
  private count = 0;

  constructor(private readonly agingMs: number) {}

  /** Items queued in all lanes. */
  get size(): number {
    return this.count;
  }

  /** Items one tenant has queued in one class. */
  depthOf(priority: Priority, tenantId?: string): number {
    const lanes = this.classes.get(priority);
    if (tenantId !== undefined) return lanes?.get(tenantId)?.items.length ?? 0;
    let depth = 0;
    for (const lane of lanes?.values() ?? []) depth += lane.items.length;
    return depth;
  }

  push(item: T): void {
    const lanes = this.classes.get(item.priority);
    if (!lanes) throw new Error(`unknown priority ${item.priority}`);
    const lane = lanes.get(item.tenantId);
    if (lane) lane.items.push(item);
    else lanes.set(item.tenantId, { items: [item], lastServed: -1 });
    this.count++;
  }

  /** Removes `item` if it is still queued; returns whether it was. */
  remove(item: T): boolean {
    const lanes = this.classes.get(item.priority);
    const lane = lanes?.get(item.tenantId);
    const index = lane?.items.indexOf(item) ?? -1;
    if (!lanes || !lane || index < 0) return false;
    lane.items.splice(index, 1);
    if (lane.items.length === 0) lanes.delete(item.tenantId);
    this.count--;
    return true;
  }

  /** Takes the next item to run, or undefined when all lanes are empty. */
  take(now: number): T | undefined {
    let best: { lanes: Map<string, Lane<T>>; score: number } | undefined;
    for (const priority of PRIORITIES) {
      const lanes = this.classes.get(priority);
      if (!lanes || lanes.size === 0) continue;
      let oldest = Number.POSITIVE_INFINITY;
      for (const lane of lanes.values())
        oldest = Math.min(oldest, lane.items[0]?.enqueuedAt ?? oldest);
      // Ties go to the higher base class because PRIORITIES is ordered and only a strictly higher score wins.
      const score = RANK[priority] + Math.floor((now - oldest) / this.agingMs);
      if (!best || score > best.score) best = { lanes, score };
    }
    if (!best) return undefined;
    let pick: [string, Lane<T>] | undefined;
    // Strict "<" keeps arrival order among tenants never served.
    for (const entry of best.lanes)
      if (!pick || entry[1].lastServed < pick[1].lastServed) pick = entry;
    if (!pick) return undefined;
    const [tenantId, lane] = pick;
    const item = lane.items.shift();
    lane.lastServed = ++this.served;
    if (lane.items.length === 0) best.lanes.delete(tenantId);
    if (item) this.count--;
    return item;
  }

  /** Items that would run before a new item of `priority` (same or higher base class), for estimates. */
  *ahead(priority: Priority): Iterable<T> {
    for (const p of PRIORITIES) {
      if (RANK[p] < RANK[priority]) continue;
      for (const lane of this.classes.get(p)?.values() ?? []) yield* lane.items;
    }
  }

  /** Every queued item, for shutdown. */
  all(): T[] {
    return PRIORITIES.flatMap((p) =>
      [...(this.classes.get(p)?.values() ?? [])].flatMap((lane) => lane.items),
    );
  }
}
