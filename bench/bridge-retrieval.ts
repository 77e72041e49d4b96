/**
 * Retrieval as the bridge does it per question, at 10k and 100k chunks of real text: the built-in
 * embedder's question vector, Chroma's nearest neighbours, the lexical index (BM25 with synonym and typo
 * expansion) and the scoring of the best chunks' pieces — `KnowledgeBase.search`. The chunks are those
 * the bridge stores for the evaluation coaches' documents (parsed and chunked for the built-in embedder,
 * as ingestion does), repeated with their own numbers so no two are identical;
 * the questions are the coaches' own. Baseline in the same run: the same questions against a 1k-chunk
 * collection. Also the bridge's resident memory at rest, started as in production (built-in mode, the
 * word vectors and synonyms loaded). Targets: p95 ≤ 50 ms at 10k, ≤ 100 ms at 100k; RSS ≤ 250 MB.
 *
 * Run: npx tsx bench/bridge-retrieval.ts   (BENCH_RETRIEVAL_100K=1 adds the 100k size)
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BuiltinEmbedder } from "../inference-bridge/src/backends/builtin-embedder";
import { ChromaStore } from "../inference-bridge/src/backends/chroma";
import { chunkRecord, embeddingText } from "../inference-bridge/src/ingest/chunk-record";
import { parseDocument } from "../inference-bridge/src/ingest/parse-document";
import { chunkBlocks, type SectionChunk } from "../inference-bridge/src/ingest/section-chunker";
import { Logger } from "../inference-bridge/src/logger";
import { KnowledgeBase } from "../inference-bridge/src/retrieval/knowledge-base";
import { Reindexer } from "../inference-bridge/src/retrieval/reindex";
import { loadLanguageResources } from "../inference-bridge/src/text/language-resources";
import { startBenchChroma } from "../inference-bridge/test/support/bench-chroma";
import { freePort } from "../inference-bridge/test/support/free-port";
import { TEST_LANGUAGE_DIR } from "../inference-bridge/test/support/language-dir";
import { round, summary } from "../inference-bridge/test/support/stats";
import { loadCoaches } from "../eval/coaches";

const BATCH = 500;
const ROOT = join(import.meta.dirname, "..");

const language = await loadLanguageResources(TEST_LANGUAGE_DIR);
const embedder = new BuiltinEmbedder(language.vectors);
const chroma = await startBenchChroma();
const store = new ChromaStore(chroma.url);
const knowledge = new KnowledgeBase({
  store,
  embedder,
  language,
  reindexer: new Reindexer(store, embedder.identity, async () => [], new Logger("error")),
});

const coaches = loadCoaches();
const { chunkTokens, overlapTokens, countTokens } = embedder.chunking;
const stored: SectionChunk[] = [];
for (const doc of coaches.flatMap((coach) => coach.documents)) {
  const { blocks } = await parseDocument(doc.kind, doc.bytes);
  stored.push(...chunkBlocks(blocks, { chunkTokens, overlapTokens, countTokens }));
}
const questions = coaches.flatMap((coach) =>
  [...coach.answerable, ...coach.offTopic].map((q) => q.question),
);

/** Chunk n: a stored chunk of the coaches, with its own numbers so every chunk differs. */
function chunkAt(n: number): SectionChunk {
  const chunk = stored[(n * 7) % stored.length] ?? { text: "", section: "", page: null };
  return { ...chunk, text: chunk.text.replace(/\d+/g, (d) => String((Number(d) + n) % 1000)) };
}

async function fill(tenant: string, chunks: number): Promise<number> {
  const start = performance.now();
  for (let doc = 0; doc * BATCH < chunks; doc++) {
    const batch = Array.from({ length: Math.min(BATCH, chunks - doc * BATCH) }, (_, i) =>
      chunkAt(doc * BATCH + i),
    );
    const embeddings = await embedder.embed(batch.map((chunk) => embeddingText(chunk, false)));
    const records = batch.map((chunk, i) =>
      chunkRecord(chunk, i, embeddings[i] ?? [], {
        documentId: `doc${doc}`,
        title: `Doc ${doc}`,
        curated: false,
      }),
    );
    await knowledge.replaceDocument(tenant, `doc${doc}`, records);
  }
  return performance.now() - start;
}

async function latencies(tenant: string): Promise<number[]> {
  // The first search loads the tenant's lexical index from Chroma; it is not what a question costs.
  for (const question of questions.slice(0, 10)) await knowledge.search(tenant, question);
  const samples: number[] = [];
  for (const question of questions) {
    const start = performance.now();
    await knowledge.search(tenant, question);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The bridge's RSS at rest: started in built-in mode, idle for five seconds after its health answers. */
async function restingRss(): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(ROOT, "inference-bridge"),
    env: {
      ...process.env,
      BRIDGE_SECRET: "bench-secret-0123456789-abcdefghijklmnop",
      BRIDGE_PORT: String(port),
      BRIDGE_BACKEND: "builtin",
      CHROMA_URL: chroma.url,
      BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
      BRIDGE_LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  try {
    for (
      let i = 0;
      i < 600 &&
      !(await fetch(`http://127.0.0.1:${port}/health`).then(
        () => true,
        () => false,
      ));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } finally {
    child.kill("SIGTERM");
  }
}

const results: Record<string, unknown> = {};
const baselineInsert = await fill("bench_1k", 1000);
const baseline = summary(await latencies("bench_1k"));
console.log(
  `1k chunks:   insert ${round(baselineInsert / 1000, 1)} s, search ms ${JSON.stringify(baseline)} (${questions.length} questions)`,
);
results.chunks_1k = { insert_s: round(baselineInsert / 1000, 1), query_ms: baseline };

const insert10k = await fill("bench_10k", 10_000);
const q10k = summary(await latencies("bench_10k"));
console.log(
  `10k chunks:  insert ${round(insert10k / 1000, 1)} s, search ms ${JSON.stringify(q10k)}, p95 ratio vs 1k ${round(q10k.p95 / baseline.p95, 2)} (target p95 ≤ 50)`,
);
results.chunks_10k = {
  insert_s: round(insert10k / 1000, 1),
  query_ms: q10k,
  p95_ratio_vs_1k: round(q10k.p95 / baseline.p95, 2),
  pass: q10k.p95 <= 50,
};

if (process.env.BENCH_RETRIEVAL_100K === "1") {
  const insert100k = await fill("bench_100k", 100_000);
  const q100k = summary(await latencies("bench_100k"));
  console.log(
    `100k chunks: insert ${round(insert100k / 1000, 1)} s, search ms ${JSON.stringify(q100k)} (target p95 ≤ 100)`,
  );
  results.chunks_100k = {
    insert_s: round(insert100k / 1000, 1),
    query_ms: q100k,
    pass: q100k.p95 <= 100,
  };
} else {
  results.chunks_100k = { skipped: true };
}

const rss = round(await restingRss(), 1);
console.log(
  `bridge RSS at rest, built-in mode with word vectors and synonyms loaded: ${rss} MB (target ≤ 250)`,
);
results.rss_at_rest_mb = rss;

await chroma.stop();
console.log(JSON.stringify({ bench: "bridge-retrieval", results }));
