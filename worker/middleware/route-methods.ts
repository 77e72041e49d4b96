// Which methods a path is served under, read from the app's own route table, so 405 needs no upkeep.
import type { RouterRoute } from "hono/types";

const cache = new Map<string, RegExp>();

// Hono paths: `:name`, `:name{regex}`, `:name?` and a trailing or inner `*`.
function toRegExp(path: string): RegExp {
  const cached = cache.get(path);
  if (cached) return cached;
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return "[^]*";
      const param = /^:[^{?]+(?:\{(.+)\})?(\?)?$/.exec(segment);
      if (param) return param[2] ? `(?:${param[1] ?? "[^/]+"})?` : (param[1] ?? "[^/]+");
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  const re = new RegExp(`^${source}/?$`);
  cache.set(path, re);
  return re;
}

/** The concrete methods (not middleware) registered for routes matching `path`. */
export function allowedMethods(routes: readonly RouterRoute[], path: string): string[] {
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === "ALL" || route.path.endsWith("*")) continue;
    if (toRegExp(route.path).test(path)) methods.add(route.method);
  }
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}
