// JSON calls to the edge through the session: a typed body on success, an ApiError otherwise.
import { apiErrorFrom, networkError } from "./errors";
import type { Session } from "./session";

export type Api = {
  get<T>(path: string, init?: { signal?: AbortSignal }): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  del<T>(path: string, body?: unknown): Promise<T>;
  session: Session;
};

/** The API bound to a session. 204 answers resolve to undefined. */
export function createApi(session: Session): Api {
  async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await session.fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    if (!res.ok) throw await apiErrorFrom(res);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }
  return {
    get: (path, init) => call("GET", path, undefined, init?.signal),
    post: (path, body) => call("POST", path, body ?? {}),
    put: (path, body) => call("PUT", path, body),
    patch: (path, body) => call("PATCH", path, body),
    del: (path, body) => call("DELETE", path, body),
    session,
  };
}

/** Calls that need no session (sign-in, registration). */
export async function publicPost<T>(base: string, path: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await apiErrorFrom(res);
  return (await res.json()) as T;
}
