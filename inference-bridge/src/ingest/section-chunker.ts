/**
 * Packs parsed blocks into chunks of about 1000 tokens with about 200 tokens of overlap, respecting the
 * document's structure: a chunk never spans two sections (heading paths), paragraphs are kept whole
 * unless one alone is larger than a chunk, and the overlap repeats whole trailing paragraphs of the same
 * section. Each chunk carries its heading path and page, so answers can cite "p. 12" or a section.
 */
import { chunkText } from "./chunker";
import type { Block } from "./parsed-document";

/** Tokens per word, as in chunker.ts (Llama-family rule of thumb). */
const TOKENS_PER_WORD = 4 / 3;

/** A chunk ready to embed. */
export interface SectionChunk {
  text: string;
  /** Heading path, outermost first, joined with " > "; empty when the document has no headings. */
  section: string;
  /** First page the chunk comes from, for PDFs. */
  page: number | null;
}

export interface SectionChunkOptions {
  chunkTokens?: number;
  overlapTokens?: number;
  /** Counts tokens the way the embedder does; default: about 1.33 per word. */
  countTokens?: (text: string) => number;
}

function estimateTokens(text: string): number {
  return Math.ceil((text.match(/\S+/g)?.length ?? 0) * TOKENS_PER_WORD);
}

/** Chunks the blocks of one document. */
export function chunkBlocks(blocks: Block[], options: SectionChunkOptions = {}): SectionChunk[] {
  const budget = options.chunkTokens ?? 1000;
  const overlap = options.overlapTokens ?? 200;
  const tokens = options.countTokens ?? estimateTokens;
  const chunks: SectionChunk[] = [];
  let current: Block[] = [];
  let size = 0;
  // True once `current` holds a block not yet written out, so an overlap alone is never a chunk.
  let fresh = false;
  const emit = () => {
    const first = current[0];
    if (!first || !fresh) return;
    chunks.push({ text: current.map((block) => block.text).join("\n\n"), section: first.headings.join(" > "), page: first.page ?? null });
    fresh = false;
  };
  const carryOverlap = () => {
    const kept: Block[] = [];
    let keptSize = 0;
    for (let i = current.length - 1; i >= 0; i--) {
      const block = current[i];
      if (!block || block.heading) break;
      const t = tokens(block.text);
      if (keptSize + t > overlap) break;
      kept.unshift(block);
      keptSize += t;
    }
    current = kept;
    size = keptSize;
  };
  const sectionOf = (block: Block) => block.headings.join("\u0000");
  for (const block of blocks) {
    if (current.length > 0 && sectionOf(current[0] as Block) !== sectionOf(block)) {
      emit();
      current = [];
      size = 0;
    }
    const t = tokens(block.text);
    if (t > budget) {
      // One paragraph larger than a chunk is cut by words, with the same budget and overlap.
      emit();
      for (const piece of chunkText(block.text, { chunkTokens: budget, overlapTokens: overlap })) {
        chunks.push({ text: piece, section: block.headings.join(" > "), page: block.page ?? null });
      }
      current = [];
      size = 0;
      continue;
    }
    if (size + t > budget && fresh) {
      emit();
      carryOverlap();
    }
    current.push(block);
    size += t;
    fresh = true;
  }
  emit();
  return chunks;
}
