// One attempt at a turn answered by Workers AI instead of a bridge (the workspace's overflow): the
// passages retrieved (a bridge's search when one is up, else the edge's own index), the prompt built
// and fitted to the model, the text streamed to the room as the same `delta` events a bridge sends,
// and a `done` event labelled with the model that answered. The outcome is a bridge attempt's, so the
// room stores, relays and retries it exactly as it does a bridge's.
import type { ChatEvent, ChatRequest } from "@coach/contracts/bridge";
import type { BridgeEnv } from "../../worker/lib/bridge-client";
import type { Logger } from "../../worker/lib/logger";
import {
  streamWorkersAi,
  WorkersAiError,
  workersAiFor,
  type WorkersAiEnv,
} from "../../worker/lib/workers-ai-client";
import { overflowPassages } from "../../worker/overflow/overflow-passages";
import {
  estimateTokens,
  OVERFLOW_MAX_TOKENS,
  overflowMessages,
} from "../../worker/overflow/overflow-prompt";
import type { TurnOutcome } from "./turn-runner";

export type OverflowTurnOptions = {
  env: WorkersAiEnv & Pick<Env, "DB">;
  model: string;
  /** A bridge that is up, to search; null when none is. */
  search: BridgeEnv | null;
  request: ChatRequest;
  requestId: string;
  signal: AbortSignal;
  onEvent: (event: ChatEvent) => void;
  logger: Logger;
};

/** Never throws: Workers AI's refusals and cut streams become a `retry`, an abort a `stopped`. */
export async function runOverflowTurn(options: OverflowTurnOptions): Promise<TurnOutcome> {
  const { request, signal } = options;
  const started = Date.now();
  let text = "";
  try {
    const retrieved = await overflowPassages({
      db: options.env.DB,
      tenantId: request.tenant_id,
      question: request.question,
      k: request.retrieval.k,
      bridge: options.search,
      requestId: options.requestId,
      logger: options.logger,
    });
    const retrievalMs = Date.now() - started;
    const prompt = overflowMessages({
      model: options.model,
      persona: request.persona,
      passages: retrieved.passages,
      history: request.history,
      question: request.question,
    });
    const cited = retrieved.passages.slice(0, prompt.passages.length);
    // The turn's own stop, or the generation's deadline: only the first makes the attempt `stopped`.
    const deadline = AbortSignal.any([signal, AbortSignal.timeout(request.deadline_ms)]);
    const route = workersAiFor(options.env, deadline);
    if (!route)
      throw new WorkersAiError("Workers AI is not configured for this deployment.", false);
    options.onEvent({ type: "started", queue_wait_ms: 0 });
    let firstAt: number | null = null;
    for await (const piece of streamWorkersAi(route.ai, {
      model: options.model,
      messages: prompt.messages,
      maxTokens: OVERFLOW_MAX_TOKENS,
      signal: deadline,
    })) {
      firstAt ??= Date.now();
      text += piece;
      options.onEvent({ type: "delta", text: piece });
    }
    const material = cited.length > 0;
    const grounding = material
      ? "material"
      : request.persona.answer_mode === "adaptive"
        ? "general"
        : "fallback";
    options.logger.info("overflow answered", {
      model: options.model,
      via: route.via,
      retrieval: retrieved.via,
      passages: cited.length,
    });
    return {
      kind: "done",
      event: {
        type: "done",
        text,
        citations: cited.map((p) => p.citation),
        confidence: retrieved.confidence,
        model: options.model,
        fallback_used: !material,
        grounding,
        prompt_tokens: prompt.messages.reduce((sum, m) => sum + estimateTokens(m.content), 0),
        completion_tokens: estimateTokens(text),
        timings: {
          queue_wait_ms: 0,
          retrieval_ms: retrievalMs,
          ttft_ms: (firstAt ?? Date.now()) - started,
          total_ms: Date.now() - started,
        },
      },
    };
  } catch (err) {
    if (signal.aborted) return { kind: "stopped", partialText: text };
    const reason =
      err instanceof WorkersAiError
        ? err.message
        : `The overflow answer failed: ${err instanceof Error ? err.message : String(err)}`;
    // A refusal that will not heal (a model the account cannot run) is logged loudly; the turn still
    // waits for a bridge rather than being dropped.
    if (err instanceof WorkersAiError && !err.retryable)
      options.logger.error("overflow refused by Workers AI", { code: err.code, reason });
    return { kind: "retry", code: "coach_busy", reason };
  }
}
