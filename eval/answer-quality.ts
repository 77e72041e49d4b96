/**
 * Answers one coach's questions with the production pieces — parsing, chunking for the embedder,
 * embedding, the knowledge base (Chroma plus the lexical index), the answer plan and the built-in
 * answerer or the model — and records what a client would see: the answer text, the first citation,
 * whether it fell back, how long retrieval took and how big the prompt was. It also keeps the features
 * of every ranked piece and every answerability decision, for fitting (fit.ts).
 */
import type { ChatRequest, Persona } from "@coach/contracts/bridge";
import { composeAnswer } from "../inference-bridge/src/backends/builtin-answerer";
import type { Embedder, Generator } from "../inference-bridge/src/backends/types";
import { chunkRecord, embeddingText } from "../inference-bridge/src/ingest/chunk-record";
import { parseDocument } from "../inference-bridge/src/ingest/parse-document";
import { chunkBlocks } from "../inference-bridge/src/ingest/section-chunker";
import {
  answerabilityFeatures,
  type AnswerabilityFeature,
} from "../inference-bridge/src/rag/answerability";
import { planAnswer } from "../inference-bridge/src/rag/answer-plan";
import { buildMessages, type PromptBudget } from "../inference-bridge/src/rag/prompt";
import type { KnowledgeBase } from "../inference-bridge/src/retrieval/knowledge-base";
import { UNIT_FEATURES } from "../inference-bridge/src/retrieval/ranker-weights";
import type { LanguageResources } from "../inference-bridge/src/text/language-resources";
import type { EvalCoach } from "./coaches";

/** What a client saw for one question. */
/** A first-attempt interactive request for `question`, as the edge would send it with no history. */
export function evalRequest(
  tenant: string,
  conversationId: string,
  question: string,
  persona: Persona,
): ChatRequest {
  return {
    tenant_id: tenant,
    conversation_id: conversationId,
    question,
    history: [],
    persona,
    retrieval: { k: 4 },
    priority: "interactive",
    deadline_ms: 60_000,
    attempt: 1,
  };
}

export interface QuestionOutcome {
  coach: string;
  id: string;
  kind: "answerable" | "general" | "near";
  question: string;
  text: string;
  fellBack: boolean;
  /** For answerable questions: whether the answer contains an expected fact, and cites the right document first. */
  factHit: boolean;
  topCitation: boolean;
  retrievalMs: number;
  promptTokens: number;
  /** Features for fitting: each ranked piece's (and whether it holds a fact), and the answerability inputs. */
  pieces: {
    features: number[];
    holdsFact: boolean;
    chunkId: string;
    unitIndex: number;
    chunkHoldsFact: boolean;
    score: number;
  }[];
  answerability: Record<AnswerabilityFeature, number>;
}

/** The pieces under evaluation. */
export interface EvalStack {
  knowledge: KnowledgeBase;
  embedder: Embedder;
  generator: Generator;
  language: LanguageResources;
  budget: PromptBudget;
}

const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ");

/** Ingests a coach's documents into `tenant`. */
export async function ingestCoach(
  stack: EvalStack,
  tenant: string,
  coach: EvalCoach,
): Promise<void> {
  const { chunkTokens, overlapTokens, countTokens } = stack.embedder.chunking;
  for (const doc of coach.documents) {
    const parsed = await parseDocument(doc.kind, doc.bytes);
    const chunks = chunkBlocks(parsed.blocks, { chunkTokens, overlapTokens, countTokens });
    const embeddings = await stack.embedder.embed(
      chunks.map((chunk) => embeddingText(chunk, false)),
      { purpose: "document" },
    );
    const records = chunks.map((chunk, i) =>
      chunkRecord(chunk, i, embeddings[i] ?? [], {
        documentId: doc.id,
        title: doc.title,
        curated: false,
      }),
    );
    await stack.knowledge.replaceDocument(tenant, doc.id, records);
  }
}

async function generate(
  stack: EvalStack,
  persona: Persona,
  question: string,
  plan: ReturnType<typeof planAnswer>,
): Promise<{ text: string; promptTokens: number }> {
  if (plan.grounding === "fallback") return { text: persona.fallback, promptTokens: 0 };
  if (plan.grounding === "curated") return { text: plan.curatedText, promptTokens: 0 };
  if (stack.generator.model === "builtin")
    return { text: composeAnswer(persona, plan.quotes).text, promptTokens: 0 };
  const prompt = buildMessages(
    { persona, passages: plan.passages, history: [], question },
    stack.budget,
  );
  let text = "";
  let promptTokens = prompt.estimatedTokens;
  const input = {
    messages: prompt.messages,
    persona,
    question,
    passages: prompt.passages,
    signal: new AbortController().signal,
    answerTokens: prompt.answerTokens,
  };
  for await (const chunk of stack.generator.generate(input)) {
    if (chunk.type === "delta") text += chunk.text;
    else promptTokens = chunk.promptTokens || promptTokens;
  }
  return { text, promptTokens };
}

/** Asks every question of `coach` (ingested in `tenant`). */
export async function askCoach(
  stack: EvalStack,
  tenant: string,
  coach: EvalCoach,
): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  const all = [
    ...coach.answerable.map((q) => ({ ...q, kind: "answerable" as const })),
    ...coach.offTopic.map((q) => ({ ...q, document: "", facts: [] as string[] })),
  ];
  for (const q of all) {
    const started = performance.now();
    const result = await stack.knowledge.search(tenant, q.question);
    const retrievalMs = performance.now() - started;
    const plan = planAnswer(stack, evalRequest(tenant, "eval", q.question, coach.persona), result);
    const { text, promptTokens } = await generate(stack, coach.persona, q.question, plan);
    const hasFact = (t: string) => q.facts.some((fact) => norm(t).includes(norm(fact)));
    outcomes.push({
      coach: coach.id,
      id: q.id,
      kind: q.kind,
      question: q.question,
      text,
      // Referring a question on (scope of practice) declines it as the fallback does.
      fellBack: plan.grounding === "fallback" || plan.referral !== null,
      factHit: q.kind === "answerable" && hasFact(text),
      topCitation: q.kind === "answerable" && plan.passages[0]?.documentId === q.document,
      retrievalMs,
      promptTokens,
      pieces: result.ranked.map((r) => ({
        features: UNIT_FEATURES.map((name) => r.features[name]),
        holdsFact: r.candidate.chunk.documentId === q.document && hasFact(r.unit.text),
        chunkId: r.candidate.chunk.chunkId,
        unitIndex: r.unit.index,
        chunkHoldsFact:
          r.candidate.chunk.documentId === q.document && hasFact(r.candidate.chunk.text),
        score: r.score,
      })),
      answerability: answerabilityFeatures(result),
    });
  }
  return outcomes;
}
