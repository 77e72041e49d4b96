// The capacity benchmark with the overflow on (issue 21): one paced bridge and a paced Workers AI
// stand-in (each its own process), a quiet phase and then a flood at a multiple of the bridge's
// measured capacity. Every attempt at a turn is decided as the room and the BridgePool decide it:
// `poolVerdict` (worker/lib/overflow-routing.ts) says whether the turn overflows, the pool's own
// `OverflowBudget` (durable-objects/pool/overflow-budget.ts) takes an answer of the day's budget or
// refuses, the edge's Workers AI client (worker/lib/workers-ai-client.ts, over its REST API) streams
// the answer, and an attempt that produced none gives its answer back; a bridge that refuses or fails a turn hands it to
// the overflow at once while the budget has room, as durable-objects/room/bridge-choice.ts does.
import { setMaxListeners } from "node:events";
import type { ChatRequestInput } from "@coach/contracts/bridge";
import { OverflowBudget } from "../../durable-objects/pool/overflow-budget";
import { nextAttemptDelay } from "../../durable-objects/room/outbox";
import { PERSONA } from "../../inference-bridge/test/support/harness";
import { round, summary } from "../../inference-bridge/test/support/stats";
import { BridgeRouter } from "../../worker/lib/bridge-routing";
import { poolVerdict } from "../../worker/lib/overflow-routing";
import {
  streamWorkersAi,
  workersAiFor,
  type WorkersAiEnv,
} from "../../worker/lib/workers-ai-client";
import { attemptOnBridge } from "./paced-chat";
import { startPacedBridge, startPacedWorkersAi, stopPacedBridge } from "./paced-bridge";
import type { PacedBridgeSettings } from "./paced-bridge-process";

export type OverflowRunOptions = {
  bridge: PacedBridgeSettings;
  /** One bridge's measured answers per model-minute: the unit of both phases' load. */
  capacityPerMinute: number;
  idleLoad: number;
  floodLoad: number;
  questionsPerUser: number;
  thinkSeconds: number;
  warmupMinutes: number;
  /** The quiet phase is offered few questions, so it is measured longer to have enough for a p95. */
  quietWindowMinutes: number;
  floodWindowMinutes: number;
  /** The workspace's overflow settings: its wait limit and its daily answer budget. */
  maxWaitMs: number;
  dailyBudget: number;
  ai: { ttftMs: number; tokensPerSecond: number; requestsPerMinute: number };
};

export type PhaseResult = {
  load: number;
  offered_per_min: number;
  ttft_s: ReturnType<typeof summary>;
  answered_by_bridge: number;
  answered_by_overflow: number;
  bridge_refusals: number;
};

export type OverflowResult = {
  idle: PhaseResult;
  flood: PhaseResult;
  /** Flood p95 TTFT ÷ idle p95 TTFT (target ≤ 2). */
  flood_p95_ratio: number;
  budget: {
    set: number;
    used: number;
    answers_served_by_workers_ai: number;
    /** Answers past the budget, counted by the pool or served by Workers AI (must be 0). */
    over_budget: number;
  };
  workers_ai_refusals: { rate_limit: number; invalid: number };
};

const MODEL = "@cf/meta/llama-3.2-1b-instruct";
const BRIDGE_ID = "bridge-1";
/** Budget days count from here (model time is added), so a run falls inside one UTC day. */
const DAY_START = Date.UTC(2026, 0, 15);

/** The budget keeps one key with `get` and `put`; a Map holds it here as the pool's storage does there. */
function memoryKv(): SyncKvStorage {
  const map = new Map<string, unknown>();
  const kv = {
    get: (key: string) => map.get(key),
    put: (key: string, value: unknown) => void map.set(key, value),
    delete: (key: string) => map.delete(key),
  };
  return kv as unknown as SyncKvStorage;
}

export async function runOverflow(o: OverflowRunOptions): Promise<OverflowResult> {
  const timeScale = o.bridge.timeScale;
  const bridge = await startPacedBridge(o.bridge);
  const token = "bench-workers-ai-token";
  const ai = await startPacedWorkersAi({
    accountId: "bench-account",
    token,
    model: MODEL,
    ttftMs: o.ai.ttftMs,
    tokensPerSecond: o.ai.tokensPerSecond,
    answerTokens: o.bridge.answerTokens,
    requestsPerMinute: o.ai.requestsPerMinute,
    timeScale,
  });
  const env: WorkersAiEnv = {
    WORKERS_AI_URL: `${ai.url}/client/v4`,
    WORKERS_AI_ACCOUNT_ID: "bench-account",
    WORKERS_AI_TOKEN: token,
  };
  const router = new BridgeRouter();
  router.sync([BRIDGE_ID]);
  const budget = new OverflowBudget(memoryKv());
  const start = performance.now();
  const now = (): number => (performance.now() - start) * timeScale;
  const sleep = (modelMs: number) =>
    new Promise((resolve) => setTimeout(resolve, modelMs / timeScale));
  let turn = 0;
  let userCount = 0;

  async function phase(load: number, windowMinutes: number): Promise<PhaseResult> {
    const stop = new AbortController();
    setMaxListeners(0, stop.signal);
    const windowStart = now() + o.warmupMinutes * 60_000;
    const windowEnd = windowStart + windowMinutes * 60_000;
    const ttfts: number[] = [];
    const by = { bridge: 0, overflow: 0 };
    let refusals = 0;

    /** An overflow attempt; true when Workers AI answered. Never cut at the phase's end. */
    async function onWorkersAi(onFirst: () => void): Promise<boolean> {
      const signal = AbortSignal.timeout(30_000);
      const route = workersAiFor(env, signal);
      if (!route) throw new Error("Workers AI is not configured");
      try {
        for await (const piece of streamWorkersAi(route.ai, {
          model: MODEL,
          messages: [
            { role: "system", content: `You are ${PERSONA.name}. ${PERSONA.voice}` },
            { role: "user", content: "How do I keep a morning routine when I travel?" },
          ],
          maxTokens: 512,
          signal,
        }))
          if (piece) onFirst();
        return true;
      } catch {
        return false;
      }
    }

    async function ask(user: { id: number; last: string | null }): Promise<void> {
      const askedAt = now();
      let firstToken: number | null = null;
      const first = () => void (firstToken ??= now());
      let exclude: string[] = [];
      let waits = 0;
      const body: ChatRequestInput = {
        tenant_id: "capacity_bench",
        conversation_id: `user-${user.id}`,
        question: "How do I keep a morning routine when I travel?",
        persona: PERSONA,
        turn_id: `turn-${++turn}`,
      };
      const record = (who: keyof typeof by) => {
        const answered = now();
        if (answered < windowStart || answered >= windowEnd) return;
        by[who]++;
        ttfts.push(((firstToken ?? answered) - askedAt) / 1000);
      };
      while (!stop.signal.aborted) {
        const verdict = poolVerdict(router, now(), o.maxWaitMs, exclude);
        const taken = verdict.reason ? budget.take(DAY_START + now(), o.dailyBudget) : null;
        if (taken) {
          if (await onWorkersAi(first)) return record("overflow");
          budget.giveBack(taken.day);
          firstToken = null;
          await sleep(nextAttemptDelay(++waits, undefined));
          continue;
        }
        const choice = router.choose(now(), { preferred: user.last, exclude });
        if (!choice) throw new Error("the pool is empty");
        const attempt = await attemptOnBridge(bridge.url, body, stop.signal, first);
        if (stop.signal.aborted) {
          router.settle(choice.bridgeId, choice.leaseId, { kind: "released" }, now());
          return;
        }
        if (attempt.kind === "done") {
          const { timings, load: reported } = attempt.event;
          router.settle(
            choice.bridgeId,
            choice.leaseId,
            {
              kind: "answered",
              serviceMs: timings.total_ms - timings.queue_wait_ms,
              ...(reported ? { load: reported } : {}),
            },
            now(),
          );
          user.last = choice.bridgeId;
          return record("bridge");
        }
        if (attempt.kind === "busy") refusals++;
        const outcome =
          attempt.kind === "busy"
            ? { kind: "busy" as const, retryAfterMs: attempt.retryAfterMs }
            : { kind: "failed" as const };
        const another = router.settle(choice.bridgeId, choice.leaseId, outcome, now());
        exclude = [...new Set([...exclude, choice.bridgeId])];
        firstToken = null;
        // Another bridge, or the overflow while the budget has room, takes the turn at once.
        if (another || budget.used(DAY_START + now()) < o.dailyBudget) continue;
        await sleep(
          nextAttemptDelay(++waits, attempt.kind === "busy" ? attempt.retryAfterMs : undefined),
        );
      }
    }

    const usersPerMinute = (load * o.capacityPerMinute) / o.questionsPerUser;
    const users: Promise<void>[] = [];
    let offered = 0;
    while (now() < windowEnd) {
      await sleep(-Math.log(1 - Math.random()) * (60_000 / usersPerMinute));
      const user = { id: ++userCount, last: null };
      users.push(
        (async () => {
          for (let q = 0; q < o.questionsPerUser && now() < windowEnd; q++) {
            if (now() >= windowStart) offered++;
            await ask(user);
            await sleep(-Math.log(1 - Math.random()) * o.thinkSeconds * 1000);
          }
        })(),
      );
    }
    stop.abort();
    await Promise.all(users);
    return {
      load,
      offered_per_min: round(offered / windowMinutes, 1),
      ttft_s: summary(ttfts),
      answered_by_bridge: by.bridge,
      answered_by_overflow: by.overflow,
      bridge_refusals: refusals,
    };
  }

  try {
    const idle = await phase(o.idleLoad, o.quietWindowMinutes);
    const flood = await phase(o.floodLoad, o.floodWindowMinutes);
    const served = (await (await fetch(`${ai.url}/__stand-in/stats`)).json()) as {
      answers: number;
      refused_rate_limit: number;
      refused_invalid: number;
    };
    const used = budget.used(DAY_START + now());
    return {
      idle,
      flood,
      flood_p95_ratio: round(flood.ttft_s.p95 / idle.ttft_s.p95, 3),
      budget: {
        set: o.dailyBudget,
        used,
        answers_served_by_workers_ai: served.answers,
        over_budget: Math.max(0, Math.max(used, served.answers) - o.dailyBudget),
      },
      workers_ai_refusals: {
        rate_limit: served.refused_rate_limit,
        invalid: served.refused_invalid,
      },
    };
  } finally {
    await Promise.all([stopPacedBridge(bridge), stopPacedBridge(ai)]);
  }
}
