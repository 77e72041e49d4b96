// The CoachingAgent with a clock tests can pin, bound in place of the production class only by the
// test configuration (vitest.config.ts names test/support/test-worker.ts as the Worker's entry). The
// pinned time is kept in the agent's own SQLite, so it survives an eviction like the agent's state.
import { CoachingAgent } from "../../durable-objects/coaching-agent";

export class TestCoachingAgent extends CoachingAgent {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS test_clock (slot INTEGER PRIMARY KEY CHECK (slot = 1), at INTEGER NOT NULL)",
    );
  }

  protected override now(): number {
    const pinned = this.ctx.storage.sql
      .exec<{ at: number }>("SELECT at FROM test_clock WHERE slot = 1")
      .toArray()[0];
    return pinned?.at ?? Date.now();
  }

  /** Pins the agent's clock at `at` (null: the real clock again), and sets its alarm by that clock. */
  async setTestClock(at: number | null): Promise<void> {
    if (at === null) this.ctx.storage.sql.exec("DELETE FROM test_clock");
    else
      this.ctx.storage.sql.exec(
        "INSERT INTO test_clock (slot, at) VALUES (1, ?) ON CONFLICT(slot) DO UPDATE SET at = excluded.at",
        at,
      );
    await this.scheduleAlarm();
  }
}
