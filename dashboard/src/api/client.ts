// JSON calls to the edge through the session. Each method takes a route of the contract map
// (@coach/contracts/api-routes) and answers that route's type, so no screen names a response type
// itself; anything but a 2xx becomes an ApiError.
import type { ApiMethod, ApiPath, ApiResponse } from "@coach/contracts/api-routes";
import { apiPath, type PathOptions, type Query } from "./api-path";
import { apiErrorFrom, networkError } from "./errors";
import type { Session } from "./session";

/** Options of a call: the route's parameters, a query, a JSON body where the method takes one, an abort signal. */
type CallOptions<P extends string> = PathOptions<P> & { body?: unknown; signal?: AbortSignal };

/** Options may be left out when the route has no parameters. */
type OptionsArg<P extends string> = [PathOptions<P>] extends [{ params: unknown }]
  ? [options: CallOptions<P>]
  : [options?: CallOptions<P>];

/** What the client itself passes on, once a call's types are checked. */
type SendOptions = {
  params?: Record<string, string>;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
};

type Call<M extends ApiMethod> = <P extends ApiPath<M>>(
  path: P,
  ...options: OptionsArg<P>
) => Promise<ApiResponse<M, P>>;

export type Api = {
  get: Call<"GET">;
  post: Call<"POST">;
  put: Call<"PUT">;
  patch: Call<"PATCH">;
  del: Call<"DELETE">;
  /** The bare response, for answers that are not JSON (a CSV) or whose refusal a screen reads itself. */
  raw<P extends string>(method: ApiMethod, path: P, ...options: OptionsArg<P>): Promise<Response>;
  session: Session;
};

/** The API bound to a session. 204 answers resolve to undefined. */
export function createApi(session: Session): Api {
  function send(method: ApiMethod, path: string, options: SendOptions = {}): Promise<Response> {
    const { body, signal } = options;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    return session.fetch(apiPath(path, options), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  }
  // A POST always carries a body (`{}` when the call gives none), as the edge's JSON routes expect.
  async function call(
    method: ApiMethod,
    path: string,
    options: SendOptions = {},
  ): Promise<unknown> {
    const res = await send(
      method,
      path,
      method === "POST" ? { ...options, body: options.body ?? {} } : options,
    );
    if (!res.ok) throw await apiErrorFrom(res);
    if (res.status === 204) return undefined;
    return res.json();
  }
  // The one place a body meets its type: the contract map says what the route answers, and
  // test/worker/routes/api-routes.types.ts holds the Worker to it.
  const method =
    <M extends ApiMethod>(name: M): Call<M> =>
    <P extends ApiPath<M>>(path: P, ...[options]: OptionsArg<P>) =>
      call(name, path, options) as Promise<ApiResponse<M, P>>;
  return {
    get: method("GET"),
    post: method("POST"),
    put: method("PUT"),
    patch: method("PATCH"),
    del: method("DELETE"),
    raw: (name, path, ...[options]) => send(name, path, options),
    session,
  };
}

async function publicCall(base: string, path: string, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, init);
  } catch {
    throw networkError();
  }
  if (!res.ok) throw await apiErrorFrom(res);
  return res.json();
}

/** Calls that need no session (sign-in, registration). */
export async function publicPost<P extends ApiPath<"POST">>(
  base: string,
  path: P,
  body: unknown,
): Promise<ApiResponse<"POST", P>> {
  return publicCall(base, apiPath(path, {}), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  }) as Promise<ApiResponse<"POST", P>>;
}

/** Reads that need no session (what an invitation link opens). */
export async function publicGet<P extends ApiPath<"GET">>(
  base: string,
  path: P,
  options: PathOptions<P> & { signal?: AbortSignal },
): Promise<ApiResponse<"GET", P>> {
  return publicCall(base, apiPath(path, options), { signal: options.signal }) as Promise<
    ApiResponse<"GET", P>
  >;
}
