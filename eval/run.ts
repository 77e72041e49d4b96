/**
 * `npm run eval`: ingests the corpus into a fresh Chroma with the production parsers and chunker, then
 * replays the questions. Prints hit@1/3/5 and MRR@5 for dense retrieval and for dense + BM25 fused
 * re-ranking of the top 20, and the share of out-of-scope questions that correctly fall back at the
 * answering threshold — with the built-in embedder, and with nomic-embed-text when Ollama has it — and
 * replays the golden cases (golden.ts) for a voice score.
 * Ends with one JSON line, like the benchmarks.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuiltinEmbedder } from "../inference-bridge/src/backends/builtin-embedder";
import { ChromaStore } from "../inference-bridge/src/backends/chroma";
import { startChroma } from "../inference-bridge/src/backends/chroma-process";
import { OllamaBackend } from "../inference-bridge/src/backends/ollama";
import type { Embedder } from "../inference-bridge/src/backends/types";
import { parseDocument } from "../inference-bridge/src/ingest/parse-document";
import { chunkBlocks } from "../inference-bridge/src/ingest/section-chunker";
import { freePort } from "../inference-bridge/test/support/free-port";
import { loadCorpus, loadQuestions } from "./corpus";
import { loadGolden, replayGolden } from "./golden";
import { bm25, firstRelevantRank, reciprocalRankFusion, summarise } from "./metrics";

const K = 5;
const CANDIDATES = 20;

async function evaluate(name: string, embedder: Embedder, store: ChromaStore) {
  // The threshold the bridge answers with when the room names none: the embedder's own.
  const threshold = embedder.defaultMinScore;
  const tenant = `eval_${name.replace(/[^a-z0-9]/gi, "")}_${Date.now()}`;
  for (const doc of loadCorpus()) {
    const chunks = chunkBlocks((await parseDocument(doc.kind, doc.bytes)).blocks);
    const embeddings = await embedder.embed(chunks.map((c) => c.text));
    await store.replaceDocument(
      tenant,
      doc.id,
      chunks.map((chunk, i) => ({
        text: chunk.text,
        embedding: embeddings[i] ?? [],
        metadata: { document_id: doc.id, title: doc.title, chunk_index: i, ...(chunk.section ? { section: chunk.section } : {}), ...(chunk.page !== null ? { page: chunk.page } : {}) },
      })),
    );
  }
  const questions = loadQuestions();
  const dense: (number | null)[] = [];
  const hybrid: (number | null)[] = [];
  let answered = 0;
  const inScopeTop: number[] = [];
  const outOfScopeTop: number[] = [];
  for (const q of questions.in_scope) {
    const [embedding] = await embedder.embed([q.question]);
    const hits = await store.query(tenant, embedding ?? [], CANDIDATES);
    const relevant = hits.map((h) => h.metadata.document_id === q.document && h.text.toLowerCase().includes(q.passage.toLowerCase()));
    dense.push(firstRelevantRank(relevant.slice(0, K)));
    const lexical = bm25(q.question, hits.map((h) => h.text));
    const byLexical = lexical.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score).map((x) => x.i);
    const fused = reciprocalRankFusion(hits.map((_, i) => i), byLexical);
    hybrid.push(firstRelevantRank(fused.slice(0, K).map((i) => relevant[i] ?? false)));
    inScopeTop.push(hits[0]?.score ?? -1);
    if ((hits[0]?.score ?? -1) >= threshold) answered++;
  }
  let fellBack = 0;
  for (const q of questions.out_of_scope) {
    const [embedding] = await embedder.embed([q.question]);
    const [top] = await store.query(tenant, embedding ?? [], 1);
    outOfScopeTop.push(top?.score ?? -1);
    if ((top?.score ?? -1) < threshold) fellBack++;
  }
  const share = (values: number[], predicate: (v: number) => boolean) => Math.round((values.filter(predicate).length / values.length) * 1000) / 1000;
  // How the threshold trades answering in-scope questions against declining out-of-scope ones.
  const sweep = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35].map((t) => ({ threshold: t, in_scope_answered: share(inScopeTop, (v) => v >= t), out_of_scope_fallback: share(outOfScopeTop, (v) => v < t) }));
  // Last, so the retrieval figures above are measured on the corpus alone.
  const golden = await replayGolden(embedder, store, tenant, loadGolden(), threshold);
  return {
    embedder: name,
    threshold,
    golden,
    dense: summarise(dense, K),
    hybrid: summarise(hybrid, K),
    in_scope_answered: Math.round((answered / questions.in_scope.length) * 1000) / 1000,
    out_of_scope_fallback: Math.round((fellBack / questions.out_of_scope.length) * 1000) / 1000,
    sweep,
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "eval-chroma-"));
const chroma = await startChroma({ dataDir, port: await freePort() });
try {
  const store = new ChromaStore(chroma.url);
  const results = [await evaluate("builtin", new BuiltinEmbedder(), store)];
  const ollama = new OllamaBackend({ host: process.env.OLLAMA_HOST ?? "http://127.0.0.1:11434", chatModel: "llama3.2:1b", embedModel: "nomic-embed-text", keepAlive: "5m" });
  const check = await ollama.checkModels();
  if (check.reachable && !check.missing.includes("nomic-embed-text")) results.push(await evaluate("nomic-embed-text", ollama.embedder, store));
  else console.log("Ollama with nomic-embed-text is not available here: evaluated the built-in embedder only.");
  ollama.close();
  for (const r of results) {
    console.log(`\n${r.embedder} (threshold ${r.threshold}, k=${K})`);
    console.log(`  dense        hit@1 ${r.dense.hit_at_1}  hit@3 ${r.dense.hit_at_3}  hit@5 ${r.dense.hit_at_k}  MRR ${r.dense.mrr}`);
    console.log(`  dense+BM25   hit@1 ${r.hybrid.hit_at_1}  hit@3 ${r.hybrid.hit_at_3}  hit@5 ${r.hybrid.hit_at_k}  MRR ${r.hybrid.mrr}`);
    console.log(`  in-scope answered ${r.in_scope_answered}   out-of-scope falling back ${r.out_of_scope_fallback}`);
    console.log(`  golden cases ${r.golden.cases}: voice score ${r.golden.voice_score}, answered with the curated answer ${r.golden.curated_share}`);
    for (const s of r.sweep) console.log(`    threshold ${s.threshold.toFixed(2)}: in-scope answered ${s.in_scope_answered}, out-of-scope falling back ${s.out_of_scope_fallback}`);
  }
  console.log(JSON.stringify({ bench: "eval-retrieval", results }));
} finally {
  await chroma.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
