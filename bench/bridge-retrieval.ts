/**
 * Retrieval latency in a real Chroma server at 10k and (when inserting it is quick enough) 100k chunks of
 * 768-d vectors, through `ChromaStore.query` — the exact call the bridge makes per question. Vectors are
 * random unit vectors, a harder case for HNSW than real embeddings. Baseline in the same run: the same
 * queries against a 1k-chunk collection. Targets: p95 ≤ 50 ms at 10k, ≤ 100 ms at 100k.
 *
 * Run: npx tsx bench/bridge-retrieval.ts
 */
import { ChromaStore, type ChunkRecord } from "../inference-bridge/src/backends/chroma";
import { startBenchChroma } from "../inference-bridge/test/support/bench-chroma";
import { round, summary } from "../inference-bridge/test/support/stats";

const DIMENSIONS = 768;
const BATCH = 1000;
const QUERIES = 300;
const K = 5;
/** Skip the 100k size if inserting 10k took longer than this (the bigger run would take ~10x). */
const MAX_10K_INSERT_MS = 40_000;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);

function unitVector(): number[] {
  const vector = Array.from({ length: DIMENSIONS }, () => random() * 2 - 1);
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return vector.map((value) => value / norm);
}

const chroma = await startBenchChroma();
const store = new ChromaStore(chroma.url);

async function fill(tenant: string, chunks: number): Promise<number> {
  const start = performance.now();
  for (let doc = 0; doc * BATCH < chunks; doc++) {
    const records: ChunkRecord[] = Array.from({ length: Math.min(BATCH, chunks - doc * BATCH) }, (_, i) => ({
      text: `chunk ${doc}-${i}`,
      embedding: unitVector(),
      metadata: { document_id: `doc${doc}`, title: `Doc ${doc}`, chunk_index: i },
    }));
    await store.replaceDocument(tenant, `doc${doc}`, records);
  }
  return performance.now() - start;
}

async function queryLatencies(tenant: string): Promise<number[]> {
  for (let i = 0; i < 20; i++) await store.query(tenant, unitVector(), K);
  const samples: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const vector = unitVector();
    const start = performance.now();
    await store.query(tenant, vector, K);
    samples.push(performance.now() - start);
  }
  return samples;
}

const results: Record<string, unknown> = {};
const baselineInsert = await fill("bench_1k", 1000);
const baseline = summary(await queryLatencies("bench_1k"));
console.log(`1k chunks:   insert ${round(baselineInsert / 1000, 1)} s, query ms ${JSON.stringify(baseline)}`);
results.chunks_1k = { insert_s: round(baselineInsert / 1000, 1), query_ms: baseline };

const insert10k = await fill("bench_10k", 10_000);
const q10k = summary(await queryLatencies("bench_10k"));
console.log(`10k chunks:  insert ${round(insert10k / 1000, 1)} s, query ms ${JSON.stringify(q10k)}, p95 ratio vs 1k ${round(q10k.p95 / baseline.p95, 2)} (target p95 ≤ 50)`);
results.chunks_10k = { insert_s: round(insert10k / 1000, 1), query_ms: q10k, p95_ratio_vs_1k: round(q10k.p95 / baseline.p95, 2), pass: q10k.p95 <= 50 };

if (insert10k <= MAX_10K_INSERT_MS) {
  const insert100k = await fill("bench_100k", 100_000);
  const q100k = summary(await queryLatencies("bench_100k"));
  console.log(`100k chunks: insert ${round(insert100k / 1000, 1)} s, query ms ${JSON.stringify(q100k)}, p95 ratio vs 1k ${round(q100k.p95 / baseline.p95, 2)} (target p95 ≤ 100)`);
  results.chunks_100k = { insert_s: round(insert100k / 1000, 1), query_ms: q100k, p95_ratio_vs_1k: round(q100k.p95 / baseline.p95, 2), pass: q100k.p95 <= 100 };
} else {
  console.log(`100k chunks: skipped (10k took ${round(insert10k / 1000, 1)} s to insert; 100k would take about ten times that)`);
  results.chunks_100k = { skipped: true };
}

await chroma.stop();
console.log(JSON.stringify({ bench: "bridge-retrieval", results }));
