/**
 * Golden cases: answers in the creator's voice (written by the team, or exported from creators'
 * corrections with `GET /api/v1/knowledge/corrections`, which answers this file's format). Each case is
 * stored as a curated answer, as a correction is in production, then its question is answered with the
 * production pieces (retrieval, the curated-answer rule, the answer plan). The score is the word-vector
 * similarity of each answer to the golden one: a new document, persona or model change that pulls
 * answers away from the creator's words shows up as a falling score.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { composeAnswer } from "../inference-bridge/src/backends/builtin-answerer";
import { chunkRecord } from "../inference-bridge/src/ingest/chunk-record";
import { planAnswer } from "../inference-bridge/src/rag/answer-plan";
import { sifVector } from "../inference-bridge/src/text/sif";
import { evalRequest, type EvalStack } from "./answer-quality";

/** One golden case. */
export interface GoldenCase {
  question: string;
  answer: string;
}

const PERSONA = {
  name: "Maya",
  voice: "Calm and concrete.",
  fallback: "That isn't in my material yet.",
  guardrails: [],
};

/** The cases of `EVAL_GOLDEN_FILE`, or of eval/golden.json. */
export function loadGolden(): GoldenCase[] {
  const file = process.env.EVAL_GOLDEN_FILE ?? join(import.meta.dirname, "golden.json");
  return (JSON.parse(readFileSync(file).toString()) as { cases: GoldenCase[] }).cases;
}

/** Stores the cases as curated answers in `tenant`, then answers each and scores it against its golden answer. */
export async function replayGolden(stack: EvalStack, tenant: string, cases: GoldenCase[]) {
  const embeddings = await stack.embedder.embed(
    cases.map((c) => c.question),
    { purpose: "document" },
  );
  const records = cases.map((c, i) =>
    chunkRecord(
      { text: `Q: ${c.question}\nA: ${c.answer}`, section: c.question, page: null },
      i,
      embeddings[i] ?? [],
      { documentId: "golden", title: "Golden", curated: true },
    ),
  );
  await stack.knowledge.replaceDocument(tenant, "golden", records);
  const scores: number[] = [];
  let verbatim = 0;
  for (const c of cases) {
    const result = await stack.knowledge.search(tenant, c.question);
    const plan = planAnswer(stack, evalRequest(tenant, "golden", c.question, PERSONA), result);
    if (plan.grounding === "curated") verbatim++;
    const answer =
      plan.grounding === "curated"
        ? plan.curatedText
        : plan.grounding === "material"
          ? composeAnswer(PERSONA, plan.quotes).text
          : PERSONA.fallback;
    const [a, b] = [
      sifVector(stack.language.vectors, answer),
      sifVector(stack.language.vectors, c.answer),
    ];
    scores.push(a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0));
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    cases: cases.length,
    voice_score: round(scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length)),
    curated_share: round(verbatim / Math.max(1, cases.length)),
  };
}
