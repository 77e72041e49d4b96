/**
 * The chat pipeline as an NDJSON stream: queued → started → delta… → done, or error.
 *
 * Runs after admission, so a refusal has already been answered as a plain 429/503. Once the stream is
 * open the status is 200 and failures travel as an `error` event carrying `retryable`. Retrieval (question
 * embedding + Chroma) starts at once and overlaps the wait for a generation slot: the embedding model has
 * its own Ollama slots, so under load the slot is held for generation only. The slot's signal reaches
 * Ollama, so a cancelled or late request stops generating.
 */
import type { ChatEvent, ChatRequest, Citation, SearchHit } from "@coach/contracts/bridge";
import type { Passage } from "../backends/types";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import type { Admission } from "../queue";
import type { BridgeServices } from "../services";
import { AnswerGuard } from "./answer-guard";
import { confidenceOf } from "./confidence";
import { curatedAnswer } from "./curated";
import { buildMessages } from "./prompt";
import { retrieve } from "./retrieve";

type Accepted = Extract<Admission, { ok: true }>;

/** Per-request context: logger, arrival time, and the client's signal (aborted on disconnect). */
export interface ChatContext {
  log: Logger;
  arrivedAt: number;
  signal: AbortSignal;
}

/** Opens every answer given from general knowledge in adaptive mode. */
export const GENERAL_LABEL = "General knowledge (not from my material): ";

/** Below this confidence an answered question is reported to the edge as answered poorly. */
export const LOW_CONFIDENCE = 0.25;

type Retrieval = { ok: true; hits: SearchHit[]; ms: number } | { ok: false; error: unknown };

/** Characters of a passage shown as a citation's snippet. */
const SNIPPET_CHARS = 200;

/** Citations for passages the answer refers to as [n]; all passages when it refers to none. */
function citationsFor(text: string, passages: Passage[]): Citation[] {
  const cited = passages.filter((passage) => text.includes(`[${passage.index}]`));
  return (cited.length > 0 ? cited : passages).map((p) => {
    const flat = p.text.replace(/\s+/g, " ").trim();
    return {
      chunk_id: p.chunkId,
      document_id: p.documentId,
      title: p.title,
      score: p.score,
      ...(p.page !== undefined ? { page: p.page } : {}),
      ...(p.section ? { section: p.section } : {}),
      snippet: flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS - 1)}…` : flat,
    };
  });
}

function toErrorEvent(error: unknown): ChatEvent {
  if (error instanceof AppError) return { type: "error", code: error.code, message: error.message, retryable: error.retryable };
  return { type: "error", code: "internal_error", message: "The answer could not be completed.", retryable: true };
}

/** Builds the response body for an admitted chat request. */
export function chatStream(
  services: BridgeServices,
  request: ChatRequest,
  admission: Accepted,
  context: ChatContext,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: ChatEvent): void => {
        if (!closed) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      send({ type: "queued", position: admission.position, estimated_wait_ms: admission.estimatedWaitMs });
      void run(services, request, admission, context, send).finally(() => {
        if (closed) return;
        closed = true;
        controller.close();
      });
    },
    cancel() {
      closed = true;
    },
  });
}

async function run(services: BridgeServices, request: ChatRequest, admission: Accepted, context: ChatContext, send: (event: ChatEvent) => void): Promise<void> {
  const { log, arrivedAt } = context;
  const retrievalStart = performance.now();
  // Settled into a value so a failure while still queued never becomes an unhandled rejection.
  const minScore = request.retrieval.min_score ?? services.embedder.defaultMinScore;
  const query = { tenantId: request.tenant_id, text: request.question, k: request.retrieval.k, minScore };
  const retrievalSignal = AbortSignal.any([context.signal, AbortSignal.timeout(request.deadline_ms)]);
  const retrieval: Promise<Retrieval> = retrieve(services, query, retrievalSignal).then(
    (hits) => ({ ok: true, hits, ms: performance.now() - retrievalStart }),
    (error: unknown) => ({ ok: false, error }),
  );
  let lease;
  try {
    lease = await admission.slot;
  } catch (error) {
    log.info("chat dropped before start", { code: error instanceof AppError ? error.code : "unknown" });
    send(toErrorEvent(error));
    return;
  }
  const queueWaitMs = Math.round(lease.queueWaitMs);
  send({ type: "started", queue_wait_ms: queueWaitMs });
  try {
    const retrieved = await retrieval;
    if (lease.signal.aborted) throw lease.signal.reason;
    if (!retrieved.ok) throw retrieved.error;
    const { hits, ms: retrievalMs } = retrieved;
    const passages: Passage[] = hits.map((hit, i) => ({
      index: i + 1,
      chunkId: hit.chunk_id,
      documentId: hit.metadata.document_id,
      title: hit.metadata.title,
      text: hit.text,
      score: hit.score,
      ...(hit.metadata.section ? { section: hit.metadata.section } : {}),
      ...(hit.metadata.page !== undefined ? { page: hit.metadata.page } : {}),
      ...(hit.metadata.curated ? { curated: true } : {}),
    }));
    const generationStart = performance.now();
    let text = "";
    let ttftMs = 0;
    let promptTokens = 0;
    let completionTokens = 0;
    const persona = request.persona;
    // Adaptive personas may answer beyond the material; the built-in answerer only ever quotes material.
    const general = passages.length === 0 && persona.answer_mode === "adaptive" && services.generator.model !== "builtin";
    const curated = curatedAnswer(passages);
    let grounding: "material" | "curated" | "general" | "fallback" = curated ? "curated" : passages.length > 0 ? "material" : general ? "general" : "fallback";
    if (curated) {
      // The creator's own corrected answer, word for word.
      text = curated.answer;
      ttftMs = performance.now() - arrivedAt;
      send({ type: "delta", text });
    } else if (grounding === "fallback") {
      // Below the threshold the persona says it does not know rather than letting the model invent.
      text = persona.fallback;
      ttftMs = performance.now() - arrivedAt;
      send({ type: "delta", text });
    } else {
      const guard = new AnswerGuard(persona);
      const emit = (piece: string) => {
        if (piece === "") return;
        if (text === "") ttftMs = performance.now() - arrivedAt;
        text += piece;
        send({ type: "delta", text: piece });
      };
      // The label is written by the bridge, not the model, so a general answer is always marked.
      if (grounding === "general") emit(GENERAL_LABEL);
      const messages = buildMessages({ persona, passages, history: request.history, question: request.question });
      for await (const chunk of services.generator.generate({ messages, persona, question: request.question, passages, signal: lease.signal })) {
        if (chunk.type === "delta") {
          emit(guard.push(chunk.text));
        } else {
          promptTokens = chunk.promptTokens;
          completionTokens = chunk.completionTokens;
        }
      }
      emit(guard.finish());
      if (lease.signal.aborted) throw lease.signal.reason;
      if (guard.leaked) {
        log.warn("answer withheld: it repeated the prompt's instructions");
        grounding = "fallback";
        text = persona.fallback;
      } else {
        text = `${grounding === "general" ? GENERAL_LABEL : ""}${guard.text()}`;
      }
      services.metrics.generation(services.generator.model, completionTokens, performance.now() - generationStart);
    }
    const totalMs = performance.now() - arrivedAt;
    const confidence = grounding === "material" || curated ? confidenceOf(passages.map((p) => p.score), minScore) : 0;
    lease.release("ok");
    send({
      type: "done",
      text,
      citations: curated ? citationsFor("", [curated.passage]) : grounding === "material" ? citationsFor(text, passages) : [],
      confidence,
      model: services.generator.model,
      fallback_used: grounding === "fallback",
      grounding,
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      timings: { queue_wait_ms: queueWaitMs, retrieval_ms: Math.round(retrievalMs), ttft_ms: Math.round(ttftMs), total_ms: Math.round(totalMs) },
    });
    if (request.turn_id && (grounding === "fallback" || grounding === "general" || confidence < LOW_CONFIDENCE)) {
      // Collected per tenant at the edge, so the creator sees which questions their material misses.
      void services.callbacks.reportQuestion({
        tenant_id: request.tenant_id,
        conversation_id: request.conversation_id,
        turn_id: request.turn_id,
        attempt: request.attempt,
        question: request.question,
        confidence,
        grounding,
      });
    }
    log.info("chat done", { model: services.generator.model, passages: passages.length, completion_tokens: completionTokens, total_ms: Math.round(totalMs) });
  } catch (error) {
    const aborted = lease.signal.aborted;
    lease.release(aborted ? "cancelled" : "error");
    const reason: unknown = aborted ? lease.signal.reason : error;
    if (reason instanceof AppError) log.warn("chat failed", { code: reason.code, status: reason.status });
    else log.error("chat failed", { error: reason });
    send(toErrorEvent(reason));
  }
}
