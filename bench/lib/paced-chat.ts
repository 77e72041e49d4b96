// One attempt at a turn on a paced stand-in bridge, for the capacity benchmark: `POST /v1/chat`, its
// NDJSON events validated against the bridge contract, and what became of it in the router's terms
// (answered with the bridge's own timings and load, busy with its Retry-After, or failed), as the
// room's turn runner reports it (durable-objects/room/turn-runner.ts).
import { ChatEventSchema, type ChatEvent, type ChatRequestInput } from "@coach/contracts/bridge";

type DoneEvent = Extract<ChatEvent, { type: "done" }>;

export type BridgeAttempt =
  { kind: "done"; event: DoneEvent } | { kind: "busy"; retryAfterMs: number } | { kind: "failed" };

/** Sends `body` to the bridge at `url`; `onFirstToken` runs at the first delta. Never throws but for an abort. */
export async function attemptOnBridge(
  url: string,
  body: ChatRequestInput,
  signal: AbortSignal,
  onFirstToken: () => void,
): Promise<BridgeAttempt> {
  let response: Response;
  try {
    response = await fetch(`${url}/v1/chat`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    return { kind: "failed" };
  }
  if (response.status === 429 || response.status === 503) {
    await response.body?.cancel();
    return { kind: "busy", retryAfterMs: Number(response.headers.get("retry-after") ?? 1) * 1000 };
  }
  if (!response.ok || !response.body) return { kind: "failed" };
  let buffered = "";
  let first = true;
  try {
    for await (const chunk of response.body) {
      buffered += Buffer.from(chunk).toString();
      let newline = buffered.indexOf("\n");
      while (newline >= 0) {
        const event = ChatEventSchema.parse(JSON.parse(buffered.slice(0, newline)));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf("\n");
        if (event.type === "delta" && first) {
          first = false;
          onFirstToken();
        }
        if (event.type === "done") return { kind: "done", event };
      }
    }
  } catch {
    // A stream cut off (or the run stopped): the caller tells the two apart by its signal.
  }
  return { kind: "failed" };
}
