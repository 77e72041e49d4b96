/**
 * An Ollama-protocol stand-in: a real HTTP server on 127.0.0.1 that speaks `/api/chat` (NDJSON
 * streaming), `/api/embed`, `/api/tags` and `/api/version`, so the bridge's production path — the real
 * `ollama` client — is exercised. Latency, token rate, parallelism, queue size and failures are settable,
 * and it counts what happened (including aborted generations) so tests can assert on it. It is as strict
 * as Ollama about the context window: prompts longer than `num_ctx` lose messages and then tokens from
 * the front exactly as Ollama drops them (ollama-context.ts), and it records what the model really saw.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { embedLexical } from "./hashed-embedding";
import {
  DEFAULT_NUM_CTX,
  fitToContext,
  type ContextOutcome,
  type WireMessage,
} from "./ollama-context";

export interface StandInSettings {
  /** Delay before the first token (prompt evaluation). */
  latencyMs: number;
  tokensPerSecond: number;
  /** Tokens per answer. */
  replyTokens: number;
  /** Words cycled to form the answer. */
  replyWords: string[];
  /** Generations served at once, like OLLAMA_NUM_PARALLEL. */
  parallel: number;
  /** Requests allowed to wait beyond `parallel`, like OLLAMA_MAX_QUEUE; past it: 503 "server busy". */
  maxQueue: number;
  embedLatencyMs: number;
  models: string[];
}

export interface StandInStats {
  chatStarted: number;
  chatCompleted: number;
  chatAborted: number;
  embedCalls: number;
  embedTexts: number;
  maxConcurrent: number;
  rejectedBusy: number;
  /** What the last chat's model saw, with the window and answer room it was asked for. */
  lastContext:
    (ContextOutcome & { numCtx: number; numPredict: number | null; messages: number }) | null;
  /** Chats whose prompt plus answer room overflowed the window (Ollama would shift the context mid-answer). */
  contextOverflows: number;
  /** The texts of the last embed call, as received. */
  lastEmbedInput: string[];
}

const DEFAULTS: StandInSettings = {
  latencyMs: 5,
  tokensPerSecond: 500,
  replyTokens: 8,
  replyWords: ["From", "the", "material", "[1]:", "keep", "going", "daily."],
  parallel: 1,
  maxQueue: 512,
  embedLatencyMs: 0,
  models: ["llama3.2:1b", "nomic-embed-text:latest"],
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => {
      try {
        resolve(
          parts.length
            ? (JSON.parse(Buffer.concat(parts).toString()) as Record<string, unknown>)
            : {},
        );
      } catch (error) {
        reject(error);
      }
    });
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A running stand-in. */
export class OllamaStandIn {
  readonly settings: StandInSettings;
  readonly stats: StandInStats = {
    chatStarted: 0,
    chatCompleted: 0,
    chatAborted: 0,
    embedCalls: 0,
    embedTexts: 0,
    maxConcurrent: 0,
    rejectedBusy: 0,
    lastContext: null,
    contextOverflows: 0,
    lastEmbedInput: [],
  };
  private active = 0;
  private waiting: Array<() => void> = [];
  private failures: Array<{ status: number; message: string }> = [];

  private constructor(
    private readonly server: Server,
    settings: Partial<StandInSettings>,
  ) {
    this.settings = { ...DEFAULTS, ...settings };
  }

  /** Starts a stand-in on a random port. */
  static async start(settings: Partial<StandInSettings> = {}): Promise<OllamaStandIn> {
    let standIn: OllamaStandIn | undefined;
    const server = createServer((req, res) => void standIn?.handle(req, res));
    standIn = new OllamaStandIn(server, settings);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return standIn;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next `count` chat or embed calls fail with `status` and Ollama's JSON error body. */
  failNext(
    count: number,
    status = 503,
    message = "server busy, please try again.  maximum pending requests exceeded",
  ): void {
    for (let i = 0; i < count; i++) this.failures.push({ status, message });
  }

  /** Nominal service time of one answer, from the settings. */
  serviceMs(): number {
    return (
      this.settings.latencyMs + (this.settings.replyTokens * 1000) / this.settings.tokensPerSecond
    );
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? "/";
    if (req.method === "GET" && path === "/api/version")
      return sendJson(res, 200, { version: "0.0.0-stand-in" });
    if (req.method === "GET" && path === "/api/tags") {
      const models = this.settings.models.map((name) => ({
        name,
        model: name,
        modified_at: new Date(0).toISOString(),
        size: 1,
        digest: "0",
        details: {},
      }));
      return sendJson(res, 200, { models });
    }
    const body = await readJson(req);
    const failure = this.failures.shift();
    if (failure) return sendJson(res, failure.status, { error: failure.message });
    if (req.method === "POST" && path === "/api/embed") return this.embed(body, res);
    if (req.method === "POST" && path === "/api/chat") return this.chat(body, res);
    sendJson(res, 404, { error: "not found" });
  }

  private async embed(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const input = body.input;
    const texts = Array.isArray(input) ? input.map(String) : [String(input ?? "")];
    this.stats.embedCalls++;
    this.stats.embedTexts += texts.length;
    this.stats.lastEmbedInput = texts;
    if (this.settings.embedLatencyMs > 0) await sleep(this.settings.embedLatencyMs);
    sendJson(res, 200, {
      model: body.model,
      embeddings: texts.map(embedLexical),
      total_duration: 1,
      load_duration: 0,
      prompt_eval_count: texts.length,
    });
  }

  private async chat(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    if (this.active >= this.settings.parallel && this.waiting.length >= this.settings.maxQueue) {
      this.stats.rejectedBusy++;
      return sendJson(res, 503, {
        error: "server busy, please try again.  maximum pending requests exceeded",
      });
    }
    let closed = false;
    res.on("close", () => {
      closed = !res.writableFinished;
    });
    if (this.active >= this.settings.parallel)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    this.stats.maxConcurrent = Math.max(this.stats.maxConcurrent, this.active);
    this.stats.chatStarted++;
    const options = (body.options ?? {}) as { num_ctx?: unknown; num_predict?: unknown };
    const numCtx = typeof options.num_ctx === "number" ? options.num_ctx : DEFAULT_NUM_CTX;
    const numPredict = typeof options.num_predict === "number" ? options.num_predict : null;
    const wire = (Array.isArray(body.messages) ? body.messages : []) as WireMessage[];
    const context = fitToContext(wire, numCtx);
    this.stats.lastContext = { ...context, numCtx, numPredict, messages: wire.length };
    // Without num_predict the answer may run to the window's end, and Ollama then shifts the context.
    if (context.promptTokens + (numPredict ?? numCtx) > numCtx) this.stats.contextOverflows++;
    try {
      res.writeHead(200, { "Content-Type": "application/x-ndjson" });
      const model = String(body.model ?? "");
      const line = (content: string, done: boolean): string =>
        `${JSON.stringify({ model, created_at: new Date().toISOString(), message: { role: "assistant", content }, done })}\n`;
      await sleep(this.settings.latencyMs);
      const gap = 1000 / this.settings.tokensPerSecond;
      const start = performance.now();
      for (let i = 0; i < this.settings.replyTokens; i++) {
        if (closed) break;
        const word = this.settings.replyWords[i % this.settings.replyWords.length] ?? "";
        res.write(line(`${i === 0 ? "" : " "}${word}`, false));
        // Pace tokens against the start time so timer jitter does not accumulate.
        const due = start + (i + 1) * gap - performance.now();
        if (due > 1) await sleep(due);
      }
      if (closed) {
        this.stats.chatAborted++;
        return;
      }
      res.end(
        JSON.stringify({
          model,
          created_at: new Date().toISOString(),
          message: { role: "assistant", content: "" },
          done: true,
          done_reason: "stop",
          total_duration: 1,
          load_duration: 0,
          prompt_eval_count: context.promptTokens,
          prompt_eval_duration: 1,
          eval_count: this.settings.replyTokens,
          eval_duration: 1,
        }) + "\n",
      );
      this.stats.chatCompleted++;
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
