/**
 * Fairness: tenant A floods 200 chats at once; tenant B, a normal user, sends 10 chats one after another
 * while A's backlog is queued. Reports B's queue wait against the service time of one answer measured
 * in the same run (uncontended). Target: B's p95 wait ≤ 2 service times.
 *
 * Run: npx tsx bench/bridge-fairness.ts
 */
import { startBenchChroma } from "../inference-bridge/test/support/bench-chroma";
import {
  PERSONA,
  readNdjson,
  startHarness,
  uniqueTenant,
  type Harness,
} from "../inference-bridge/test/support/harness";
import { round, summary } from "../inference-bridge/test/support/stats";

const FLOOD = 200;
const B_REQUESTS = 10;

const chroma = await startBenchChroma();
const harness: Harness = await startHarness({
  chromaUrl: chroma.url,
  backend: "ollama",
  standIn: { parallel: 1, latencyMs: 20, tokensPerSecond: 500, replyTokens: 10 },
  env: {
    OLLAMA_NUM_PARALLEL: "1",
    BRIDGE_QUEUE_TENANT_MAX_DEPTH: "256",
    BRIDGE_QUEUE_MAX_WAIT_MS: "120000",
  },
  logLevel: "warn",
});
const tenantA = uniqueTenant();
const tenantB = uniqueTenant();
for (const tenant of [tenantA, tenantB]) {
  await harness.fetch("POST", "/v1/documents", {
    tenant_id: tenant,
    document_id: "d",
    title: "Guide",
    text: "Plan the week on Sunday and review it on Friday.",
  });
}

let turn = 0;
/** Sends one chat and returns the server-side queue wait and the total time. */
async function chat(tenant: string): Promise<{ waitMs: number; totalMs: number; status: number }> {
  turn++;
  const response = await harness.fetch("POST", "/v1/chat", {
    tenant_id: tenant,
    conversation_id: `c${turn}`,
    question: "How should I plan my week?",
    persona: PERSONA,
    retrieval: { k: 2, min_score: 0 },
    deadline_ms: 120_000,
  });
  if (response.status !== 200)
    return { waitMs: Number.NaN, totalMs: Number.NaN, status: response.status };
  const done = (await readNdjson(response)).at(-1) as {
    timings?: { queue_wait_ms: number; total_ms: number };
  };
  return {
    waitMs: done.timings?.queue_wait_ms ?? Number.NaN,
    totalMs: done.timings?.total_ms ?? Number.NaN,
    status: 200,
  };
}

// Baseline in the same run: the service time of an uncontended answer.
const solo: number[] = [];
for (let i = 0; i < 20; i++) solo.push((await chat(tenantB)).totalMs);
const serviceMs = summary(solo).p50;

const flood = Array.from({ length: FLOOD }, () => chat(tenantA));
await new Promise((resolve) => setTimeout(resolve, 200));
const bResults: Array<{ waitMs: number; status: number }> = [];
for (let i = 0; i < B_REQUESTS; i++) {
  bResults.push(await chat(tenantB));
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const aResults = await Promise.all(flood);

const bWaits = bResults.filter((r) => r.status === 200).map((r) => r.waitMs);
const aWaits = aResults.filter((r) => r.status === 200).map((r) => r.waitMs);
const b = summary(bWaits);
const a = summary(aWaits);
const ratio = round(b.p95 / serviceMs, 2);
console.log(`service time (uncontended, p50): ${serviceMs} ms`);
console.log(`tenant A (flood of ${FLOOD}): served ${aWaits.length}, wait ms ${JSON.stringify(a)}`);
console.log(
  `tenant B (${B_REQUESTS} sequential): served ${bWaits.length}, wait ms ${JSON.stringify(b)}`,
);
console.log(
  `B p95 wait = ${ratio} service times (target ≤ 2); A p95 wait = ${round(a.p95 / serviceMs, 1)} service times`,
);

await harness.close();
await chroma.stop();
console.log(
  JSON.stringify({
    bench: "bridge-fairness",
    results: {
      service_ms: serviceMs,
      tenant_a: { sent: FLOOD, served: aWaits.length, wait_ms: a },
      tenant_b: { sent: B_REQUESTS, served: bWaits.length, wait_ms: b },
      b_p95_in_service_times: ratio,
      pass: bWaits.length === B_REQUESTS && ratio <= 2,
    },
  }),
);
