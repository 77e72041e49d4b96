// Calls from the edge to the inference bridge: every request signed (HMAC over timestamp, method,
// path and body hash; see contracts/src/signature.ts) and carrying the request id. When the tunnel's
// hostname sits behind Cloudflare Access, every call also carries the Access service token.
import { signRequest } from "@coach/contracts/signature";
import { AppError } from "./errors";

/** What a call to the bridge needs from the environment. */
export type BridgeEnv = Pick<
  Env,
  "BRIDGE_URL" | "BRIDGE_SECRET" | "BRIDGE_ACCESS_CLIENT_ID" | "BRIDGE_ACCESS_CLIENT_SECRET"
>;

export type BridgeCall = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path with query, e.g. `/v1/chat`. */
  path: string;
  /** JSON-encoded unless it is bytes, which go as they are (`application/octet-stream`). */
  body?: unknown;
  requestId: string;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/**
 * The Access service token's headers, or none when Access is off (`BRIDGE_ACCESS_CLIENT_ID` empty).
 * A client id without its secret is a deployment mistake that would look like an outage; say so.
 */
export function accessHeaders(env: BridgeEnv): Record<string, string> {
  const id = env.BRIDGE_ACCESS_CLIENT_ID.trim();
  if (!id) return {};
  // A secret that was never put is absent at run time, whatever the generated type says.
  const secret: string | undefined = env.BRIDGE_ACCESS_CLIENT_SECRET;
  if (!secret)
    throw new AppError(
      500,
      "configuration_invalid",
      "BRIDGE_ACCESS_CLIENT_ID is set but BRIDGE_ACCESS_CLIENT_SECRET is not: put the Access service token's secret with `wrangler secret put BRIDGE_ACCESS_CLIENT_SECRET`.",
    );
  return { "CF-Access-Client-Id": id, "CF-Access-Client-Secret": secret };
}

function unreachable(cause: string): AppError {
  return new AppError(
    503,
    "bridge_unreachable",
    "The coach's inference server cannot be reached right now. Try again shortly.",
    { details: { cause } },
  );
}

/**
 * Sends a signed request to the bridge; network failures become a 503 `bridge_unreachable`, and
 * Cloudflare Access turning the call away (its login redirect) a 503 `bridge_access_refused`.
 */
export async function callBridge(env: BridgeEnv, call: BridgeCall): Promise<Response> {
  const bytes = call.body instanceof Uint8Array;
  const body: string | Uint8Array =
    call.body === undefined
      ? ""
      : call.body instanceof Uint8Array
        ? call.body
        : JSON.stringify(call.body);
  const signature = await signRequest(env.BRIDGE_SECRET, {
    method: call.method,
    pathWithQuery: call.path,
    body,
  });
  const headers: Record<string, string> = {
    ...accessHeaders(env),
    ...signature,
    "X-Request-Id": call.requestId,
  };
  if (call.body !== undefined)
    headers["Content-Type"] = bytes ? "application/octet-stream" : "application/json";
  const signals = [AbortSignal.timeout(call.timeoutMs ?? 30_000)];
  if (call.signal) signals.push(call.signal);
  let response: Response;
  try {
    response = await fetch(new URL(call.path, env.BRIDGE_URL), {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : body,
      signal: AbortSignal.any(signals),
      // Access answers a missing or wrong service token with a redirect to its login page; followed,
      // that page would read as the bridge's answer.
      redirect: "manual",
    });
  } catch (err) {
    throw unreachable(err instanceof Error ? err.name : "unknown");
  }
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    throw new AppError(
      503,
      "bridge_access_refused",
      "Cloudflare Access turned the edge away from the coach's inference server: check BRIDGE_ACCESS_CLIENT_ID and BRIDGE_ACCESS_CLIENT_SECRET against the Access application's service token policy.",
      { details: { status: response.status } },
    );
  }
  return response;
}

/**
 * `callBridge` for callers that carry on without this bridge: null when it cannot be reached or the
 * edge is turned away (any `AppError` of `callBridge`), instead of throwing.
 */
export async function callBridgeIfReachable(
  env: BridgeEnv,
  call: BridgeCall,
): Promise<Response | null> {
  try {
    return await callBridge(env, call);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}
