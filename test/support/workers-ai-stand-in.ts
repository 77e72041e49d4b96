// A loopback stand-in for Workers AI's REST API, for the REST adapter (worker/lib/workers-ai-rest.ts).
// What it accepts and generates is the rules module both stand-ins share (workers-ai-rules.ts); on top,
// what the REST API adds (each pinned by test/worker/overflow/workers-ai-stand-in.test.ts):
// - `POST /client/v4/accounts/{account_id}/ai/run/{model}` only, with `Authorization: Bearer <token>`
//   of that account; otherwise 401 in Cloudflare's API envelope, code 10000 "Authentication error".
// - A refusal travels in that envelope, `{success: false, errors: [{code, message}]}`, with the
//   status of the Workers AI errors table and the message prefixed `AiError: `.
// - `stream: true` answers the rules' server-sent events as `text/event-stream`; otherwise
//   `{result: {response, usage}, success: true, errors: [], messages: []}`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { checkModel, generate, sseEvents, TOKEN_DELAY_MS } from "./workers-ai-rules";

function envelope(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(
    JSON.stringify({ success: false, errors: [{ code, message }], messages: [], result: null }),
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startWorkersAiStandIn(
  port: number,
  accountId: string,
  token: string,
): Promise<() => Promise<void>> {
  const runPath = /^\/client\/v4\/accounts\/([^/]+)\/ai\/run\/(.+)$/;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const route = runPath.exec(url.pathname);
    if (req.method !== "POST" || !route) return envelope(res, 404, 7000, "No route for that URI");
    const [, account, model = ""] = route;
    if (req.headers.authorization !== `Bearer ${token}` || account !== accountId)
      return envelope(res, 401, 10000, "Authentication error");
    // An unknown model is refused before the body is read, as the route names it.
    const unknown = checkModel(model);
    if (unknown) return envelope(res, unknown.status, unknown.code, `AiError: ${unknown.message}`);
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return envelope(res, 400, 5006, "AiError: Bad input: the body is not JSON");
    }
    const result = generate(model, body);
    if ("code" in result)
      return envelope(res, result.status, result.code, `AiError: ${result.message}`);
    const streamed = typeof body === "object" && body !== null && "stream" in body && body.stream;
    if (streamed !== true) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          result: { response: result.pieces.join(""), usage: result.usage },
          success: true,
          errors: [],
          messages: [],
        }),
      );
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const event of sseEvents(result)) {
      if (res.destroyed) return;
      res.write(event);
      await new Promise((resolve) => setTimeout(resolve, TOKEN_DELAY_MS));
    }
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) envelope(res, 500, 3001, "Internal server error");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
