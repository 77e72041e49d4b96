// A stand-in for Workers AI's REST API as a process of its own, for the capacity benchmark's overflow:
// it speaks the route and stream the edge's client uses (worker/lib/workers-ai-client.ts, checked
// strictly as test/support/workers-ai-stand-in.ts is: the account and bearer token, a known model, a
// non-empty `messages` list) and paces each answer in model time — a fixed time to first token, then
// tokens at a steady rate — with the published rate limit of text generation (300 requests a minute,
// developers.cloudflare.com/workers-ai/platform/limits) answered as a 429 in Cloudflare's envelope.
// It counts the answers it finished, which the benchmark holds against the workspace's daily budget.
// Settings come as JSON in PACED_WORKERS_AI_SETTINGS; prints one line, `{"url": …}`, once it listens.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type PacedWorkersAiSettings = {
  accountId: string;
  token: string;
  model: string;
  ttftMs: number;
  tokensPerSecond: number;
  answerTokens: number;
  requestsPerMinute: number;
  timeScale: number;
};

const settings = JSON.parse(
  process.env.PACED_WORKERS_AI_SETTINGS ?? "{}",
) as PacedWorkersAiSettings;
const modelNow = (): number => performance.now() * settings.timeScale;
const sleep = (modelMs: number) =>
  new Promise((resolve) => setTimeout(resolve, modelMs / settings.timeScale));
/** Pieces go out at most this often (real time), each carrying the tokens generated since the last. */
const PIECE_EVERY_MS = 40;

const stats = { answers: 0, refused_rate_limit: 0, refused_invalid: 0 };
/** Start times (model ms) of the requests of the last minute, for the rate limit. */
let recent: number[] = [];

function envelope(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(
    JSON.stringify({ success: false, errors: [{ code, message }], messages: [], result: null }),
  );
}

async function readJson(req: IncomingMessage): Promise<{ messages?: unknown }> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  try {
    return JSON.parse(Buffer.concat(parts).toString()) as { messages?: unknown };
  } catch {
    return {};
  }
}

async function run(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const expected = `/client/v4/accounts/${settings.accountId}/ai/run/${settings.model}`;
  if (req.method !== "POST" || req.url !== expected)
    return envelope(res, 404, 7000, "No route for that URI");
  if (req.headers.authorization !== `Bearer ${settings.token}`)
    return envelope(res, 401, 10000, "Authentication error");
  const body = await readJson(req);
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    stats.refused_invalid++;
    return envelope(res, 400, 5006, "AiError: Bad input: Error: oneOf at '/' not met");
  }
  const now = modelNow();
  recent = recent.filter((at) => now - at < 60_000);
  if (recent.length >= settings.requestsPerMinute) {
    stats.refused_rate_limit++;
    return envelope(res, 429, 3040, "Capacity temporarily exceeded, please try again.");
  }
  recent.push(now);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  await sleep(settings.ttftMs);
  const started = modelNow();
  let written = 0;
  while (written < settings.answerTokens && !res.destroyed) {
    const due = Math.min(
      settings.answerTokens,
      Math.max(written + 1, Math.floor(((modelNow() - started) * settings.tokensPerSecond) / 1000)),
    );
    res.write(`data: ${JSON.stringify({ response: " word".repeat(due - written) })}\n\n`);
    written = due;
    if (written < settings.answerTokens) await sleep(PIECE_EVERY_MS * settings.timeScale);
  }
  if (res.destroyed) return;
  stats.answers++;
  res.end("data: [DONE]\n\n");
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/__stand-in/stats") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats));
    return;
  }
  void run(req, res);
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
