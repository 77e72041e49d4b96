/**
 * Golden cases: answers in the creator's voice (written by the team, or exported from creators'
 * corrections with `GET /api/v1/knowledge/corrections`, which answers this file's format). Each case is
 * stored as a curated answer, as a correction is in production, then its question is answered with the
 * production pieces (retrieval, the curated-answer rule, the built-in answerer). The score is the
 * similarity of each answer to the golden one: a new document, persona or model change that pulls
 * answers away from the creator's words shows up as a falling score.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeAnswer } from "../inference-bridge/src/backends/builtin-answerer";
import { embedLexical } from "../inference-bridge/src/backends/builtin-embedder";
import type { ChromaStore } from "../inference-bridge/src/backends/chroma";
import type { Embedder, Passage } from "../inference-bridge/src/backends/types";
import { curatedAnswer } from "../inference-bridge/src/rag/curated";

/** One golden case. */
export interface GoldenCase {
  question: string;
  answer: string;
}

const PERSONA = { name: "Maya", voice: "Calm and concrete.", fallback: "That isn't in my material yet.", guardrails: [] };

/** The cases of `EVAL_GOLDEN_FILE`, or of eval/golden.json. */
export function loadGolden(): GoldenCase[] {
  const file = process.env.EVAL_GOLDEN_FILE ?? join(import.meta.dirname, "golden.json");
  return (JSON.parse(readFileSync(file).toString()) as { cases: GoldenCase[] }).cases;
}

function similarity(a: string, b: string): number {
  const [x, y] = [embedLexical(a), embedLexical(b)];
  return x.reduce((sum, value, i) => sum + value * (y[i] ?? 0), 0);
}

/** Stores the cases as curated answers in `tenant`, then answers each and scores it against its golden answer. */
export async function replayGolden(embedder: Embedder, store: ChromaStore, tenant: string, cases: GoldenCase[], threshold: number) {
  const questions = await embedder.embed(cases.map((c) => c.question));
  await store.replaceDocument(
    tenant,
    "golden",
    cases.map((c, i) => ({ text: `Q: ${c.question}\nA: ${c.answer}`, embedding: questions[i] ?? [], metadata: { document_id: "golden", title: "Golden", chunk_index: i, section: c.question, curated: true } })),
  );
  const scores: number[] = [];
  let verbatim = 0;
  for (const c of cases) {
    const [embedding] = await embedder.embed([c.question]);
    const hits = (await store.query(tenant, embedding ?? [], 3)).filter((h) => h.score >= threshold);
    const passages: Passage[] = hits.map((h, i) => ({ index: i + 1, chunkId: h.chunk_id, documentId: h.metadata.document_id, title: h.metadata.title, text: h.text, score: h.score, ...(h.metadata.curated ? { curated: true } : {}) }));
    const curated = curatedAnswer(passages);
    if (curated) verbatim++;
    const answer = curated ? curated.answer : passages.length > 0 ? composeAnswer({ persona: PERSONA, question: c.question, passages }) : PERSONA.fallback;
    scores.push(similarity(answer, c.answer));
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { cases: cases.length, voice_score: round(scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length)), curated_share: round(verbatim / Math.max(1, cases.length)) };
}
