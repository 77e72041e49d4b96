// The local demo site: serves widget/demo/ on its own origin (DEMO_PORT), like a creator's web site,
// with the embed snippet filled in (edge URL, the demo widget's public key, a fresh nonce per page) and
// a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') that the widget must live with.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

const DEMO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../widget/demo");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
};
const FILES = new Set(["/index.html", "/demo.css", "/demo.js"]);

/** The policy a creator's site needs for the widget: the edge for scripts and connections, nothing inline. */
export function demoCsp(edgeUrl, nonce) {
  const edge = new URL(edgeUrl);
  const socket = `${edge.protocol === "https:" ? "wss:" : "ws:"}//${edge.host}`;
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' ${edge.origin}`,
    "style-src 'self'",
    `connect-src 'self' ${edge.origin} ${socket}`,
    "img-src 'self' https:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Starts the demo site on `host:port`; resolves to `{ url, close }`. */
export function startDemoServer({ port, host = "127.0.0.1", edgeUrl, publicKey }) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://demo.local");
    const file = url.pathname === "/" ? "/index.html" : url.pathname;
    // Browsers ask for one on every page; the demo has none.
    if (file === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== "GET" || !FILES.has(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
      return;
    }
    let body = readFileSync(path.join(DEMO_DIR, file), "utf8");
    const headers = { "Content-Type": TYPES[path.extname(file)], "Cache-Control": "no-store" };
    if (file === "/index.html") {
      const nonce = randomBytes(16).toString("base64");
      body = body
        .replaceAll("{{EDGE_URL}}", edgeUrl)
        .replaceAll("{{PUBLIC_KEY}}", publicKey)
        .replaceAll("{{NONCE}}", nonce);
      headers["Content-Security-Policy"] = demoCsp(edgeUrl, nonce);
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () =>
      resolve({
        url: `http://${host === "127.0.0.1" ? "localhost" : host}:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
  });
}
