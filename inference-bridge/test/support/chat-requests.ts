// What the chat suite sends and reads: the body of each `POST /v1/chat` turn, the events of an answer's
// NDJSON stream, and a wait for a condition the bridge reaches on its own.
import { ChatEventSchema, type ChatEvent } from "@coach/contracts/bridge";
import { PERSONA, readNdjson } from "./harness";

/**
 * Bodies of chat requests for `tenant`: each differs (conversation id), since two identical signed
 * requests in one second are a replay.
 */
export function chatBodies(tenant: string) {
  let turn = 0;
  return (question: string, extra: Record<string, unknown> = {}) => {
    turn++;
    return {
      tenant_id: tenant,
      conversation_id: `c${turn}`,
      question,
      history: [],
      persona: PERSONA,
      retrieval: { k: 3, min_score: 0.2 },
      priority: "interactive",
      deadline_ms: 10_000,
      ...extra,
    };
  };
}

/** The answer's NDJSON lines, each checked against the contract's chat events. */
export async function chatEvents(response: Response): Promise<ChatEvent[]> {
  return (await readNdjson(response)).map((line) => ChatEventSchema.parse(line));
}

/** Resolves once `check` holds, checking every 10 ms; throws after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
