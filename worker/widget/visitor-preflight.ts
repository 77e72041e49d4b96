// CORS preflight for the routes visitors' browsers call from creators' sites. A preflight carries no
// body or token, so it cannot know the widget: it reflects the origin, never with credentials, and the
// request itself is where the origin is checked.
import type { Context } from "hono";

/** Answers a preflight for a POST that sends `allowHeaders`. */
export function visitorPreflight(c: Context, allowHeaders: string): Response {
  const origin = c.req.header("Origin");
  if (origin) {
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Vary", "Origin");
  }
  c.header("Access-Control-Allow-Methods", "POST");
  c.header("Access-Control-Allow-Headers", allowHeaders);
  c.header("Access-Control-Max-Age", "600");
  return c.body(null, 204);
}
