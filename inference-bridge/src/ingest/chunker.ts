/**
 * Splits plain text or Markdown into overlapping chunks of about 1000 tokens with 200 tokens of overlap.
 *
 * Tokens are estimated from words (about 1.33 tokens per English word, the usual rule for Llama-family
 * tokenizers), which keeps the chunker free of a tokenizer dependency. Chunks are slices of the original
 * text, so Markdown and line breaks survive for quoting.
 */

/** Tokens per word used to convert the token budget into words. */
const TOKENS_PER_WORD = 4 / 3;

/** Estimated tokens of `text` by the same rule; the default counter wherever no tokenizer is given. */
export function estimateTokens(text: string): number {
  return Math.ceil((text.match(/\S+/g)?.length ?? 0) * TOKENS_PER_WORD);
}

export interface ChunkOptions {
  /** Target chunk size in tokens. */
  chunkTokens?: number;
  /** Tokens repeated at the start of the next chunk, so an idea cut at a boundary is still found whole. */
  overlapTokens?: number;
}

/** Returns the chunks of `text`; an empty or blank text gives none. */
export function chunkText(text: string, options: ChunkOptions = {}): string[] {
  const chunkWords = Math.max(1, Math.round((options.chunkTokens ?? 1000) / TOKENS_PER_WORD));
  const overlapWords = Math.min(
    chunkWords - 1,
    Math.max(0, Math.round((options.overlapTokens ?? 200) / TOKENS_PER_WORD)),
  );
  const words = [...text.matchAll(/\S+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const chunks: string[] = [];
  for (let first = 0; first < words.length; first += chunkWords - overlapWords) {
    const last = Math.min(first + chunkWords, words.length) - 1;
    const start = words[first]?.start ?? 0;
    const end = words[last]?.end ?? start;
    chunks.push(text.slice(start, end));
    if (last === words.length - 1) break;
  }
  return chunks;
}
