// One attempt at answering a turn: a signed `POST /v1/chat` to the bridge, its NDJSON events parsed
// and validated one by one and handed to the room as they arrive. The outcome tells the room
// whether the answer is complete, was stopped, or should be retried (and when).
import { ChatEventSchema, type ChatEvent, type ChatRequest } from "@coach/contracts/bridge";
import { callBridge, type BridgeEnv } from "../../worker/lib/bridge-client";
import { AppError } from "../../worker/lib/errors";

type DoneEvent = Extract<ChatEvent, { type: "done" }>;

/**
 * How long a bridge has to answer `/v1/chat` with a status. Its admission is synchronous — a refusal,
 * or the stream opening with `queued`, goes out at once however long the queue — so silence this long
 * means a frozen bridge (a stopped process, a stuck tunnel): the attempt fails and the turn goes to
 * another bridge instead of waiting out its whole deadline there.
 */
export const BRIDGE_RESPONSE_DEADLINE_MS = 8_000;

export type TurnOutcome =
  | { kind: "done"; event: DoneEvent }
  | { kind: "stopped"; partialText: string }
  | { kind: "retry"; reason: string; code: "coach_busy" | "coach_offline"; retryAfterMs?: number }
  | { kind: "failed"; reason: string };

/** What an attempt sends and where its events go, whoever answers it. */
export type AttemptOptions = {
  request: ChatRequest;
  requestId: string;
  signal: AbortSignal;
  /** Called for each event before `done` (queued, started, delta). */
  onEvent: (event: ChatEvent) => void;
};

export type RunTurnOptions = AttemptOptions & { env: BridgeEnv };

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield line;
      newline = buffered.indexOf("\n");
    }
  }
  const rest = (buffered + decoder.decode()).trim();
  if (rest) yield rest;
}

/** Runs one attempt; never throws for bridge trouble (that becomes a `retry` outcome). */
export async function runTurn(options: RunTurnOptions): Promise<TurnOutcome> {
  const { signal } = options;
  let partialText = "";
  let response: Response;
  const silent = new AbortController();
  const deadline = setTimeout(() => silent.abort(), BRIDGE_RESPONSE_DEADLINE_MS);
  try {
    response = await callBridge(options.env, {
      method: "POST",
      path: "/v1/chat",
      body: options.request,
      requestId: options.requestId,
      signal: AbortSignal.any([signal, silent.signal]),
      timeoutMs: options.request.deadline_ms + 5_000,
    });
  } catch (err) {
    if (signal.aborted) return { kind: "stopped", partialText };
    const reason = silent.signal.aborted
      ? `The bridge did not answer within ${BRIDGE_RESPONSE_DEADLINE_MS / 1000} s.`
      : err instanceof AppError
        ? err.message
        : "The bridge could not be reached.";
    return { kind: "retry", code: "coach_offline", reason };
  } finally {
    clearTimeout(deadline);
  }

  if (response.status === 429 || response.status === 503) {
    await response.body?.cancel();
    return {
      kind: "retry",
      code: "coach_busy",
      reason: `The bridge answered ${response.status}.`,
      retryAfterMs: retryAfterMs(response),
    };
  }
  if (!response.ok || !response.body) {
    const text = await response.text().catch(() => "");
    // 5xx and auth trouble may heal (a restart, a secret fixed); other 4xx mean this request is wrong.
    if (response.status >= 500 || response.status === 401) {
      return {
        kind: "retry",
        code: "coach_offline",
        reason: `The bridge answered ${response.status}: ${text.slice(0, 200)}`,
      };
    }
    return {
      kind: "failed",
      reason: `The bridge refused the request (${response.status}): ${text.slice(0, 200)}`,
    };
  }

  try {
    for await (const line of ndjsonLines(response.body)) {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return {
          kind: "retry",
          code: "coach_offline",
          reason: "The bridge sent a line that is not JSON.",
        };
      }
      const parsed = ChatEventSchema.safeParse(json);
      if (!parsed.success)
        return {
          kind: "retry",
          code: "coach_offline",
          reason: "The bridge sent an event that does not match the contract.",
        };
      const event = parsed.data;
      if (event.type === "done") return { kind: "done", event };
      if (event.type === "error") {
        return event.retryable
          ? { kind: "retry", code: "coach_busy", reason: `${event.code}: ${event.message}` }
          : { kind: "failed", reason: `${event.code}: ${event.message}` };
      }
      if (event.type === "delta") partialText += event.text;
      options.onEvent(event);
    }
  } catch {
    if (signal.aborted) return { kind: "stopped", partialText };
    return { kind: "retry", code: "coach_offline", reason: "The answer stream broke off." };
  }
  if (signal.aborted) return { kind: "stopped", partialText };
  return {
    kind: "retry",
    code: "coach_offline",
    reason: "The answer stream ended without a final event.",
  };
}
