/**
 * Structure-aware chunking: sections are never mixed, blocks stay whole (a question with its answer, a
 * table row), overlap repeats whole blocks, every chunk starts with its headings and knows its section
 * and page, and sizes are measured with the caller's tokenizer.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/ingest/parsed-document";
import { chunkBlocks, renderBlocks } from "../../src/ingest/section-chunker";

const words = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `${tag}${i}`).join(" ");

describe("chunkBlocks", () => {
  it("never puts two sections in one chunk", () => {
    const blocks: Block[] = [
      { text: "Alpha", kind: "heading", headings: ["Alpha"] },
      { text: words(20, "a"), kind: "paragraph", headings: ["Alpha"] },
      { text: "Beta", kind: "heading", headings: ["Beta"] },
      { text: words(20, "b"), kind: "paragraph", headings: ["Beta"] },
    ];
    const chunks = chunkBlocks(blocks);
    expect(chunks.map((c) => c.section)).toEqual(["Alpha", "Beta"]);
    expect(chunks[0]?.text).not.toContain("b0");
  });

  it("keeps paragraphs whole and stays near the token budget", () => {
    const blocks: Block[] = Array.from({ length: 30 }, (_, i) => ({
      text: words(100, `p${i}w`),
      kind: "paragraph",
      headings: [],
    }));
    const chunks = chunkBlocks(blocks);
    for (const chunk of chunks) {
      expect(Math.ceil((chunk.text.match(/\S+/g)?.length ?? 0) * (4 / 3))).toBeLessThanOrEqual(
        1000,
      );
      expect(chunk.text.split("\n\n").every((p) => p.split(" ").length === 100)).toBe(true);
    }
  });

  it("repeats the trailing paragraph of a chunk at the start of the next (overlap)", () => {
    const blocks: Block[] = Array.from({ length: 12 }, (_, i) => ({
      text: words(100, `p${i}w`),
      kind: "paragraph",
      headings: [],
    }));
    const [first, second] = chunkBlocks(blocks);
    const lastOfFirst = first?.text.split("\n\n").at(-1);
    expect(second?.text.startsWith(lastOfFirst ?? "∅")).toBe(true);
  });

  it("labels each chunk with the page it starts on", () => {
    const blocks: Block[] = [
      { text: words(600, "x"), kind: "paragraph", headings: ["Ch"], page: 3 },
      { text: words(600, "y"), kind: "paragraph", headings: ["Ch"], page: 4 },
    ];
    expect(chunkBlocks(blocks).map((c) => c.page)).toEqual([3, 4]);
  });

  it("keeps a question and its answer in one chunk", () => {
    const path = ["FAQ", "Can I run with a cold?"];
    const blocks: Block[] = [
      { text: "FAQ", kind: "heading", headings: ["FAQ"] },
      { text: "Can I run with a cold?", kind: "question", headings: path },
      { text: words(30, "a"), kind: "answer", headings: path },
    ];
    const chunks = chunkBlocks(blocks, { chunkTokens: 60, overlapTokens: 10 });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe(`# FAQ\nQ: Can I run with a cold?\nA: ${words(30, "a")}`);
  });

  it("never cuts a table row", () => {
    const rows: Block[] = Array.from({ length: 8 }, (_, i) => ({
      text: `Day: d${i}; Session: ${words(15, `r${i}w`)}`,
      kind: "table-row",
      headings: ["Week"],
    }));
    const chunks = chunkBlocks(rows, { chunkTokens: 60, overlapTokens: 0 });
    expect(chunks.length).toBeGreaterThan(1);
    for (const row of rows)
      expect(chunks.some((c) => c.text.split("\n").includes(row.text))).toBe(true);
    const lines = chunks
      .flatMap((c) => c.text.split("\n"))
      .filter((line) => line && !line.startsWith("# "));
    expect(lines.every((line) => rows.some((r) => r.text === line))).toBe(true);
  });

  it("never writes a chunk that is a heading alone", () => {
    const blocks: Block[] = [
      { text: "Race week", kind: "heading", headings: ["Race week"] },
      { text: "The night before", kind: "heading", headings: ["Race week", "The night before"] },
      {
        text: "Eat dinner by 7 pm.",
        kind: "paragraph",
        headings: ["Race week", "The night before"],
      },
      { text: "Afterwards", kind: "heading", headings: ["Afterwards"] },
    ];
    expect(chunkBlocks(blocks).map((c) => c.text)).toEqual([
      "# Race week\n## The night before\n\nEat dinner by 7 pm.",
    ]);
  });

  it("starts every chunk of a long section with the section's headings", () => {
    const blocks: Block[] = [
      { text: "Plan", kind: "heading", headings: ["Plan"] },
      ...Array.from({ length: 20 }, (_, i): Block => ({
        text: words(100, `p${i}w`),
        kind: "paragraph",
        headings: ["Plan"],
      })),
    ];
    const chunks = chunkBlocks(blocks);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((c) => c.text.startsWith("# Plan\n\n"))).toBe(true);
  });

  it("leaves outer headings out of a small chunk rather than overflow it", () => {
    const path = [
      "A guide with a rather long title for a small embedder",
      "Questions",
      "What should I do when my toddler wakes at five every single morning?",
    ];
    const blocks: Block[] = [
      { text: path[2] ?? "", kind: "question", headings: path },
      { text: words(20, "a"), kind: "answer", headings: path },
    ];
    const [chunk] = chunkBlocks(blocks, { chunkTokens: 64, overlapTokens: 0 });
    expect(chunk?.text.startsWith("## Questions\nQ: What should I do")).toBe(true);
    expect(Math.ceil((chunk?.text.match(/\S+/g)?.length ?? 0) * (4 / 3))).toBeLessThanOrEqual(64);
  });

  it("measures chunks with the caller's tokenizer", () => {
    const countTokens = (text: string) => Math.ceil(text.length / 3);
    const blocks: Block[] = Array.from({ length: 40 }, (_, i) => ({
      text: words(12, `s${i}w`),
      kind: "paragraph",
      headings: [],
    }));
    const chunks = chunkBlocks(blocks, { chunkTokens: 120, overlapTokens: 30, countTokens });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.every((c) => countTokens(c.text) <= 120)).toBe(true);
  });

  it("cuts a paragraph larger than a chunk at sentence ends", () => {
    const sentences = Array.from({ length: 30 }, (_, i) => `Sentence ${i} has exactly six words.`);
    const chunks = chunkBlocks([{ text: sentences.join(" "), kind: "paragraph", headings: [] }], {
      chunkTokens: 50,
      overlapTokens: 0,
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((c) => c.text.endsWith("words."))).toBe(true);
  });
});

describe("renderBlocks", () => {
  it("writes headings with #, questions and answers with Q: and A:, bullets with dashes", () => {
    const blocks: Block[] = [
      { text: "Kit", kind: "heading", headings: ["Kit"] },
      { text: "Socks", kind: "list-item", headings: ["Kit"] },
      { text: "2. Shoes", kind: "list-item", headings: ["Kit"] },
      { text: "Day: Monday; Session: Rest", kind: "table-row", headings: ["Kit"] },
      { text: "Do I need a watch?", kind: "question", headings: ["Kit", "Do I need a watch?"] },
      { text: "No.", kind: "answer", headings: ["Kit", "Do I need a watch?"] },
    ];
    expect(renderBlocks(blocks)).toBe(
      "# Kit\n\n- Socks\n2. Shoes\n\nDay: Monday; Session: Rest\n\nQ: Do I need a watch?\nA: No.",
    );
  });
});
