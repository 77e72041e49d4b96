// GET /openapi.json (the API's OpenAPI 3.1 document, generated from the route table once per isolate)
// and GET /docs (a reference page that reads it).
import { Hono, type Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { DOCS_CSP, DOCS_CSS, DOCS_HTML, DOCS_JS } from "../openapi/docs-page";
import { openApiDocument } from "../openapi/document";

type RouteTable = readonly { method: string; path: string; handler: object }[];

/** The two routes, for the app whose `routes` they describe (passed lazily: the app mounts them). */
export function apiDocsRoutes(routes: () => RouteTable) {
  let document: Record<string, unknown> | null = null;
  const page = (body: string, type: string) => (c: Context<AppEnv>) =>
    c.body(body, 200, {
      "Content-Type": type,
      "Content-Security-Policy": DOCS_CSP,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    });
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => {
      document ??= openApiDocument(routes(), new URL(c.req.url).origin);
      c.header("Cache-Control", "public, max-age=300");
      c.header("Access-Control-Allow-Origin", "*");
      return c.json(document);
    })
    .get("/docs", page(DOCS_HTML, "text/html; charset=utf-8"))
    .get("/docs/docs.js", page(DOCS_JS, "text/javascript; charset=utf-8"))
    .get("/docs/docs.css", page(DOCS_CSS, "text/css; charset=utf-8"));
}
