/**
 * Extractive answerer used when no language model is available: it quotes the passages' sentences that
 * best match the question, each with its citation number, framed in the persona's name. It never
 * writes anything that is not in the creator's material, so it is safe as a fallback.
 */
import { embedLexical } from "./builtin-embedder";
import type { GenerateInput, GenerationChunk, Generator, Passage } from "./types";

const MAX_QUOTES = 3;
const MAX_QUOTE_CHARS = 400;

interface Scored {
  passage: Passage;
  sentence: string;
  score: number;
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n{2,}/u)
    .map((sentence) => sentence.replace(/\s+/g, " ").trim())
    .filter((sentence) => sentence.length > 0);
}

function clip(sentence: string): string {
  return sentence.length <= MAX_QUOTE_CHARS ? sentence : `${sentence.slice(0, MAX_QUOTE_CHARS - 1)}…`;
}

/** Picks the best-matching sentences, at most one per passage first so several sources get quoted. */
export function selectQuotes(question: string, passages: Passage[]): Scored[] {
  const query = embedLexical(question);
  const best: Scored[] = [];
  for (const passage of passages) {
    let top: Scored | undefined;
    for (const sentence of sentences(passage.text)) {
      const score = dot(query, embedLexical(sentence));
      if (!top || score > top.score) top = { passage, sentence, score };
    }
    if (top) best.push(top);
  }
  return best.sort((a, b) => b.score - a.score || a.passage.index - b.passage.index).slice(0, MAX_QUOTES);
}

/** Composes the full answer text; exported for tests. */
export function composeAnswer(input: Pick<GenerateInput, "persona" | "question" | "passages">): string {
  const quotes = selectQuotes(input.question, input.passages);
  if (quotes.length === 0) return input.persona.fallback;
  const lines = quotes.map((quote) => `“${clip(quote.sentence)}” [${quote.passage.index}]`);
  return `${input.persona.name} here. From my material:\n\n${lines.join("\n\n")}`;
}

/** The built-in generator, labelled "builtin"; streams the answer word by word. */
export class BuiltinAnswerer implements Generator {
  readonly model = "builtin";

  async *generate(input: GenerateInput): AsyncIterable<GenerationChunk> {
    const answer = composeAnswer(input);
    const pieces = answer.match(/\S+\s*/g) ?? [answer];
    for (const piece of pieces) {
      if (input.signal.aborted) return;
      yield { type: "delta", text: piece };
    }
    const promptTokens = input.messages.reduce((sum, message) => sum + Math.ceil(message.content.length / 4), 0);
    yield { type: "done", promptTokens, completionTokens: pieces.length };
  }
}
