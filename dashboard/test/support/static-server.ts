// A tiny static server for the built dashboard (every path that is not a file answers index.html, as
// Cloudflare Pages does with _redirects) and for the "creator sites" in the journeys.
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
};

export type Served = { url: string; close: () => Promise<void> };

function listen(server: Server, port: number): Promise<Served> {
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** Serves `dir` as a single-page app on `port` (0: any free port). */
export function serveSpa(dir: string, port = 0): Promise<Served> {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://local").pathname);
      const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
      const isFile = file.startsWith(dir) && (await stat(file).catch(() => null))?.isFile();
      const target = isFile ? file : path.join(dir, "index.html");
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(target)] ?? "application/octet-stream",
      });
      res.end(await readFile(target));
    })();
  });
  return listen(server, port);
}

/** Serves one HTML page at every path. */
export function serveHtml(html: string, port = 0): Promise<Served> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  return listen(server, port);
}

/**
 * Serves a creator's site of several pages on one origin: `pages` maps a path to its HTML, read at each
 * request, so a page added later (the one offering a program) is served from then on; others are 404.
 */
export function serveSite(pages: Map<string, string>, port = 0): Promise<Served> {
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? "/", "http://local").pathname);
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  return listen(server, port);
}
