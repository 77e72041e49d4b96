/**
 * Chunking: size, overlap, coverage and preserved formatting.
 */
import { describe, expect, it } from "vitest";
import { chunkText } from "../../src/ingest/chunker";

const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(" ");

describe("chunkText", () => {
  it("keeps a short text as one chunk", () => {
    expect(chunkText("# Title\n\nOne paragraph.")).toEqual(["# Title\n\nOne paragraph."]);
  });

  it("returns no chunks for blank text", () => {
    expect(chunkText(" \n\t ")).toEqual([]);
  });

  it("cuts about 1000 tokens (750 words) per chunk", () => {
    const chunks = chunkText(words(2000));
    expect(chunks[0]?.split(" ")).toHaveLength(750);
  });

  it("overlaps consecutive chunks by about 200 tokens (150 words)", () => {
    const [first, second] = chunkText(words(2000));
    const tail = first?.split(" ").slice(-150);
    expect(second?.split(" ").slice(0, 150)).toEqual(tail);
  });

  it("covers every word and ends on the last one", () => {
    const chunks = chunkText(words(2000));
    const seen = new Set(chunks.flatMap((chunk) => chunk.split(" ")));
    expect(seen.size).toBe(2000);
    expect(chunks.at(-1)?.endsWith("w1999")).toBe(true);
  });

  it("keeps the original line breaks inside a chunk", () => {
    expect(chunkText("a\nb\n\nc", { chunkTokens: 100 })[0]).toBe("a\nb\n\nc");
  });
});
