/**
 * Saturation: throughput of the bridge when more clients than model slots keep it busy, against the
 * stand-in's own capacity measured in the same run (as many direct clients as it has slots), and the
 * bridge process's peak RSS. The bridge runs as its own process (`node --import tsx src/main.ts`, as
 * `npm start` does) so its memory is measured alone. Targets: ≥ 97 % of capacity, RSS ≤ 250 MB (the budget with the word vectors and synonyms loaded).
 *
 * Run: npx tsx bench/bridge-saturation.ts
 */
import { readFileSync } from "node:fs";
import { Ollama } from "ollama";
import { startBenchChroma } from "../inference-bridge/test/support/bench-chroma";
import { startBridgeProcess } from "../inference-bridge/test/support/bridge-process";
import { PERSONA } from "../inference-bridge/test/support/harness";
import { OllamaStandIn } from "../inference-bridge/test/support/ollama-stand-in";
import { round, summary } from "../inference-bridge/test/support/stats";

const PARALLEL = 2;
const REQUESTS = 120;
const CLIENTS = 12;
const TENANTS = ["sat_a", "sat_b", "sat_c", "sat_d"];

const chroma = await startBenchChroma();
const standIn = await OllamaStandIn.start({
  parallel: PARALLEL,
  latencyMs: 100,
  tokensPerSecond: 200,
  replyTokens: 40,
});
const bridge = await startBridgeProcess({
  CHROMA_URL: chroma.url,
  OLLAMA_HOST: standIn.url,
  OLLAMA_NUM_PARALLEL: String(PARALLEL),
});
const post = bridge.post;
const pid = bridge.child.pid;

for (const tenant of TENANTS)
  await post("/v1/documents", {
    tenant_id: tenant,
    document_id: "d",
    title: "Guide",
    text: "Keep a steady pace and rest between focused work blocks.",
  });

/** Runs `total` jobs with `workers` concurrent loops; returns elapsed ms. */
async function closedLoop(
  total: number,
  workers: number,
  job: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < total; i = next++) await job(i);
    }),
  );
  return performance.now() - start;
}

const ollama = new Ollama({ host: standIn.url });
const directMs = await closedLoop(REQUESTS, PARALLEL, async () => {
  const stream = await ollama.chat({
    model: "llama3.2:1b",
    messages: [{ role: "user", content: "pace?" }],
    stream: true,
  });
  for await (const part of stream) void part;
});

let peakRssKb = 0;
const sampler = setInterval(() => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  peakRssKb = Math.max(peakRssKb, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
}, 50);
let refused = 0;
let failed = 0;
const waits: number[] = [];
const bridgeMs = await closedLoop(REQUESTS, CLIENTS, async (i) => {
  const response = await post("/v1/chat", {
    tenant_id: TENANTS[i % TENANTS.length],
    conversation_id: `c${i}`,
    question: "How do I keep a steady pace?",
    persona: PERSONA,
    retrieval: { k: 2, min_score: 0 },
  });
  if (response.status !== 200) {
    refused++;
    await response.text();
    return;
  }
  const lines = (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; timings?: { queue_wait_ms: number } });
  const done = lines.at(-1);
  if (done?.type !== "done") failed++;
  else waits.push(done.timings?.queue_wait_ms ?? 0);
});
clearInterval(sampler);
const hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);

const directRps = REQUESTS / (directMs / 1000);
const bridgeRps = (REQUESTS - refused - failed) / (bridgeMs / 1000);
const ratio = bridgeRps / directRps;
const rssMb = round(hwmKb / 1024, 1);
console.log(
  `stand-in capacity (direct, ${PARALLEL} clients): ${round(directRps)} req/s over ${REQUESTS} requests`,
);
console.log(
  `through the bridge (${CLIENTS} clients):        ${round(bridgeRps)} req/s, refused ${refused}, failed ${failed}`,
);
console.log(
  `ratio ${round(ratio * 100, 1)} % of capacity (target ≥ 97 %); bridge peak RSS ${rssMb} MB (target ≤ 250); queue wait ms ${JSON.stringify(summary(waits))}`,
);

await bridge.stop();
await standIn.close();
await chroma.stop();
console.log(
  JSON.stringify({
    bench: "bridge-saturation",
    results: {
      parallel: PARALLEL,
      requests: REQUESTS,
      clients: CLIENTS,
      service_ms: standIn.serviceMs(),
      direct_rps: round(directRps),
      bridge_rps: round(bridgeRps),
      ratio: round(ratio, 4),
      refused,
      failed,
      peak_rss_mb: rssMb,
      sampled_peak_rss_mb: round(peakRssKb / 1024, 1),
      queue_wait_ms: summary(waits),
      pass: ratio >= 0.97 && rssMb <= 250,
    },
  }),
);
