/**
 * Capacity of a pool of bridges (issue 21): 1, 2, 4 and 8 stand-in bridges, each its own process,
 * paced like llama3.2:1b on a small CPU (bench/lib/paced-bridge-process.ts), under an open-loop
 * arrival of users who ask a few questions each with think times between them. Every turn is routed
 * by the edge's own routing module (worker/lib/bridge-routing.ts, the BridgePool's arithmetic) with
 * its production settings; a refused turn goes to another bridge at once when the router offers one,
 * and otherwise waits as the room's outbox makes it wait (its backoff, never before Retry-After). Each pool size is offered the same load per bridge,
 * a little above one bridge's capacity, so throughput measures how well routing keeps every bridge
 * busy. Prints answered per minute, time to first token p50/p95 and refusals per size, and the scaling
 * ratio throughput(N) / (N × throughput(1)). Targets: ≥ 0.85 at 4 bridges, ≥ 0.8 at 8.
 *
 * Then with the overflow on (bench/lib/capacity-overflow.ts): one bridge and a paced Workers AI
 * stand-in, a quiet phase and a flood at 3× the one bridge's measured capacity, turns overflowing as
 * the pool's verdict and daily budget say. Prints TTFT p50/p95 quiet vs flood, answers by the bridge
 * vs Workers AI, and the budget used vs set; exits non-zero if the budget was ever exceeded. Target:
 * flood p95 TTFT ≤ 2× the quiet one.
 *
 * All figures are in model time: the stand-ins' clocks run CAPACITY_TIME_SCALE times faster than real
 * time, so one run covers many model-minutes in a few real ones.
 *
 * Run: npx tsx bench/capacity.ts   (settings: CAPACITY_* variables, see SETTINGS below)
 */
import { setMaxListeners } from "node:events";
import type { ChatRequestInput } from "@coach/contracts/bridge";
import { nextAttemptDelay } from "../durable-objects/room/outbox";
import { PERSONA } from "../inference-bridge/test/support/harness";
import { round, summary } from "../inference-bridge/test/support/stats";
import { BridgeRouter, ROUTING_DEFAULTS } from "../worker/lib/bridge-routing";
import { runOverflow } from "./lib/capacity-overflow";
import { OVERFLOW, SETTINGS } from "./lib/capacity-settings";
import { attemptOnBridge } from "./lib/paced-chat";
import { startPacedBridge, stopPacedBridge, type PacedBridge } from "./lib/paced-bridge";

const SIZES = (process.env.CAPACITY_SIZES ?? "1,2,4,8").split(",").map(Number);
const TENANT = "capacity_bench";

const serviceSeconds =
  SETTINGS.promptTokens / SETTINGS.promptTokensPerSecond +
  SETTINGS.answerTokens / SETTINGS.generationTokensPerSecond;
const capacityPerMinute = 60 / serviceSeconds;

type RunResult = {
  bridges: number;
  offered_per_min: number;
  answered_per_min: number;
  /** Answered ÷ the bridges' nominal capacity (one answer per service time each). */
  utilisation: number;
  ttft_s: ReturnType<typeof summary>;
  refusals: number;
  failovers: number;
};

/** One pool size: its own processes, its own router, its own clock. */
async function run(size: number): Promise<RunResult> {
  const bridges: PacedBridge[] = await Promise.all(
    Array.from({ length: size }, () =>
      startPacedBridge({
        promptTokens: SETTINGS.promptTokens,
        answerTokens: SETTINGS.answerTokens,
        promptTokensPerSecond: SETTINGS.promptTokensPerSecond,
        generationTokensPerSecond: SETTINGS.generationTokensPerSecond,
        timeScale: SETTINGS.timeScale,
        maxWaitMs: SETTINGS.maxWaitMs,
      }),
    ),
  );
  const urls = new Map(bridges.map((b, i) => [`bridge-${i + 1}`, b.url]));
  const router = new BridgeRouter();
  router.sync([...urls.keys()]);
  const start = performance.now();
  /** Model time since the run began, in ms. */
  const now = (): number => (performance.now() - start) * SETTINGS.timeScale;
  const sleep = (modelMs: number) =>
    new Promise((resolve) => setTimeout(resolve, modelMs / SETTINGS.timeScale));
  const stop = new AbortController();
  // Every request of the run listens to it.
  setMaxListeners(0, stop.signal);
  const windowStart = SETTINGS.warmupMinutes * 60_000;
  const windowEnd = windowStart + SETTINGS.windowMinutes * 60_000;
  const answeredAt: number[] = [];
  const ttfts: number[] = [];
  let refusals = 0;
  let failovers = 0;
  let turn = 0;

  /** One question, until answered (or the run ends): routed, refused and retried as the edge does. */
  async function ask(user: { id: number; last: string | null }): Promise<void> {
    const askedAt = now();
    let firstToken: number | null = null;
    let exclude: string[] = [];
    let waits = 0;
    const body: ChatRequestInput = {
      tenant_id: TENANT,
      conversation_id: `user-${user.id}`,
      question: "How do I keep a morning routine when I travel?",
      persona: PERSONA,
      turn_id: `turn-${++turn}`,
    };
    while (!stop.signal.aborted) {
      const choice = router.choose(now(), { preferred: user.last, exclude });
      const url = choice && urls.get(choice.bridgeId);
      if (!choice || !url) throw new Error("the pool is empty");
      const attempt = await attemptOnBridge(url, body, stop.signal, () => (firstToken ??= now()));
      if (stop.signal.aborted) return;
      if (attempt.kind === "busy") {
        refusals++;
        const another = router.settle(
          choice.bridgeId,
          choice.leaseId,
          { kind: "busy", retryAfterMs: attempt.retryAfterMs },
          now(),
        );
        if (another) {
          failovers++;
          exclude = [...exclude, choice.bridgeId];
          continue;
        }
        exclude = [];
        await sleep(nextAttemptDelay(++waits, attempt.retryAfterMs));
        continue;
      }
      if (attempt.kind === "done") {
        const answered = now();
        const { timings, load } = attempt.event;
        router.settle(
          choice.bridgeId,
          choice.leaseId,
          {
            kind: "answered",
            serviceMs: timings.total_ms - timings.queue_wait_ms,
            ...(load ? { load } : {}),
          },
          answered,
        );
        user.last = choice.bridgeId;
        if (answered >= windowStart && answered < windowEnd) {
          answeredAt.push(answered);
          ttfts.push(((firstToken ?? answered) - askedAt) / 1000);
        }
        return;
      }
      // Unreachable or broke off: straight to another bridge when there is one, as the room fails over.
      if (!router.settle(choice.bridgeId, choice.leaseId, { kind: "failed" }, now()))
        await sleep(nextAttemptDelay(++waits, undefined));
    }
  }

  /** Users arrive open-loop (Poisson); each asks a few questions with think times in between. */
  const usersPerMinute = (SETTINGS.load * size * capacityPerMinute) / SETTINGS.questionsPerUser;
  const users: Promise<void>[] = [];
  let offered = 0;
  for (let id = 1; now() < windowEnd; id++) {
    await sleep(-Math.log(1 - Math.random()) * (60_000 / usersPerMinute));
    const user = { id, last: null };
    users.push(
      (async () => {
        for (let q = 0; q < SETTINGS.questionsPerUser && now() < windowEnd; q++) {
          if (now() >= windowStart) offered++;
          await ask(user);
          await sleep(-Math.log(1 - Math.random()) * SETTINGS.thinkSeconds * 1000);
        }
      })().catch((err: unknown) => {
        if (!stop.signal.aborted) throw err;
      }),
    );
  }
  stop.abort();
  await Promise.all(users);
  await Promise.all(bridges.map(stopPacedBridge));
  return {
    bridges: size,
    offered_per_min: round(offered / SETTINGS.windowMinutes, 1),
    answered_per_min: round(answeredAt.length / SETTINGS.windowMinutes, 2),
    utilisation: round(answeredAt.length / SETTINGS.windowMinutes / (size * capacityPerMinute), 3),
    ttft_s: summary(ttfts),
    refusals,
    failovers,
  };
}

console.log(
  `paced like llama3.2:1b on a small CPU: prompt ${SETTINGS.promptTokens} tokens at ${SETTINGS.promptTokensPerSecond} tokens/s, ` +
    `answer ${SETTINGS.answerTokens} tokens at ${SETTINGS.generationTokensPerSecond} tokens/s ` +
    `(${round(serviceSeconds, 1)} s per answer, ${round(capacityPerMinute, 2)} answers/min per bridge, one at a time)`,
);
console.log(
  `offered load ${SETTINGS.load}× capacity per bridge; ${SETTINGS.questionsPerUser} questions per user, think time ${SETTINGS.thinkSeconds} s (mean); ` +
    `window ${SETTINGS.windowMinutes} model-minutes after ${SETTINGS.warmupMinutes} of warm-up; clocks ${SETTINGS.timeScale}× real time`,
);
const results: RunResult[] = [];
for (const size of SIZES) {
  const result = await run(size);
  results.push(result);
  console.log(
    `${size} bridge(s): offered ${result.offered_per_min}/min, answered ${result.answered_per_min}/min ` +
      `(${round(result.utilisation * 100, 1)} % of nominal capacity), ` +
      `TTFT p50 ${result.ttft_s.p50} s p95 ${result.ttft_s.p95} s, refusals ${result.refusals} (failed over at once ${result.failovers})`,
  );
}
const one = results[0]?.answered_per_min ?? Number.NaN;
const ratios = Object.fromEntries(
  results.map((r) => [
    `scaling_ratio_${r.bridges}`,
    round(r.answered_per_min / (r.bridges * one), 3),
  ]),
);
console.log(
  `scaling ratio throughput(N) / (N × throughput(1)): ${results
    .map((r) => `${r.bridges}: ${ratios[`scaling_ratio_${r.bridges}`]}`)
    .join(", ")} (targets: ≥ 0.85 at 4, ≥ 0.8 at 8)`,
);
const overflow = await runOverflow({
  bridge: {
    promptTokens: SETTINGS.promptTokens,
    answerTokens: SETTINGS.answerTokens,
    promptTokensPerSecond: SETTINGS.promptTokensPerSecond,
    generationTokensPerSecond: SETTINGS.generationTokensPerSecond,
    timeScale: SETTINGS.timeScale,
    maxWaitMs: SETTINGS.maxWaitMs,
  },
  capacityPerMinute: one,
  questionsPerUser: SETTINGS.questionsPerUser,
  thinkSeconds: SETTINGS.thinkSeconds,
  ...OVERFLOW,
});
for (const [name, phase] of [
  ["quiet", overflow.idle],
  ["flood", overflow.flood],
] as const)
  console.log(
    `overflow on, ${name} at ${phase.load}× one bridge's measured ${one}/min: offered ${phase.offered_per_min}/min, ` +
      `TTFT p50 ${phase.ttft_s.p50} s p95 ${phase.ttft_s.p95} s, answered by the bridge ${phase.answered_by_bridge}, ` +
      `by Workers AI ${phase.answered_by_overflow}, bridge refusals ${phase.bridge_refusals}`,
  );
console.log(
  `overflow: flood p95 ÷ quiet p95 ${overflow.flood_p95_ratio} (target ≤ 2); budget used ${overflow.budget.used} of ${overflow.budget.set} ` +
    `(Workers AI stand-in served ${overflow.budget.answers_served_by_workers_ai}; wait limit ${OVERFLOW.maxWaitMs} ms)`,
);
console.log(
  JSON.stringify({
    bench: "capacity",
    results: {
      settings: { ...SETTINGS, service_s: round(serviceSeconds, 2), routing: ROUTING_DEFAULTS },
      capacity_per_bridge_per_min: round(capacityPerMinute, 2),
      runs: results,
      ...ratios,
      overflow: { settings: OVERFLOW, ...overflow },
      pass:
        (ratios.scaling_ratio_4 ?? 0) >= 0.85 &&
        (ratios.scaling_ratio_8 ?? 0) >= 0.8 &&
        overflow.flood_p95_ratio <= 2 &&
        overflow.budget.over_budget === 0,
    },
  }),
);
if (overflow.budget.over_budget > 0) {
  console.error(
    `The overflow budget was exceeded: ${overflow.budget.used} counted, ${overflow.budget.answers_served_by_workers_ai} served, ${overflow.budget.set} set.`,
  );
  process.exit(1);
}
