// Writes a step's message in the creator's voice: the step's prompt goes to the bridge at proactive
// (lowest chat) priority with a short deadline, and the step's own text is what goes out whenever the
// model cannot help in time (bridge busy, offline, slow, or answering with its fallback line). The
// model writes in the language a member chose for the contact, when one was chosen.
import type { ChatRequest } from "@coach/contracts/bridge";
import type { ContactLanguage } from "@coach/contracts/programs";
import { chosenLanguage } from "../../worker/db/contact-language";
import type { Logger } from "../../worker/lib/logger";
import { loadPersona } from "../../worker/persona/load-persona";
import { runTurn } from "../room/turn-runner";
import type { AgentIdentity } from "./agent-store";

/** A proactive message never waits long for the model: the step's text is a fine message too. */
export const COMPOSE_DEADLINE_MS = 8_000;

/** Whose message it is (the agent's contact), and the step's message to compose. */
export type ComposeInput = Pick<AgentIdentity, "tenantId" | "contactId"> & {
  messageId: string;
  text: string;
  prompt?: string;
};

/** The languages a member can choose for a contact, as the model is told them. */
const LANGUAGE_NAMES: Record<ContactLanguage, string> = {
  en: "English",
  es: "Spanish",
  pt: "Portuguese",
  fr: "French",
  de: "German",
};

function instruction(input: ComposeInput, language: ContactLanguage | null): string {
  return [
    "Write one short proactive coaching message to a user of this program, in your own voice.",
    `What to say: ${input.prompt}`,
    `Starting point, as the coach wrote it: "${input.text}"`,
    ...(language ? [`Write it in ${LANGUAGE_NAMES[language]}.`] : []),
    "Answer with the message only.",
  ].join("\n");
}

/** The message to send for a step: the model's, or the step's own text. */
export async function composeMessage(
  env: Env,
  input: ComposeInput,
  logger: Logger,
): Promise<string> {
  if (!input.prompt) return input.text;
  try {
    const { persona, version } = await loadPersona(env.DB, input.tenantId);
    const language = await chosenLanguage(env.DB, input.tenantId, input.contactId, logger);
    const request: ChatRequest = {
      tenant_id: input.tenantId,
      conversation_id: `coaching:${input.contactId}`,
      question: instruction(input, language),
      history: [],
      persona: { ...persona, answer_mode: "adaptive" },
      persona_version: version,
      retrieval: { k: 3, min_score: 0.35 },
      priority: "proactive",
      deadline_ms: COMPOSE_DEADLINE_MS,
      turn_id: input.messageId,
      attempt: 1,
    };
    const outcome = await runTurn({
      env,
      request,
      requestId: `coach-${input.messageId}`.slice(0, 128),
      signal: AbortSignal.timeout(COMPOSE_DEADLINE_MS),
      onEvent: () => {},
    });
    if (
      outcome.kind === "done" &&
      !outcome.event.fallback_used &&
      outcome.event.grounding !== "fallback" &&
      outcome.event.text.trim() !== ""
    ) {
      return outcome.event.text.trim();
    }
    logger.info("proactive message uses the step text", {
      message_id: input.messageId,
      outcome: outcome.kind,
    });
  } catch (err) {
    logger.warn("proactive message uses the step text", {
      message_id: input.messageId,
      error_message: err instanceof Error ? err.message : String(err),
    });
  }
  return input.text;
}
