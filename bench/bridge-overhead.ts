/**
 * TTFT overhead of the bridge: time to first token straight to the Ollama stand-in, versus through the
 * bridge (HTTP hop, signature check, queue, embed + Chroma retrieval, prompt, NDJSON). To separate the
 * bridge's own cost from work any RAG client must do, a second baseline performs the same embed + Chroma
 * query + chat directly with the ollama and chromadb clients. The bridge runs as its own process, as in
 * production; the caller's signing is timed separately. Target: ≤ 5 ms p95 added.
 *
 * Run: npx tsx bench/bridge-overhead.ts
 */
import { Ollama } from "ollama";
import { ChromaStore } from "../inference-bridge/src/backends/chroma";
import { buildMessages } from "../inference-bridge/src/rag/prompt";
import { startBenchChroma } from "../inference-bridge/test/support/bench-chroma";
import { startBridgeProcess } from "../inference-bridge/test/support/bridge-process";
import { PERSONA, uniqueTenant } from "../inference-bridge/test/support/harness";
import { round, summary } from "../inference-bridge/test/support/stats";
import { startStandIn, stopStandIn } from "./lib/stand-in-launcher";

const WARMUP = 100;
const RUNS = 300;
const QUESTION = "How do I keep a morning habit going?";

const chroma = await startBenchChroma();
// In its own process, as Ollama is: sharing the client's event loop would put the client's work in its way.
const standIn = await startStandIn({ latencyMs: 20, tokensPerSecond: 200, replyTokens: 4 });
const bridge = await startBridgeProcess({ CHROMA_URL: chroma.url, OLLAMA_HOST: standIn.url });
const tenant = uniqueTenant();
await bridge.post("/v1/documents", {
  tenant_id: tenant,
  document_id: "habits",
  title: "Habits",
  text: "Attach a new habit to an existing morning routine and keep it going with a two-minute version.",
});

const ollama = new Ollama({ host: standIn.url });
const store = new ChromaStore(chroma.url);

/** Time to the first chunk containing content. */
async function firstToken(
  start: number,
  stream: AsyncIterable<{ message: { content: string } }>,
): Promise<number> {
  let ttft = 0;
  for await (const part of stream)
    if (!ttft && part.message.content) ttft = performance.now() - start;
  return ttft;
}

async function directChat(): Promise<number> {
  const start = performance.now();
  return firstToken(
    start,
    await ollama.chat({
      model: "llama3.2:1b",
      messages: [{ role: "user", content: QUESTION }],
      stream: true,
    }),
  );
}

async function directRag(): Promise<number> {
  const start = performance.now();
  const { embeddings } = await ollama.embed({ model: "nomic-embed-text", input: [QUESTION] });
  const hits = await store.query(tenant, embeddings[0] ?? [], 4);
  const passages = hits.map((hit, i) => ({
    index: i + 1,
    chunkId: hit.chunk_id,
    documentId: hit.metadata.document_id,
    title: hit.metadata.title,
    text: hit.text,
    score: hit.score,
  }));
  return firstToken(
    start,
    await ollama.chat({
      model: "llama3.2:1b",
      messages: buildMessages({ persona: PERSONA, passages, history: [], question: QUESTION })
        .messages,
      stream: true,
    }),
  );
}

const signing: number[] = [];
/** The bridge's own view from its `done` event: TTFT from arrival, and retrieval time. */
const serverTtft: number[] = [];
const serverRetrieval: number[] = [];
let turn = 0;
async function throughBridge(): Promise<number> {
  turn++;
  const signStart = performance.now();
  let start = 0;
  const response = await bridge.post(
    "/v1/chat",
    {
      tenant_id: tenant,
      conversation_id: `c${turn}`,
      question: QUESTION,
      persona: PERSONA,
      retrieval: { k: 4, min_score: 0 },
    },
    () => {
      start = performance.now();
      signing.push(start - signStart);
    },
  );
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ttft = 0;
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    buffer += decoder.decode(part.value, { stream: true });
    if (!ttft && buffer.includes('"type":"delta"')) ttft = performance.now() - start;
  }
  const done = JSON.parse(buffer.trim().split("\n").at(-1) ?? "{}") as {
    timings?: { ttft_ms: number; retrieval_ms: number };
  };
  serverTtft.push(done.timings?.ttft_ms ?? Number.NaN);
  serverRetrieval.push(done.timings?.retrieval_ms ?? Number.NaN);
  return ttft;
}

// Interleave the three paths request by request (rotating their order) so bursts of load from other
// processes hit all of them alike instead of skewing one block of samples.
const paths = [directChat, directRag, throughBridge];
const samples: number[][] = [[], [], []];
for (let i = 0; i < WARMUP + RUNS; i++) {
  for (let j = 0; j < paths.length; j++) {
    const index = (i + j) % paths.length;
    const ttft = await paths[index]?.();
    if (i >= WARMUP && ttft !== undefined) samples[index]?.push(ttft);
  }
}
const [direct = [], rag = [], viaBridge = []] = samples;

const d = summary(direct);
const r = summary(rag);
const b = summary(viaBridge);
const s = summary(signing.slice(WARMUP));
const st = summary(serverTtft.slice(WARMUP));
const sr = summary(serverRetrieval.slice(WARMUP));
console.log("TTFT ms    p50     p95     p99");
console.log(`direct     ${d.p50}\t${d.p95}\t${d.p99}   (chat straight to the stand-in)`);
console.log(
  `direct+rag ${r.p50}\t${r.p95}\t${r.p99}   (embed + Chroma + chat with the clients, no bridge)`,
);
console.log(
  `bridge     ${b.p50}\t${b.p95}\t${b.p99}   (caller's signing excluded: p50 ${s.p50} ms, p95 ${s.p95} ms)`,
);
console.log(
  `inside the bridge: TTFT from arrival p50 ${st.p50} / p95 ${st.p95} ms, retrieval p50 ${sr.p50} / p95 ${sr.p95} ms`,
);
const addedVsRag = round(b.p95 - r.p95);
const addedVsDirect = round(b.p95 - d.p95);
console.log(
  `p95 added by the bridge itself: ${addedVsRag} ms (target ≤ 5); p50 added: ${round(b.p50 - r.p50)} ms; including retrieval: ${addedVsDirect} ms p95; ratio bridge/direct+rag p95 ${round(b.p95 / r.p95, 3)}`,
);

await bridge.stop();
await stopStandIn(standIn);
await chroma.stop();
console.log(
  JSON.stringify({
    bench: "bridge-overhead",
    results: {
      runs: viaBridge.length,
      direct_ttft_ms: d,
      direct_rag_ttft_ms: r,
      bridge_ttft_ms: b,
      caller_signing_ms: s,
      bridge_internal_ttft_ms: st,
      bridge_internal_retrieval_ms: sr,
      p95_added_ms: addedVsRag,
      p50_added_ms: round(b.p50 - r.p50),
      p95_added_including_retrieval_ms: addedVsDirect,
      target_p95_added_ms: 5,
      pass: addedVsRag <= 5,
    },
  }),
);
