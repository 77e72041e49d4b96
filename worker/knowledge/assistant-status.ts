// How the creator's assistant answers right now, from the bridge's own `/health`: with a language model
// (Ollama) or with the built-in answerer, which quotes the creator's material because no model runs on
// the home server. The dashboard says so in plain words and shows the next step.
import type { HealthResponse } from "@coach/contracts/bridge";
import { callBridgeIfReachable, type BridgeEnv } from "../lib/bridge-client";

/** The dashboard waits for this; a tunnel that hangs must not hold the screen. */
const HEALTH_TIMEOUT_MS = 3_000;

/** What `GET /api/v1/assistant/status` answers. */
export type AssistantStatus = {
  /** Whether the bridge answered its health check. */
  reachable: boolean;
  /** `ollama`: a language model writes the answers; `builtin`: they are quoted from the material. Null when unreachable. */
  mode: HealthResponse["mode"] | null;
  /** The bridge's own verdict (`degraded`: Ollama or Chroma is not answering it). Null when unreachable. */
  status: HealthResponse["status"] | null;
};

const UNREACHABLE: AssistantStatus = { reachable: false, mode: null, status: null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** Reads the bridge's health; its body is outside input, so anything unexpected reads as unreachable. */
export async function assistantStatus(env: BridgeEnv, requestId: string): Promise<AssistantStatus> {
  const response = await callBridgeIfReachable(env, {
    method: "GET",
    path: "/health",
    requestId,
    timeoutMs: HEALTH_TIMEOUT_MS,
  });
  if (!response) return UNREACHABLE;
  // A degraded bridge answers 503 with the same body, which still says which mode it runs in.
  const body: unknown = await response.json().catch(() => null);
  if (
    !isObject(body) ||
    (body.mode !== "ollama" && body.mode !== "builtin") ||
    (body.status !== "ok" && body.status !== "degraded")
  )
    return UNREACHABLE;
  return { reachable: true, mode: body.mode, status: body.status };
}
