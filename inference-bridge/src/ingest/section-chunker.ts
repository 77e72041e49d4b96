/**
 * Packs parsed blocks into chunks sized for the embedder, counted in its own tokens, respecting the
 * document's structure: a chunk never spans two sections (heading paths), so a question and its
 * answer (a section of their own) land together; blocks (paragraphs, list items, table rows) are kept
 * whole unless one alone is larger than a chunk; the overlap repeats whole trailing blocks of the same
 * section. Every chunk starts with its section's headings, so a fact is never cut off from the heading
 * that gives it meaning and no chunk is a heading alone. Chunk text is written as described at
 * {@link renderBlocks}.
 */
import { estimateTokens } from "./chunker";
import type { Block } from "./parsed-document";

/** A chunk ready to embed. */
export interface SectionChunk {
  text: string;
  /** Heading path, outermost first, joined with " > "; empty when the document has no headings. */
  section: string;
  /** First page the chunk's own text comes from, for PDFs. */
  page: number | null;
}

/** Chunk size and the tokenizer that measures it. */
export interface SectionChunkOptions {
  /** Most tokens in one chunk, headings included; default 1000. */
  chunkTokens?: number;
  /** Tokens of whole trailing blocks repeated at the start of the next chunk of a section; default 200. */
  overlapTokens?: number;
  /** Tokens of a text in the embedder's own tokenizer; default the 4/3-per-word estimate. */
  countTokens?: (text: string) => number;
}

/** Default chunk size, in tokens. */
export const DEFAULT_CHUNK_TOKENS = 1000;
/** Default overlap, in tokens. */
export const DEFAULT_OVERLAP_TOKENS = 200;

const ORDINAL = /^(?:\d{1,3}|[a-zA-Z])[.)]\s/;

function renderOne(block: Block, previous: Block | undefined, depth: number): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(Math.min(6, Math.max(1, depth)))} ${block.text}`;
    case "question":
      return `Q: ${block.text}`;
    case "answer":
      return previous?.kind === "question" ? `A: ${block.text}` : block.text;
    case "list-item":
      return ORDINAL.test(block.text) ? block.text : `- ${block.text}`;
    default:
      return block.text;
  }
}

function separator(a: Block, b: Block): string {
  if (a.kind === "heading" && (b.kind === "heading" || b.kind === "question")) return "\n";
  if (a.kind === "question") return "\n";
  if (a.kind === b.kind && (a.kind === "list-item" || a.kind === "table-row")) return "\n";
  return "\n\n";
}

/**
 * Writes blocks as chunk text, Markdown-like so a reader (or the extractive answerer) can tell
 * structure from sentences: `#`, `##`, … before a heading (by its depth in the section path), `Q: ` before
 * a question and `A: ` before the first paragraph of its answer (paragraphs after it continue the
 * answer), `- ` before a bulleted list item (numbered ones keep their "1." or "a)"), table rows as they
 * are ("Day: Monday; Session: Rest"). A heading and the lines of a question, a list or a table follow
 * each other after one "\n"; anything else is separated by a blank line.
 */
export function renderBlocks(blocks: Block[]): string {
  let out = "";
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    const depth =
      block.kind === "heading" ? Math.max(1, block.headings.lastIndexOf(block.text) + 1) : 0;
    if (previous) out += separator(previous, block);
    out += renderOne(block, previous, depth);
  });
  return out;
}

/** The blocks that stand for a section's path at the top of each of its chunks. */
function pathBlocks(path: string[], endsInQuestion: boolean): Block[] {
  return path.map((text, i) => ({
    text,
    kind: endsInQuestion && i === path.length - 1 ? "question" : "heading",
    headings: path.slice(0, i + 1),
  }));
}

/** Cuts a text too large for one chunk at sentence ends (at words for a giant sentence), with overlap. */
function splitText(
  text: string,
  room: number,
  overlap: number,
  count: (text: string) => number,
): string[] {
  const units: string[] = [];
  for (const sentence of text.split(/(?<=[.!?…])\s+|\n+/)) {
    if (count(sentence) <= room) units.push(sentence);
    else units.push(...sentence.split(/\s+/).filter(Boolean));
  }
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  let fresh = false;
  for (const unit of units) {
    const cost = count(unit);
    if (size + cost > room && fresh) {
      pieces.push(current.join(" "));
      const kept: string[] = [];
      let keptSize = 0;
      for (let i = current.length - 1; i >= 0; i--) {
        const c = count(current[i] ?? "");
        if (keptSize + c > overlap || keptSize + c + cost > room) break;
        kept.unshift(current[i] ?? "");
        keptSize += c;
      }
      current = kept;
      size = keptSize;
      fresh = false;
    }
    current.push(unit);
    size += cost;
    fresh = true;
  }
  if (fresh) pieces.push(current.join(" "));
  return pieces;
}

/** Splits the document into runs of blocks that share one section path. */
function sections(blocks: Block[]): Block[][] {
  const out: Block[][] = [];
  let key: string | null = null;
  for (const block of blocks) {
    const next = block.headings.join("\u0000");
    if (next !== key) out.push([]);
    key = next;
    out.at(-1)?.push(block);
  }
  return out;
}

/** Chunks the blocks of one document. */
export function chunkBlocks(blocks: Block[], options: SectionChunkOptions = {}): SectionChunk[] {
  const budget = options.chunkTokens ?? DEFAULT_CHUNK_TOKENS;
  const overlap = options.overlapTokens ?? DEFAULT_OVERLAP_TOKENS;
  const count = options.countTokens ?? estimateTokens;
  const chunks: SectionChunk[] = [];
  for (const group of sections(blocks)) {
    const first = group[0];
    if (!first) continue;
    const head = first.kind === "heading" || first.kind === "question" ? 1 : 0;
    const content = group.slice(head);
    // A heading with nothing under it opens no chunk: its text reaches the chunks of its subsections.
    if (content.length === 0) continue;
    const prefix = pathBlocks(
      first.headings,
      group.some((b) => b.kind === "question"),
    );
    // Headings may take at most half a chunk: past that the outermost ones are left out of the text.
    while (prefix.length > 1 && count(renderBlocks(prefix)) > budget / 2) prefix.shift();
    const room = Math.max(
      Math.floor(budget / 4),
      budget - (prefix.length > 0 ? count(renderBlocks(prefix)) : 0),
    );
    const units: { block: Block; cost: number }[] = [];
    for (const block of content) {
      const cost = count(renderOne(block, undefined, 0));
      if (cost <= room) units.push({ block, cost });
      else
        for (const piece of splitText(block.text, room, overlap, count))
          units.push({ block: { ...block, text: piece }, cost: count(piece) });
    }
    let current: { block: Block; cost: number }[] = [];
    let size = 0;
    let fresh = false;
    const emit = () => {
      const page = current[0]?.block.page;
      chunks.push({
        text: renderBlocks([...prefix, ...current.map((u) => u.block)]),
        section: first.headings.join(" > "),
        page: page ?? null,
      });
      fresh = false;
    };
    for (const unit of units) {
      if (size + unit.cost > room && fresh) {
        emit();
        const kept: typeof current = [];
        let keptSize = 0;
        for (let i = current.length - 1; i >= 0; i--) {
          const carried = current[i];
          if (
            !carried ||
            keptSize + carried.cost > overlap ||
            keptSize + carried.cost + unit.cost > room
          )
            break;
          kept.unshift(carried);
          keptSize += carried.cost;
        }
        current = kept;
        size = keptSize;
      }
      current.push(unit);
      size += unit.cost;
      fresh = true;
    }
    if (fresh) emit();
  }
  if (chunks.length === 0 && blocks.length > 0) {
    // A document of headings only still has to be findable.
    for (const piece of splitText(blocks.map((b) => b.text).join("\n"), budget, overlap, count))
      chunks.push({ text: piece, section: "", page: blocks[0]?.page ?? null });
  }
  return chunks;
}
