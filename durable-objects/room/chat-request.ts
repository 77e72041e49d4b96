// What a turn asks the bridge: the question with the conversation's recent history, the workspace's
// persona and the retrieval and deadline settings. Separate from answering the turn, which only sends it.
// The kinds of personal data the workspace chose (card numbers and IBANs unless it chose otherwise) are
// masked in what people wrote before it leaves the edge for the model.
import type { ChatRequest } from "@coach/contracts/bridge";
import { maskSelectedData } from "@coach/contracts/personal-data";
import { loadPersona } from "../../worker/persona/load-persona";
import { loadSafetySettings } from "../../worker/safety/safety-settings";
import type { PendingTurn } from "./outbox";
import type { TurnProcessorDeps } from "./turn-processor";

export async function chatRequest(
  deps: Pick<TurnProcessorDeps, "env" | "log" | "meta" | "settings">,
  turn: PendingTurn,
  question: string,
): Promise<ChatRequest> {
  const meta = deps.meta();
  const [{ persona, version }, { redaction }] = await Promise.all([
    loadPersona(deps.env.DB, meta.tenantId),
    loadSafetySettings(deps.env.DB, meta.tenantId),
  ]);
  const history = deps.log
    .before(turn.userSeq, deps.settings.historyMessages)
    .filter(
      (m) => (m.role === "user" || m.role === "assistant" || m.role === "creator") && m.text !== "",
    )
    .map((m) => ({
      role: m.role === "user" ? ("user" as const) : ("assistant" as const),
      content: maskSelectedData(m.text, redaction),
    }));
  return {
    tenant_id: meta.tenantId,
    conversation_id: meta.conversationId,
    question: maskSelectedData(question, redaction),
    history,
    persona,
    persona_version: version,
    retrieval: { k: 4 }, // the bridge applies its embedder's own similarity threshold
    priority: "interactive",
    deadline_ms: deps.settings.deadlineMs,
    turn_id: turn.turnId,
    attempt: turn.attempts + 1,
  };
}
