/**
 * Structure-aware chunking: sections are never mixed, paragraphs stay whole, overlap repeats whole
 * paragraphs, and every chunk knows its section and page.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/ingest/parsed-document";
import { chunkBlocks } from "../../src/ingest/section-chunker";

const words = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" ");

describe("chunkBlocks", () => {
  it("never puts two sections in one chunk", () => {
    const blocks: Block[] = [
      { text: "Alpha", headings: ["Alpha"], heading: true },
      { text: words(20, "a"), headings: ["Alpha"] },
      { text: "Beta", headings: ["Beta"], heading: true },
      { text: words(20, "b"), headings: ["Beta"] },
    ];
    const chunks = chunkBlocks(blocks);
    expect(chunks.map((c) => c.section)).toEqual(["Alpha", "Beta"]);
    expect(chunks[0]?.text).not.toContain("b0");
  });

  it("keeps paragraphs whole and stays near the token budget", () => {
    const blocks: Block[] = Array.from({ length: 30 }, (_, i) => ({ text: words(100, `p${i}w`), headings: [] }));
    const chunks = chunkBlocks(blocks);
    for (const chunk of chunks) {
      expect(Math.ceil((chunk.text.match(/\S+/g)?.length ?? 0) * (4 / 3))).toBeLessThanOrEqual(1000);
      expect(chunk.text.split("\n\n").every((p) => p.split(" ").length === 100)).toBe(true);
    }
  });

  it("repeats the trailing paragraph of a chunk at the start of the next (overlap)", () => {
    const blocks: Block[] = Array.from({ length: 12 }, (_, i) => ({ text: words(100, `p${i}w`), headings: [] }));
    const [first, second] = chunkBlocks(blocks);
    const lastOfFirst = first?.text.split("\n\n").at(-1);
    expect(second?.text.startsWith(lastOfFirst ?? "∅")).toBe(true);
  });

  it("labels each chunk with the page it starts on", () => {
    const blocks: Block[] = [
      { text: words(600, "x"), headings: ["Ch"], page: 3 },
      { text: words(600, "y"), headings: ["Ch"], page: 4 },
    ];
    expect(chunkBlocks(blocks).map((c) => c.page)).toEqual([3, 4]);
  });
});
