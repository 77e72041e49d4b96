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
import type { Config } from "../config";
import { wordPieceTokensEstimate } from "../text/token-estimates";
import type {
  Embedder,
  EmbedderIdentity,
  EmbedPurpose,
  GenerateInput,
  GenerationChunk,
  Generator,
} from "./types";

const EMBED_BATCH = 64;
const PROBE_INTERVAL_MS = 5_000;
/**
 * nomic-embed-text embeds questions and passages differently and must be told which is which: its model
 * card requires these task prefixes, without them retrieval quality drops.
 */
export const NOMIC_PREFIXES: Record<EmbedPurpose, string> = {
  query: "search_query: ",
  document: "search_document: ",
};
/** nomic-embed-text's vector size. */
const NOMIC_DIMENSIONS = 768;

export interface OllamaBackendOptions {
  host: string;
  chatModel: string;
  embedModel: string;
  keepAlive: string;
  /**
   * The context window sent with every chat (`num_ctx`). One fixed value: Ollama reloads a model whenever
   * a request asks for another window, which costs seconds on a small machine.
   */
  contextTokens: number;
  /** Most tokens an answer may take (`num_predict`) when the prompt leaves room for more. */
  answerTokens: number;
  /** Called with every upstream failure, for metrics. */
  onError?: (error: UpstreamError) => void;
}

/** The backend's options as the bridge's settings give them (metrics hooks aside). */
export function ollamaOptions(config: Config): OllamaBackendOptions {
  return {
    host: config.OLLAMA_HOST,
    chatModel: config.CHAT_MODEL,
    embedModel: config.EMBED_MODEL,
    keepAlive: config.OLLAMA_KEEP_ALIVE,
    contextTokens: config.OLLAMA_NUM_CTX,
    answerTokens: config.OLLAMA_NUM_PREDICT,
  };
}

/** Result of {@link OllamaBackend.checkModels}. */
export interface ModelCheck {
  reachable: boolean;
  missing: string[];
  /** Digest of each present model, by the name it was asked for. */
  digests?: Record<string, string>;
}

function hasStatus(error: unknown): error is Error & { status_code: number } {
  return (
    error instanceof Error && typeof (error as { status_code?: unknown }).status_code === "number"
  );
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
    const identity: EmbedderIdentity = {
      name: options.embedModel,
      version: "unknown",
      dimensions: NOMIC_DIMENSIONS,
    };
    this.embedder = {
      model: options.embedModel,
      identity,
      // Passages of about 512 WordPiece tokens: specific enough to rank, well inside the model's window.
      chunking: { chunkTokens: 512, overlapTokens: 64, countTokens: wordPieceTokensEstimate },
      embed: (texts, embedOptions) =>
        this.embed(texts, embedOptions?.purpose ?? "document", embedOptions?.signal),
    };
  }

  /** The context window and answer room sent with chats. */
  get budget(): { contextTokens: number; answerTokens: number } {
    return { contextTokens: this.options.contextTokens, answerTokens: this.options.answerTokens };
  }

  /** Whether the last contact with Ollama succeeded. */
  isUp(): boolean {
    return this.up;
  }

  /** Lists local models and reports which configured ones are missing. */
  async checkModels(): Promise<ModelCheck> {
    try {
      const { models } = await this.client().list();
      const names = new Set(
        models.flatMap((m) => [m.name, m.model, m.name.replace(/:latest$/, "")]),
      );
      const wanted = [this.options.chatModel, this.options.embedModel];
      const digests: Record<string, string> = {};
      for (const name of wanted) {
        const found = models.find(
          (m) => m.name === name || m.name === `${name}:latest` || m.model === name,
        );
        if (found) digests[name] = found.digest;
      }
      // A re-pulled embedding model with new weights gives other vectors: its digest is its version.
      const embedDigest = digests[this.options.embedModel];
      if (embedDigest) this.embedder.identity.version = embedDigest.slice(0, 12);
      this.up = true;
      return {
        reachable: true,
        missing: wanted.filter((name) => !names.has(name) && !names.has(`${name}:latest`)),
        digests,
      };
    } catch {
      return { reachable: false, missing: [] };
    }
  }

  /** Embeds with the embedding model, with the task prefix `purpose` needs, in batches of 64. */
  async embed(texts: string[], purpose: EmbedPurpose, signal?: AbortSignal): Promise<number[][]> {
    const out: number[][] = [];
    const prefix = this.options.embedModel.startsWith("nomic-embed-text")
      ? NOMIC_PREFIXES[purpose]
      : "";
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      const input = texts.slice(i, i + EMBED_BATCH).map((text) => prefix + text);
      try {
        const response = await this.client(signal).embed({
          model: this.options.embedModel,
          input,
          keep_alive: this.options.keepAlive,
        });
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
        options: {
          num_ctx: this.options.contextTokens,
          num_predict: input.answerTokens ?? this.options.answerTokens,
        },
      });
      for await (const part of stream) {
        if (part.message.content) yield { type: "delta", text: part.message.content };
        if (part.done)
          yield {
            type: "done",
            promptTokens: part.prompt_eval_count ?? 0,
            completionTokens: part.eval_count ?? 0,
          };
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
      fetch(url, {
        ...init,
        signal:
          signal && init?.signal
            ? AbortSignal.any([signal, init.signal])
            : (signal ?? init?.signal),
      });
    return new Ollama({ host: this.options.host, fetch: boundFetch });
  }

  /** Our own aborts pass through untouched (fetch rejects with the signal's reason); the rest is wrapped. */
  private wrap(error: unknown, signal?: AbortSignal): unknown {
    if (signal?.aborted || isAbortError(error)) return signal?.reason ?? error;
    const message = error instanceof Error ? error.message : String(error);
    // fetch reports refused connections and DNS failures as TypeError("fetch failed").
    const unreachable = error instanceof TypeError;
    const wrapped = hasStatus(error)
      ? new UpstreamError(
          "ollama",
          error.status_code,
          `Ollama answered ${error.status_code}: ${message}`,
          error,
        )
      : new UpstreamError(
          "ollama",
          502,
          unreachable ? `Ollama is unreachable: ${message}` : `Ollama failed: ${message}`,
          error,
        );
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
