// A receiver for outgoing webhooks in the edge tests (Node, real HTTP). `POST /hooks/<name>` records the
// request (headers and raw body) and answers 204; `/hooks/<name>/fail-<n>` answers 500 to the first n
// requests for that name, then 204; `/hooks/<name>/redirect` answers 302 to the tripwire.
// `GET /__received?name=<name>` answers what one name received.
// Beside it: a DNS-over-HTTPS stand-in (`GET /dns-query`, the JSON API; answers in dns-stand-in.ts;
// `POST /__dns?name=&address=` gives a name an IPv4 address, as a DNS change or rebinding would),
// and a tripwire, a bare TCP listener that only counts connections (`GET /__tripwire`
// answers its port and count): a webhook to an internal address must never reach it.
import { createServer, type Server } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { dnsAnswer } from "./dns-stand-in";

export type ReceivedWebhook = {
  name: string;
  headers: Record<string, string>;
  body: string;
  status: number;
  at: number;
};

/** Starts the receiver on `port`; resolves to a stop function. */
export async function startWebhookReceiver(port: number): Promise<() => Promise<void>> {
  const received: ReceivedWebhook[] = [];
  const dnsSet = new Map<string, string>();
  let tripped = 0;
  const tripwire = createTcpServer((socket) => {
    tripped++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => tripwire.listen(0, "127.0.0.1", resolve));
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://receiver");
      if (req.method === "GET" && url.pathname === "/__received") {
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify(received.filter((r) => r.name === url.searchParams.get("name"))));
        return;
      }
      if (req.method === "GET" && url.pathname === "/__tripwire") {
        res.writeHead(200, { "Content-Type": "application/json" }).end(
          JSON.stringify({
            port: (tripwire.address() as AddressInfo).port,
            connections: tripped,
          }),
        );
        return;
      }
      if (req.method === "POST" && url.pathname === "/__dns") {
        dnsSet.set(
          (url.searchParams.get("name") ?? "").toLowerCase(),
          url.searchParams.get("address") ?? "",
        );
        res.writeHead(204).end();
        return;
      }
      if (req.method === "GET" && url.pathname === "/dns-query") {
        const answer = dnsAnswer(
          url.searchParams.get("name") ?? "",
          url.searchParams.get("type") === "AAAA" ? 28 : 1,
          dnsSet,
        );
        res.writeHead(200, { "Content-Type": "application/dns-json" }).end(JSON.stringify(answer));
        return;
      }
      const match = /^\/hooks\/([\w-]+?)(?:\/fail-(\d+)|\/(redirect))?$/.exec(url.pathname);
      if (req.method !== "POST" || !match) {
        res.writeHead(404).end();
        return;
      }
      const parts: Buffer[] = [];
      for await (const part of req) parts.push(part as Buffer);
      const name = match[1] ?? "";
      const failures = Number(match[2] ?? 0);
      const status = match[3]
        ? 302
        : received.filter((r) => r.name === name).length < failures
          ? 500
          : 204;
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
      );
      received.push({
        name,
        headers,
        body: Buffer.concat(parts).toString(),
        status,
        at: Date.now(),
      });
      // A redirect points at the tripwire: following it would be reaching an internal address.
      if (status === 302)
        res
          .writeHead(302, {
            Location: `http://127.0.0.1:${(tripwire.address() as AddressInfo).port}/`,
          })
          .end();
      else
        res
          .writeHead(status)
          .end(status === 500 ? "temporarily broken: stack trace of the endpoint" : undefined);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => tripwire.close(() => resolve()));
  };
}
