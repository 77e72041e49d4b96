// Workers AI for the overflow, behind one interface shaped like its binding: `run(model, {messages,
// stream: true, max_tokens})` resolves to a byte stream of server-sent events (`data: {"response":
// "…"}` … `data: [DONE]`) and rejects on a refusal with an Error whose message is `<internal code>:
// <description>`, as workerd's binding does (src/cloudflare/internal/ai-api.ts). Two ways reach it:
// 1. the binding `env.AI` when the deployment binds it (`[ai]` in wrangler.toml): no token to keep,
//    billed to the Worker's own account — so it comes first;
// 2. the REST API (workers-ai-rest.ts) when only WORKERS_AI_ACCOUNT_ID and WORKERS_AI_TOKEN are set,
//    e.g. `wrangler dev` without a Cloudflare login, where a declared binding cannot start.
// Everything after `run()` — reading the stream, telling refusals apart — is the same code for both.
import { z } from "zod";
import { workersAiOverRest, type WorkersAiRestEnv } from "./workers-ai-rest";

export type AiMessage = { role: "system" | "user" | "assistant"; content: string };

/** The inputs of a streamed text generation, as the binding and the REST API take them. */
export type AiTextInputs = { messages: AiMessage[]; stream: true; max_tokens: number };

/** The one interface the overflow calls: the binding's `run()` for a streamed text generation. */
export type WorkersAi = {
  run(model: string, inputs: AiTextInputs): Promise<ReadableStream<Uint8Array>>;
};

export type WorkersAiEnv = WorkersAiRestEnv & Pick<Env, "AI">;

export type WorkersAiRoute = { via: "binding" | "rest"; ai: WorkersAi };

export type AiRunRequest = {
  model: string;
  messages: AiMessage[];
  maxTokens: number;
  /** Ends the generation: the turn stopped or its deadline passed. */
  signal: AbortSignal;
};

/**
 * Workers AI refused or broke off. `code` is its internal code (Workers AI errors table) when it
 * gave one; `retryable` when trying again later may succeed (timeouts, capacity, a cut stream).
 */
export class WorkersAiError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code: number | null = null,
  ) {
    super(message);
    this.name = "WorkersAiError";
  }
}

// Timeout (3007), aborted (3008), daily allocation used up (3036), out of capacity (3040): the only
// documented refusals that heal on their own. Any other code names a request that will never pass.
const HEALING_CODES: ReadonlySet<number> = new Set([3007, 3008, 3036, 3040]);

const PieceSchema = z.object({ response: z.string().optional() });

/** Whether the deployment can overflow to Workers AI at all. */
export function workersAiConfigured(env: WorkersAiEnv): boolean {
  return Boolean(env.AI) || Boolean(env.WORKERS_AI_ACCOUNT_ID && env.WORKERS_AI_TOKEN);
}

function overBinding(binding: Ai): WorkersAi {
  return {
    async run(model, inputs) {
      // The model is configuration, not a name the binding's types know: what comes back is checked.
      const result: unknown = await binding.run(model, inputs);
      if (!(result instanceof ReadableStream))
        throw new WorkersAiError("The Workers AI binding did not answer with a stream.", true);
      return result as ReadableStream<Uint8Array>;
    },
  };
}

/**
 * The way to Workers AI for one call: the binding when bound, else the REST API when an account and
 * token are set (its fetch ends with `signal`), else null.
 */
export function workersAiFor(env: WorkersAiEnv, signal: AbortSignal): WorkersAiRoute | null {
  if (env.AI) return { via: "binding", ai: overBinding(env.AI) };
  if (env.WORKERS_AI_ACCOUNT_ID && env.WORKERS_AI_TOKEN)
    return { via: "rest", ai: workersAiOverRest(env, signal) };
  return null;
}

/** A rejection of `run()` as a WorkersAiError, its internal code read from `<code>: <description>`. */
export function refusalOf(err: unknown): WorkersAiError {
  if (err instanceof WorkersAiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const coded = /^(\d{4,5}): /.exec(message);
  if (!coded) return new WorkersAiError(`Workers AI failed: ${message}`.slice(0, 300), true);
  const code = Number(coded[1]);
  return new WorkersAiError(
    `Workers AI refused: ${message}`.slice(0, 300),
    HEALING_CODES.has(code),
    code,
  );
}

async function* sseData(
  body: ReadableStream<Uint8Array>,
  signal: AbortSignal,
): AsyncGenerator<string> {
  const reader = body.getReader();
  // Cancelling the reader ends the generation upstream, over the binding as over HTTP.
  const cancel = () => void reader.cancel(signal.reason).catch(() => undefined);
  signal.addEventListener("abort", cancel, { once: true });
  const decoder = new TextDecoder();
  let buffered = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const line = buffered.slice(0, newline).replace(/\r$/, "");
        buffered = buffered.slice(newline + 1);
        if (line.startsWith("data:")) yield line.slice(5).trim();
        newline = buffered.indexOf("\n");
      }
    }
  } finally {
    signal.removeEventListener("abort", cancel);
    if (!signal.aborted) cancel();
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason as Error);
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/**
 * Runs a text-generation model with streaming through `ai` and yields its text as it arrives.
 * Throws `WorkersAiError` for a refusal or a stream that ends without `[DONE]`; an abort through
 * `signal` surfaces as the signal's reason.
 */
export async function* streamWorkersAi(
  ai: WorkersAi,
  request: AiRunRequest,
): AsyncGenerator<string> {
  const { signal } = request;
  const inputs: AiTextInputs = {
    messages: request.messages,
    stream: true,
    max_tokens: request.maxTokens,
  };
  let body: ReadableStream<Uint8Array>;
  try {
    body = await untilAborted(ai.run(request.model, inputs), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw refusalOf(err);
  }
  for await (const data of sseData(body, signal)) {
    if (data === "[DONE]") return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      throw new WorkersAiError("Workers AI sent an event that is not JSON.", true);
    }
    const piece = PieceSchema.safeParse(json);
    if (!piece.success)
      throw new WorkersAiError("Workers AI sent an event of an unknown shape.", true);
    if (piece.data.response) yield piece.data.response;
  }
  throw new WorkersAiError("The Workers AI stream ended without [DONE].", true);
}
