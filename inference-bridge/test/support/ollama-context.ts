/**
 * The context window as Ollama enforces it, for the Ollama stand-in. Ollama renders a chat through the
 * model's template and counts the prompt with the model's tokenizer; when it exceeds `num_ctx`:
 *  1. server/prompt.go `chatPrompt` drops whole messages from the front — keeping every system message
 *     and always the last message — until the rendered prompt fits;
 *  2. if it still does not fit, the runner (runner/llamarunner/runner.go `NewSequence`) keeps the first
 *     `num_keep` tokens (default 4, plus the BOS token) and the tail, silently dropping the middle
 *     ("truncating input prompt … keep=4").
 * Without `num_ctx` in the request the model's default applies: 2048 in Ollama's Modelfile
 * documentation (newer versions may choose 4096 by memory), so the stand-in uses the stricter 2048.
 * Llama 3.2's template puts all system messages together, joined by blank lines, after a preamble
 * ("Cutting Knowledge Date: …"); special tokens such as <|eot_id|> count one token each.
 */
import tokenizer from "llama3-tokenizer-js";

/** Ollama's default `num_ctx` when a request sends none (the strict documented value). */
export const DEFAULT_NUM_CTX = 2048;
/** Ollama's default `num_keep`. */
const NUM_KEEP = 4;
const PREAMBLE = "Cutting Knowledge Date: December 2023\n\n";

/** A chat message as Ollama receives it. */
export interface WireMessage {
  role: string;
  content: string;
}

/** What the model really saw. */
export interface ContextOutcome {
  /** Tokens evaluated (Ollama's `prompt_eval_count`). */
  promptTokens: number;
  /** The prompt text the model saw, after any truncation (special tokens left out). */
  seenText: string;
  /** Messages dropped from the front by chatPrompt. */
  droppedMessages: number;
  /** Tokens cut from the middle by the runner. */
  cutTokens: number;
}

function count(text: string): number {
  return tokenizer.encode(text, { bos: false, eos: false }).length;
}

/** Renders like Llama 3.2's template: [text parts, special-token count]. */
function render(messages: readonly WireMessage[]): { text: string; specials: number } {
  const system = messages
    .filter((m) => m.role === "system")
    .map((m) => m.content)
    .join("\n\n");
  let text = `system\n\n${PREAMBLE}${system}`;
  // BOS, the system header's two markers and its end of turn.
  let specials = 4;
  for (const m of messages.filter((x) => x.role !== "system")) {
    text += `${m.role}\n\n${m.content}`;
    specials += 3;
  }
  text += "assistant\n\n";
  specials += 2;
  return { text, specials };
}

/** Applies Ollama's truncation to a chat request with context window `numCtx`. */
export function fitToContext(messages: readonly WireMessage[], numCtx: number): ContextOutcome {
  let start = 0;
  let rendered = render(messages);
  // chatPrompt: drop messages from the front (system messages are kept wherever they are).
  for (; start < messages.length - 1; start++) {
    const kept = messages.filter((m, i) => i >= start || m.role === "system");
    rendered = render(kept);
    if (count(rendered.text) + rendered.specials <= numCtx) break;
  }
  const kept = messages.filter((m, i) => i >= start || m.role === "system");
  rendered = render(kept);
  const droppedMessages = messages.length - kept.length;
  const tokens = tokenizer.encode(rendered.text, { bos: false, eos: false });
  const total = tokens.length + rendered.specials;
  if (total <= numCtx)
    return { promptTokens: total, seenText: rendered.text, droppedMessages, cutTokens: 0 };
  // The runner: keep num_keep (+ BOS) tokens, then the tail that fits.
  const keepHead = NUM_KEEP;
  const tail = numCtx - keepHead - rendered.specials;
  const seen = [...tokens.slice(0, keepHead), ...tokens.slice(tokens.length - tail)];
  return {
    promptTokens: numCtx,
    seenText: `${tokenizer.decode(tokens.slice(0, keepHead))}${tokenizer.decode(tokens.slice(tokens.length - tail))}`,
    droppedMessages,
    cutTokens: tokens.length - seen.length,
  };
}
