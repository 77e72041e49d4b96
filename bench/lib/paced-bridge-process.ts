// A stand-in inference bridge as a process of its own, for the capacity benchmark: it speaks the
// bridge's `/v1/chat` and `/health` wire protocol (contracts/src/bridge.ts: the body validated, NDJSON
// queued → started → delta… → done, each with the load), admits with the bridge's own admission queue
// (inference-bridge/src/queue.ts: one generation at a time, refusals as 429 with Retry-After), and
// paces each answer like llama3.2:1b on a small CPU: the prompt processed at one rate before the first
// token, the answer generated at another. Its clock runs `timeScale` times faster than real time, so a
// benchmark covers many model-minutes in a few real ones: every figure it reports (load, timings,
// Retry-After) is in model time, as a real bridge's would be. Settings come as JSON in
// PACED_BRIDGE_SETTINGS; prints one line, `{"url": …}`, once it listens.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ChatRequestSchema,
  NDJSON_CONTENT_TYPE,
  type ChatEvent,
  type HealthResponse,
} from "@coach/contracts/bridge";
import { AdmissionQueue } from "../../inference-bridge/src/queue";

export type PacedBridgeSettings = {
  promptTokens: number;
  answerTokens: number;
  promptTokensPerSecond: number;
  generationTokensPerSecond: number;
  timeScale: number;
  /** The bridge's BRIDGE_QUEUE_MAX_WAIT_MS, in model time. */
  maxWaitMs: number;
};

const settings = JSON.parse(process.env.PACED_BRIDGE_SETTINGS ?? "{}") as PacedBridgeSettings;
/** Model time, in ms. */
const modelNow = (): number => performance.now() * settings.timeScale;
/** Real time for a model-time duration. */
const real = (modelMs: number): number => modelMs / settings.timeScale;
const promptMs = (settings.promptTokens / settings.promptTokensPerSecond) * 1000;
const tokenMs = 1000 / settings.generationTokensPerSecond;
/** Deltas go out at most this often (real time), carrying the tokens generated since the last one. */
const DELTA_EVERY_MS = 40;

const queue = new AdmissionQueue({
  concurrency: 1, // Ollama's default: one generation at a time
  maxWaitMs: settings.maxWaitMs,
  maxDepth: 256,
  tenantMaxDepth: 16,
  agingMs: 10_000,
  initialServiceMs: { interactive: promptMs + tokenMs * settings.answerTokens },
  now: modelNow,
});

/** Sleeps `modelMs` of model time, or until `signal` aborts. */
const sleep = (modelMs: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, real(modelMs));
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

async function readBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  try {
    return JSON.parse(Buffer.concat(parts).toString()) as unknown;
  } catch {
    return null;
  }
}

async function chat(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = ChatRequestSchema.safeParse(await readBody(req));
  if (!parsed.success) {
    res.writeHead(400, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "invalid_request", message: parsed.error.message } }));
    return;
  }
  const client = new AbortController();
  res.on("close", () => client.abort());
  const admission = queue.admit({
    tenantId: parsed.data.tenant_id,
    priority: "interactive",
    deadlineMs: parsed.data.deadline_ms,
    signal: client.signal,
  });
  if (!admission.ok) {
    const { error } = admission;
    res.writeHead(error.status, {
      "Content-Type": "application/json",
      "Retry-After": String(error.options.retryAfterSeconds ?? 1),
    });
    res.end(JSON.stringify({ error: { code: error.code, message: error.message } }));
    return;
  }
  res.writeHead(200, { "Content-Type": NDJSON_CONTENT_TYPE, "Cache-Control": "no-store" });
  const send = (event: ChatEvent) => res.write(`${JSON.stringify(event)}\n`);
  send({
    type: "queued",
    position: admission.position,
    estimated_wait_ms: admission.estimatedWaitMs,
    load: queue.load(),
  });
  const arrived = modelNow();
  let lease;
  try {
    lease = await admission.slot;
  } catch {
    res.end();
    return;
  }
  send({ type: "started", queue_wait_ms: Math.round(lease.queueWaitMs) });
  const started = modelNow();
  await sleep(promptMs, lease.signal);
  const ttft = modelNow() - arrived;
  let written = 0;
  let text = "";
  while (written < settings.answerTokens && !lease.signal.aborted) {
    const due = Math.min(
      settings.answerTokens,
      Math.max(written + 1, Math.floor((modelNow() - started - promptMs) / tokenMs)),
    );
    const delta = " word".repeat(due - written);
    written = due;
    text += delta;
    send({ type: "delta", text: delta });
    if (written < settings.answerTokens)
      await sleep(DELTA_EVERY_MS * settings.timeScale, lease.signal);
  }
  if (lease.signal.aborted) {
    lease.release("cancelled");
    res.end();
    return;
  }
  lease.release("ok");
  const total = modelNow() - arrived;
  send({
    type: "done",
    text,
    citations: [],
    confidence: 0.8,
    model: "llama3.2:1b (paced stand-in)",
    fallback_used: false,
    grounding: "material",
    prompt_tokens: settings.promptTokens,
    completion_tokens: settings.answerTokens,
    timings: {
      queue_wait_ms: Math.round(lease.queueWaitMs),
      retrieval_ms: 0,
      ttft_ms: Math.round(ttft),
      total_ms: Math.round(total),
    },
    load: queue.load(),
  });
  res.end();
}

function health(res: ServerResponse): void {
  const stats = queue.stats();
  const body: HealthResponse = {
    status: "ok",
    mode: "ollama",
    ollama: { reachable: true, models_present: true },
    chroma: { reachable: true },
    queue: {
      depth: stats.depth,
      running: stats.running,
      concurrency: stats.concurrency,
      draining: stats.draining,
    },
    load: queue.load(),
  };
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/v1/chat") {
    void chat(req, res);
    return;
  }
  if (req.method === "GET" && req.url === "/health") return health(res);
  res.writeHead(404).end();
});
server.keepAliveTimeout = 30_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` }));
});
process.on("SIGTERM", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
