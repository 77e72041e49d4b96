/**
 * Extractive answerer used when no language model is available: it quotes the pieces of the creator's
 * material that answer (chosen by rag/answer-selection.ts), in the persona's voice settings — its name
 * and greeting style, the answer length, the "next step" line — and cites exactly the passages it
 * quoted, numbered in the order they appear. It never writes anything that is not in the material, so
 * it is safe as a fallback; the opening line says the words are the creator's own.
 */
import type { Persona } from "@coach/contracts/bridge";
import type { Quote } from "../rag/answer-selection";
import type { GenerateInput, GenerationChunk, Generator } from "./types";

/** Longest quoted piece; longer ones are cut at a word boundary. */
const MAX_QUOTE_CHARS = 500;

function clip(text: string): string {
  if (text.length <= MAX_QUOTE_CHARS) return text;
  const cut = text.slice(0, MAX_QUOTE_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/** The line that opens an answer, from the persona's greeting style. */
export function opening(persona: Persona): string {
  switch (persona.greeting_style) {
    case "none":
      return "";
    case "warm":
      return `Hi, it's ${persona.name}! Here's what my material says:`;
    default:
      return `${persona.name} here. From my material:`;
  }
}

/** A passage the answer quotes, with the citation number it is given. */
export interface QuotedPassage {
  number: number;
  quote: Quote;
}

/**
 * Writes the answer: consecutive pieces of one passage form one paragraph (list items as lines under
 * the sentence that introduces them), each paragraph ends with its passage's number.
 */
export function composeAnswer(
  persona: Persona,
  quotes: readonly Quote[],
): { text: string; order: string[] } {
  const order: string[] = [];
  const numberOf = (chunkId: string) => {
    if (!order.includes(chunkId)) order.push(chunkId);
    return order.indexOf(chunkId) + 1;
  };
  // Consecutive quotes of one passage are grouped into one paragraph.
  const groups: { chunkId: string; lines: string[] }[] = [];
  for (const quote of quotes) {
    const chunkId = quote.ranked.candidate.chunk.chunkId;
    const line = quote.unit.kind === "item" ? `• ${clip(quote.unit.text)}` : clip(quote.unit.text);
    const last = groups[groups.length - 1];
    if (last?.chunkId === chunkId) last.lines.push(line);
    else groups.push({ chunkId, lines: [line] });
  }
  const paragraphs = groups.map(
    (g) =>
      `${g.lines.join(g.lines.some((l) => l.startsWith("• ")) ? "\n" : " ")} [${numberOf(g.chunkId)}]`,
  );
  const head = opening(persona);
  const tail = persona.next_step?.trim();
  return {
    text: [head, ...paragraphs, ...(tail ? [tail] : [])].filter(Boolean).join("\n\n"),
    order,
  };
}

/** The built-in generator, labelled "builtin"; streams the composed answer word by word. */
export class BuiltinAnswerer implements Generator {
  readonly model = "builtin";

  async *generate(input: GenerateInput): AsyncIterable<GenerationChunk> {
    const { text } = composeAnswer(input.persona, input.quotes ?? []);
    const pieces = text.match(/\S+\s*/g) ?? [text];
    for (const piece of pieces) {
      if (input.signal.aborted) return;
      yield { type: "delta", text: piece };
    }
    yield { type: "done", promptTokens: 0, completionTokens: pieces.length };
  }
}
