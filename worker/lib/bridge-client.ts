// Calls from the edge to the inference bridge: every request signed (HMAC over timestamp, method,
// path and body hash; see contracts/src/signature.ts) and carrying the request id.
import { signRequest } from "@coach/contracts/signature";
import { AppError } from "./errors";

export type BridgeCall = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path with query, e.g. `/v1/chat`. */
  path: string;
  body?: unknown;
  requestId: string;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/** Sends a signed request to the bridge; network failures become a 503 `bridge_unreachable`. */
export async function callBridge(
  env: Pick<Env, "BRIDGE_URL" | "BRIDGE_SECRET">,
  call: BridgeCall,
): Promise<Response> {
  const body = call.body === undefined ? "" : JSON.stringify(call.body);
  const signature = await signRequest(env.BRIDGE_SECRET, {
    method: call.method,
    pathWithQuery: call.path,
    body,
  });
  const headers: Record<string, string> = { ...signature, "X-Request-Id": call.requestId };
  if (call.body !== undefined) headers["Content-Type"] = "application/json";
  const signals = [AbortSignal.timeout(call.timeoutMs ?? 30_000)];
  if (call.signal) signals.push(call.signal);
  try {
    return await fetch(new URL(call.path, env.BRIDGE_URL), {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : body,
      signal: AbortSignal.any(signals),
    });
  } catch (err) {
    throw new AppError(
      503,
      "bridge_unreachable",
      "The coach's inference server cannot be reached right now. Try again shortly.",
      {
        details: { cause: err instanceof Error ? err.name : "unknown" },
      },
    );
  }
}
