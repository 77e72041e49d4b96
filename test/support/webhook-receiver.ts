// A receiver for outgoing webhooks in the edge tests (Node, real HTTP). `POST /hooks/<name>` records the
// request (headers and raw body) and answers 204; `/hooks/<name>/fail-<n>` answers 500 to the first n
// requests for that name, then 204. `GET /__received?name=<name>` answers what one name received.
import { createServer, type Server } from "node:http";

export type ReceivedWebhook = { name: string; headers: Record<string, string>; body: string; status: number; at: number };

/** Starts the receiver on `port`; resolves to a stop function. */
export async function startWebhookReceiver(port: number): Promise<() => Promise<void>> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://receiver");
      if (req.method === "GET" && url.pathname === "/__received") {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(received.filter((r) => r.name === url.searchParams.get("name"))));
        return;
      }
      const match = /^\/hooks\/([\w-]+?)(?:\/fail-(\d+))?$/.exec(url.pathname);
      if (req.method !== "POST" || !match) {
        res.writeHead(404).end();
        return;
      }
      const parts: Buffer[] = [];
      for await (const part of req) parts.push(part as Buffer);
      const name = match[1] ?? "";
      const failures = Number(match[2] ?? 0);
      const status = received.filter((r) => r.name === name).length < failures ? 500 : 204;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ name, headers, body: Buffer.concat(parts).toString(), status, at: Date.now() });
      res.writeHead(status).end(status === 500 ? "temporarily broken" : undefined);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
