// What Workers AI accepts and answers for a streamed text generation, shared by both stand-ins: the
// binding's (test/support/workers-ai-binding-stand-in.ts, bound as `AI` in the edge tests) and the REST
// API's (test/support/workers-ai-stand-in.ts). Each rule is pinned by a test in
// test/worker/overflow/workers-ai-stand-in.test.ts to Cloudflare's documentation:
// - A model that does not exist: code 5007, HTTP 400, "No such model … or task" (Workers AI errors).
// - `messages` required, each `{role, content}` with content at most 131,072 characters (the model's
//   input schema); otherwise 5006 "Bad input".
// - The prompt plus `max_tokens` (default 256) must fit the model's context window (60,000 tokens for
//   @cf/meta/llama-3.2-1b-instruct, on its model page); otherwise 400 with the message Workers AI sends
//   ("This model's maximum context length is …", cloudflare/cloudflare-docs#29731; its code is not in
//   the documented table).
// - Generation stops at `max_tokens` tokens (one word is one token here).
// - Streamed, the answer is server-sent events `data: {"response":"…"}`, a last event with `usage`,
//   then `data: [DONE]`.
// The answer quotes the first passage of the system message (`[1] …"""text"""`), so tests see which
// passages reached the model. No Node or Workers API here: the binding's stand-in runs in workerd.

/** Models the stand-ins serve, with their context windows in tokens (Cloudflare's model pages). */
const MODELS: Readonly<Record<string, number>> = {
  "@cf/meta/llama-3.2-1b-instruct": 60_000,
  "@cf/meta/llama-3.2-3b-instruct": 80_000,
};
const MAX_CONTENT_CHARS = 131_072;
const DEFAULT_MAX_TOKENS = 256;

/** A refusal as Workers AI reports it: its internal code, the HTTP status, the description. */
export type AiRefusal = { code: number; status: number; message: string };

export type AiUsage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };

/** What a valid request generates: the answer's pieces (one token each) and the usage it reports. */
export type AiGeneration = { pieces: string[]; usage: AiUsage };

type Message = { role: string; content: string };

/** Tokens as the stand-ins count them: about four characters each, as Llama 3's tokenizer averages. */
function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

function validMessages(value: unknown): value is Message[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (m: unknown) =>
        typeof m === "object" &&
        m !== null &&
        "role" in m &&
        typeof m.role === "string" &&
        "content" in m &&
        typeof m.content === "string" &&
        m.content.length <= MAX_CONTENT_CHARS,
    )
  );
}

function answerFor(messages: Message[]): string[] {
  const system = messages.find((m) => m.role === "system")?.content ?? "";
  const first = /\[1\][^\n]*\n"""\n([\s\S]*?)\n"""/.exec(system)?.[1];
  const text = first
    ? `From the material [1]: ${first}`
    : "I do not have material on that question.";
  return text.split(/(?<=\s)/);
}

/** Whether Workers AI knows the model; a refusal (5007) when it does not. */
export function checkModel(model: string): AiRefusal | null {
  return MODELS[model] === undefined
    ? { code: 5007, status: 400, message: `No such model ${model} or task` }
    : null;
}

/** Applies Workers AI's rules to a text-generation request of a known model. */
export function generate(model: string, inputs: unknown): AiRefusal | AiGeneration {
  const unknown = checkModel(model);
  if (unknown) return unknown;
  const contextWindow = MODELS[model] ?? 0;
  const body = (typeof inputs === "object" && inputs !== null ? inputs : {}) as {
    messages?: unknown;
    max_tokens?: unknown;
  };
  if (!validMessages(body.messages))
    return { code: 5006, status: 400, message: "Bad input: Error: oneOf at '/' not met" };
  const maxTokens =
    typeof body.max_tokens === "number" && Number.isInteger(body.max_tokens) && body.max_tokens > 0
      ? body.max_tokens
      : DEFAULT_MAX_TOKENS;
  const promptTokens = body.messages.reduce((sum, m) => sum + tokensOf(m.content), 0);
  if (promptTokens + maxTokens > contextWindow)
    return {
      code: 5021,
      status: 400,
      message: `This model's maximum context length is ${contextWindow} tokens. However, you requested ${maxTokens} output tokens and your prompt contains at least ${promptTokens} input tokens, for a total of at least ${promptTokens + maxTokens} tokens. Please reduce the length of the input prompt or reduce max_tokens.`,
    };
  const pieces = answerFor(body.messages).slice(0, maxTokens);
  return {
    pieces,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: pieces.length,
      total_tokens: promptTokens + pieces.length,
    },
  };
}

/** The server-sent events of a streamed generation, in order, `[DONE]` last. */
export function sseEvents(generation: AiGeneration): string[] {
  return [
    ...generation.pieces.map((piece) => `data: ${JSON.stringify({ response: piece })}\n\n`),
    `data: ${JSON.stringify({ response: "", usage: generation.usage })}\n\n`,
    "data: [DONE]\n\n",
  ];
}

/** Pause between streamed tokens, so a reader sees the answer arrive in pieces. */
export const TOKEN_DELAY_MS = 2;
