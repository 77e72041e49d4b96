/**
 * Ollama backend through the official `ollama` client: streaming chat, batched embeddings, model checks.
 *
 * Every call gets a client whose fetch is bound to the caller's AbortSignal, so a client disconnect or a
 * deadline closes the HTTP request to Ollama and frees the model slot instead of generating for nobody.
 * Failures become `UpstreamError` carrying Ollama's status; connection failures mark the backend down
 * until a background probe sees it again, so the queue can answer 503 at once.
 */
import { Ollama } from "ollama";
import { UpstreamError, isAbortError } from "../errors";
import type { Embedder, GenerateInput, GenerationChunk, Generator } from "./types";

const EMBED_BATCH = 64;
const PROBE_INTERVAL_MS = 5_000;
/** The architecture's threshold for nomic-embed-text; not yet re-measured with the model (no weights here). */
const OLLAMA_MIN_SCORE = 0.35;

export interface OllamaBackendOptions {
  host: string;
  chatModel: string;
  embedModel: string;
  keepAlive: string;
  /** Called with every upstream failure, for metrics. */
  onError?: (error: UpstreamError) => void;
}

/** Result of {@link OllamaBackend.checkModels}. */
export interface ModelCheck {
  reachable: boolean;
  missing: string[];
}

function hasStatus(error: unknown): error is Error & { status_code: number } {
  return error instanceof Error && typeof (error as { status_code?: unknown }).status_code === "number";
}

/** Chat and embeddings served by Ollama. `model` is the chat model; see {@link OllamaBackend.embedder}. */
export class OllamaBackend implements Generator {
  readonly model: string;
  /** The embedding side, labelled with the embedding model. */
  readonly embedder: Embedder;
  private up = true;
  private probe: NodeJS.Timeout | undefined;

  constructor(private readonly options: OllamaBackendOptions) {
    this.model = options.chatModel;
    this.embedder = { model: options.embedModel, defaultMinScore: OLLAMA_MIN_SCORE, embed: (texts, signal) => this.embed(texts, signal) };
  }

  /** Whether the last contact with Ollama succeeded. */
  isUp(): boolean {
    return this.up;
  }

  /** Lists local models and reports which configured ones are missing. */
  async checkModels(): Promise<ModelCheck> {
    try {
      const { models } = await this.client().list();
      const names = new Set(models.flatMap((m) => [m.name, m.model, m.name.replace(/:latest$/, "")]));
      const wanted = [this.options.chatModel, this.options.embedModel];
      this.up = true;
      return { reachable: true, missing: wanted.filter((name) => !names.has(name) && !names.has(`${name}:latest`)) };
    } catch {
      return { reachable: false, missing: [] };
    }
  }

  /** Embeds with the embedding model, in batches of 64. */
  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const input = texts.slice(i, i + EMBED_BATCH);
      try {
        const response = await this.client(signal).embed({ model: this.options.embedModel, input, keep_alive: this.options.keepAlive });
        out.push(...response.embeddings);
      } catch (error) {
        throw this.wrap(error, signal);
      }
    }
    return out;
  }

  /** Streams a chat completion; aborting `input.signal` closes the request to Ollama. */
  async *generate(input: GenerateInput): AsyncIterable<GenerationChunk> {
    try {
      const stream = await this.client(input.signal).chat({
        model: this.options.chatModel,
        messages: input.messages,
        stream: true,
        keep_alive: this.options.keepAlive,
      });
      for await (const part of stream) {
        if (part.message.content) yield { type: "delta", text: part.message.content };
        if (part.done) yield { type: "done", promptTokens: part.prompt_eval_count ?? 0, completionTokens: part.eval_count ?? 0 };
      }
    } catch (error) {
      throw this.wrap(error, input.signal);
    }
  }

  /** Stops the background probe. */
  close(): void {
    clearInterval(this.probe);
  }

  private client(signal?: AbortSignal): Ollama {
    const boundFetch: typeof fetch = (url, init) =>
      fetch(url, { ...init, signal: signal && init?.signal ? AbortSignal.any([signal, init.signal]) : (signal ?? init?.signal) });
    return new Ollama({ host: this.options.host, fetch: boundFetch });
  }

  /** Our own aborts pass through untouched (fetch rejects with the signal's reason); the rest is wrapped. */
  private wrap(error: unknown, signal?: AbortSignal): unknown {
    if (signal?.aborted || isAbortError(error)) return signal?.reason ?? error;
    const message = error instanceof Error ? error.message : String(error);
    // fetch reports refused connections and DNS failures as TypeError("fetch failed").
    const unreachable = error instanceof TypeError;
    const wrapped = hasStatus(error)
      ? new UpstreamError("ollama", error.status_code, `Ollama answered ${error.status_code}: ${message}`, error)
      : new UpstreamError("ollama", 502, unreachable ? `Ollama is unreachable: ${message}` : `Ollama failed: ${message}`, error);
    if (unreachable) this.markDown();
    this.options.onError?.(wrapped);
    return wrapped;
  }

  private markDown(): void {
    if (!this.up) return;
    this.up = false;
    // A health check may have flipped `up` back while an earlier probe was still scheduled.
    clearInterval(this.probe);
    this.probe = setInterval(() => {
      this.client()
        .version()
        .then(() => {
          this.up = true;
          clearInterval(this.probe);
        })
        .catch(() => undefined);
    }, PROBE_INTERVAL_MS);
    this.probe.unref();
  }
}
