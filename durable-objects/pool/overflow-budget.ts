// A workspace's daily overflow budget, counted in its BridgePool's storage: one counter per UTC day,
// taken and given back inside the object's single thread, so two rooms overflowing at once can never
// both take the last answer of the day.
import { budgetDay } from "../../worker/lib/overflow-routing";

const BUDGET_KEY = "overflow:budget";

type DayCount = { day: string; answers: number };

export class OverflowBudget {
  constructor(private readonly kv: SyncKvStorage) {}

  /** Answers counted on `day` (today unless named). */
  used(now: number, day: string = budgetDay(now)): number {
    const stored = this.kv.get<DayCount>(BUDGET_KEY);
    return stored?.day === day ? stored.answers : 0;
  }

  /** Takes one answer of today's budget if one is left; answers the count after, or null when spent. */
  take(now: number, budget: number): { day: string; used: number } | null {
    const day = budgetDay(now);
    const used = this.used(now, day);
    if (used >= budget) return null;
    this.kv.put(BUDGET_KEY, { day, answers: used + 1 } satisfies DayCount);
    return { day, used: used + 1 };
  }

  /** Gives back an answer taken on `day` whose attempt produced none (a refusal, a cut stream). */
  giveBack(day: string): void {
    const stored = this.kv.get<DayCount>(BUDGET_KEY);
    if (stored?.day === day && stored.answers > 0)
      this.kv.put(BUDGET_KEY, { day, answers: stored.answers - 1 } satisfies DayCount);
  }
}
