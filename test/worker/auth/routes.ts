// The app's own route table, as the matrix tests walk it: every concrete route under /api/v1.
import { app } from "../../../worker/index";
import { ROUTE_PERMISSIONS, type RouteRequirement } from "../../../worker/auth/permissions";

export type ApiRoute = {
  method: string;
  path: string;
  key: string;
  requirement: RouteRequirement | undefined;
};

/** Every method+path served under /api/v1 (middleware entries excluded), with its matrix entry. */
export function apiRoutes(): ApiRoute[] {
  const seen = new Map<string, ApiRoute>();
  for (const route of app.routes) {
    if (route.method === "ALL" || !route.path.startsWith("/api/v1/") || route.path.endsWith("*"))
      continue;
    const path = route.path.replace(/\/$/, "") || "/";
    const key = `${route.method} ${path}`;
    seen.set(key, { method: route.method, path, key, requirement: ROUTE_PERMISSIONS[key] });
  }
  return [...seen.values()];
}

/** The protected routes (anything but "public"). */
export function protectedRoutes(): ApiRoute[] {
  return apiRoutes().filter((r) => r.requirement !== "public");
}

/** A concrete URL for a route, each `:param` replaced by `ids[param]` or a random id. */
export function concretePath(path: string, ids: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z_]+)/g, (_, name: string) => ids[name] ?? crypto.randomUUID());
}

/** Whether a route takes a JSON body. */
export function sendsBody(method: string): boolean {
  return method === "POST" || method === "PUT" || method === "PATCH";
}
