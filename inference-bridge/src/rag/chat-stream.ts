/**
 * The chat pipeline as an NDJSON stream: queued → started → delta… → done, or error.
 *
 * Runs after admission, so a refusal has already been answered as a plain 429/503. Once the stream is
 * open the status is 200 and failures travel as an `error` event carrying `retryable`. Retrieval starts
 * at once and overlaps the wait for a generation slot. Then the answer is decided (answer-plan.ts) and
 * written: the creator's curated answer word for word, the persona's fallback line, quotes from the
 * material (built-in answerer), or a model's answer within its context window, whose citation numbers
 * are rewritten as it streams so they match the sources listed. The slot's signal reaches Ollama, so a
 * cancelled or late request stops generating.
 */
import type { ChatEvent, ChatRequest } from "@coach/contracts/bridge";
import { AppError } from "../errors";
import type { Logger } from "../logger";
import type { Admission } from "../queue-types";
import type { SearchResult } from "../retrieval/hybrid-search";
import type { BridgeServices } from "../services";
import { AnswerGuard } from "./answer-guard";
import { planAnswer, type AnswerPlan } from "./answer-plan";
import { citationsFor } from "./citations";
import { CitationNumbers } from "./citation-numbers";
import { buildMessages } from "./prompt";

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

type Retrieval = { ok: true; result: SearchResult; ms: number } | { ok: false; error: unknown };

function toErrorEvent(error: unknown): ChatEvent {
  if (error instanceof AppError)
    return { type: "error", code: error.code, message: error.message, retryable: error.retryable };
  return {
    type: "error",
    code: "internal_error",
    message: "The answer could not be completed.",
    retryable: true,
  };
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
      send({
        type: "queued",
        position: admission.position,
        estimated_wait_ms: admission.estimatedWaitMs,
        load: { ...services.queue.load(), version: services.version },
      });
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

/** What writing the answer produced. */
interface Written {
  text: string;
  cited: AnswerPlan["passages"];
  promptTokens: number;
  completionTokens: number;
  ttftMs: number;
  grounding: AnswerPlan["grounding"];
}

async function run(
  services: BridgeServices,
  request: ChatRequest,
  admission: Accepted,
  context: ChatContext,
  send: (event: ChatEvent) => void,
): Promise<void> {
  const { log, arrivedAt } = context;
  const retrievalStart = performance.now();
  const retrievalSignal = AbortSignal.any([
    context.signal,
    AbortSignal.timeout(request.deadline_ms),
  ]);
  // Settled into a value so a failure while still queued never becomes an unhandled rejection.
  const retrieval: Promise<Retrieval> = services.knowledge
    .search(request.tenant_id, request.question, retrievalSignal)
    .then(
      (result) => ({ ok: true, result, ms: performance.now() - retrievalStart }),
      (error: unknown) => ({ ok: false, error }),
    );
  let lease;
  try {
    lease = await admission.slot;
  } catch (error) {
    log.info("chat dropped before start", {
      code: error instanceof AppError ? error.code : "unknown",
    });
    send(toErrorEvent(error));
    return;
  }
  const queueWaitMs = Math.round(lease.queueWaitMs);
  send({ type: "started", queue_wait_ms: queueWaitMs });
  try {
    const retrieved = await retrieval;
    if (lease.signal.aborted) throw lease.signal.reason;
    if (!retrieved.ok) throw retrieved.error;
    const plan = planAnswer(services, request, retrieved.result);
    const generationStart = performance.now();
    const written = await write(services, request, plan, lease.signal, arrivedAt, send);
    if (lease.signal.aborted) throw lease.signal.reason;
    if (
      services.generator.model !== "builtin" &&
      plan.grounding !== "fallback" &&
      plan.grounding !== "curated"
    ) {
      services.metrics.generation(
        services.generator.model,
        written.completionTokens,
        performance.now() - generationStart,
      );
    }
    const totalMs = performance.now() - arrivedAt;
    const confidence =
      written.grounding === "material" || written.grounding === "curated" ? plan.confidence : 0;
    services.metrics.answer(
      services.generator.model,
      written.grounding,
      written.promptTokens,
      retrieved.ms,
    );
    lease.release("ok");
    send({
      type: "done",
      text: written.text,
      citations: citationsFor(written.cited),
      confidence,
      model: services.generator.model,
      fallback_used: written.grounding === "fallback",
      grounding: written.grounding,
      prompt_tokens: written.promptTokens,
      completion_tokens: written.completionTokens,
      timings: {
        queue_wait_ms: queueWaitMs,
        retrieval_ms: Math.round(retrieved.ms),
        ttft_ms: Math.round(written.ttftMs),
        total_ms: Math.round(totalMs),
      },
      load: { ...services.queue.load(), version: services.version },
    });
    if (
      request.turn_id &&
      (written.grounding === "fallback" ||
        written.grounding === "general" ||
        confidence < LOW_CONFIDENCE)
    ) {
      // Collected per tenant at the edge, so the creator sees which questions their material misses.
      void services.callbacks.reportQuestion({
        tenant_id: request.tenant_id,
        conversation_id: request.conversation_id,
        turn_id: request.turn_id,
        attempt: request.attempt,
        question: request.question,
        confidence,
        grounding: written.grounding,
      });
    }
    log.info("chat done", {
      model: services.generator.model,
      grounding: written.grounding,
      passages: written.cited.length,
      answerability: plan.confidence,
      prompt_tokens: written.promptTokens,
      completion_tokens: written.completionTokens,
      retrieval_ms: Math.round(retrieved.ms),
      total_ms: Math.round(totalMs),
    });
  } catch (error) {
    const aborted = lease.signal.aborted;
    lease.release(aborted ? "cancelled" : "error");
    const reason: unknown = aborted ? lease.signal.reason : error;
    if (reason instanceof AppError)
      log.warn("chat failed", { code: reason.code, status: reason.status });
    else log.error("chat failed", { error: reason });
    send(toErrorEvent(reason));
  }
}

/** Writes the planned answer, streaming its deltas. */
async function write(
  services: BridgeServices,
  request: ChatRequest,
  plan: AnswerPlan,
  signal: AbortSignal,
  arrivedAt: number,
  send: (event: ChatEvent) => void,
): Promise<Written> {
  const persona = request.persona;
  if (plan.grounding === "curated" || plan.grounding === "fallback") {
    // The creator's own words, whole: the curated answer, or the line for a question the material misses.
    const text = plan.grounding === "curated" ? plan.curatedText : persona.fallback;
    send({ type: "delta", text });
    return {
      text,
      cited: plan.passages,
      promptTokens: 0,
      completionTokens: 0,
      ttftMs: performance.now() - arrivedAt,
      grounding: plan.grounding,
    };
  }
  let text = "";
  let ttftMs = 0;
  const emit = (piece: string) => {
    if (piece === "") return;
    if (text === "") ttftMs = performance.now() - arrivedAt;
    text += piece;
    send({ type: "delta", text: piece });
  };
  const builtin = services.generator.model === "builtin";
  const prompt = builtin
    ? null
    : buildMessages(
        { persona, passages: plan.passages, history: request.history, question: request.question },
        services.budget,
      );
  const passages = prompt ? prompt.passages : plan.passages;
  const guard = new AnswerGuard(persona);
  const numbers = new CitationNumbers(passages.length);
  // The label is written by the bridge, not the model, so a general answer is always marked.
  if (plan.grounding === "general") emit(GENERAL_LABEL);
  let promptTokens = 0;
  let completionTokens = 0;
  const input = {
    messages: prompt?.messages ?? [],
    persona,
    question: request.question,
    passages,
    quotes: plan.quotes,
    signal,
    ...(prompt ? { answerTokens: prompt.answerTokens } : {}),
  };
  for await (const chunk of services.generator.generate(input)) {
    if (chunk.type === "delta") {
      emit(builtin ? chunk.text : numbers.push(guard.push(chunk.text)));
    } else {
      promptTokens = chunk.promptTokens;
      completionTokens = chunk.completionTokens;
    }
  }
  if (!builtin) emit(numbers.push(guard.finish()) + numbers.finish());
  if (guard.leaked) {
    services.logger.warn("answer withheld: it repeated the prompt's instructions");
    return {
      text: persona.fallback,
      cited: [],
      promptTokens,
      completionTokens,
      ttftMs,
      grounding: "fallback",
    };
  }
  // The built-in answerer cites every passage it quotes; a model cites those its markers name (all
  // passages when it names none, since then it cannot be told which it used).
  const cited =
    builtin || numbers.cited.length === 0
      ? passages
      : numbers.cited.flatMap((n) => passages.filter((p) => p.index === n));
  if (!builtin && prompt) promptTokens ||= prompt.estimatedTokens;
  return { text, cited, promptTokens, completionTokens, ttftMs, grounding: plan.grounding };
}
