/**
 * Reading a PDF's structure from its layout: headings from size and weight, paragraphs from gaps and
 * short lines, list items, tables, running footers, line-end hyphens, columns and page breaks — on a
 * handout printed by Chromium (test/fixtures/wind-down-handout.pdf, made from its .pdf.md by
 * `tsx eval/build-corpus.ts`) and on PDFs whose lines are placed one by one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse-document";
import type { Block } from "../../src/ingest/parsed-document";
import { chunkBlocks } from "../../src/ingest/section-chunker";
import { makePdf, type PdfLine } from "../support/document-fixtures";

// pdf.js takes over the bytes it reads, so the handout is parsed once for all its tests.
const handout = await parseDocument(
  "pdf",
  new Uint8Array(readFileSync(new URL("../fixtures/wind-down-handout.pdf", import.meta.url))),
);
const handoutChunks = chunkBlocks(handout.blocks);
const blocksOf = async (pages: PdfLine[][]) => (await parseDocument("pdf", makePdf(pages))).blocks;
const find = (blocks: Block[], text: string) => blocks.find((b) => b.text.includes(text));

describe("a handout printed by Chromium", () => {
  it("reads three pages as titled sections of headings and paragraphs, not page-sized blobs", async () => {
    expect(handout.pageCount).toBe(3);
    const headings = handout.blocks
      .filter((b) => b.kind === "heading")
      .map((b) => b.headings.join(" > "));
    expect(headings).toContain(
      "The Evening Wind-Down Plan > The three stages > The Wind-down stage",
    );
    expect(headings).toContain("The Evening Wind-Down Plan > Caffeine, food and exercise");
    expect(handoutChunks.length).toBeGreaterThanOrEqual(10);
  });

  it("writes no chunk that is only headings", () => {
    expect(
      handoutChunks.every((c) =>
        c.text.split("\n").some((line) => line.trim() && !line.startsWith("#")),
      ),
    ).toBe(true);
  });

  it("keeps how long a stage lasts in one chunk with the stage's heading", async () => {
    const fact = handoutChunks.find((c) => c.text.includes("The Wind-down stage lasts 45 minutes"));
    expect(fact?.text).toContain("### The Wind-down stage\n");
    expect(fact).toMatchObject({
      section: "The Evening Wind-Down Plan > The three stages > The Wind-down stage",
      page: 1,
    });
  });

  it("reads each table row as one line naming its columns", async () => {
    const { blocks } = handout;
    expect(blocks.filter((b) => b.kind === "table-row").map((b) => b.text)).toContain(
      "Day: Wednesday; Anchor activity: Prepare clothes and breakfast for Thursday; Time: 9:30 pm",
    );
  });

  it("keeps bulleted items apart although Chromium draws their bullets as shapes", async () => {
    const { blocks } = handout;
    expect(find(blocks, "Turn off notifications")).toMatchObject({
      kind: "list-item",
      text: "Turn off notifications on the laptop as well as the phone.",
    });
  });

  it("keeps numbered items apart with their numbers", async () => {
    const { blocks } = handout;
    expect(find(blocks, "slow stretching")?.text).toBe(
      "2. Ten minutes of slow stretching on the floor, breathing out for longer than you breathe in.",
    );
  });

  it("drops the running footer with the page numbers", async () => {
    const { blocks } = handout;
    expect(blocks.some((b) => /page \d of 3/.test(b.text))).toBe(false);
  });

  it("pairs each bold Q: line with its answer", async () => {
    expect(handoutChunks.find((c) => c.text.includes("partner goes to bed later"))?.text).toMatch(
      /\nQ: What if my partner goes to bed later than me\?\nA: Agree on a quiet signal\./,
    );
  });

  it("gives each block the page it is on", async () => {
    const { blocks } = handout;
    expect(find(blocks, "Is it bad to fall asleep")?.page).toBe(3);
  });
});

describe("a PDF read from its layout", () => {
  it("levels headings by how much larger than the body text they are", async () => {
    const blocks = await blocksOf([
      [
        { text: "Sleep Guide", size: 20 },
        { text: "Naps", size: 15, spaceBefore: 10 },
        { text: "Short naps", size: 13, spaceBefore: 6 },
        { text: "Twenty minutes is enough for most adults.", spaceBefore: 4 },
      ],
    ]);
    expect(find(blocks, "Twenty minutes")?.headings).toEqual(["Sleep Guide", "Naps", "Short naps"]);
  });

  it("takes a bold short line standing alone at body size as a heading", async () => {
    const blocks = await blocksOf([
      [
        { text: "Morning routine", size: 18 },
        { text: "Before breakfast", bold: true, spaceBefore: 10 },
        { text: "Drink a glass of water and open the curtains.", spaceBefore: 2 },
      ],
    ]);
    expect(find(blocks, "glass of water")?.headings).toEqual([
      "Morning routine",
      "Before breakfast",
    ]);
  });

  it("starts a new paragraph where the gap between lines grows", async () => {
    const blocks = await blocksOf([
      [
        { text: "Walk for ten minutes after waking, whatever the weather is doing outside," },
        { text: "and leave your phone at home." },
        { text: "Eat breakfast within an hour of getting up, sitting at a table.", spaceBefore: 9 },
      ],
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      "Walk for ten minutes after waking, whatever the weather is doing outside, and leave your phone at home.",
      "Eat breakfast within an hour of getting up, sitting at a table.",
    ]);
  });

  it("joins a word split at a line end but keeps a real hyphen", async () => {
    const blocks = await blocksOf([
      [
        { text: "Walk two minutes, then rest. After the walk we con-" },
        { text: "tinue with a slow two-" },
        { text: "minute stretch." },
      ],
    ]);
    expect(blocks[0]?.text).toBe(
      "Walk two minutes, then rest. After the walk we continue with a slow two-minute stretch.",
    );
  });

  it("keeps bulleted and lettered items as separate blocks", async () => {
    const blocks = await blocksOf([
      [
        { text: "Pack the night before:" },
        { text: "• running shoes and socks", x: 84 },
        { text: "• a water bottle", x: 84 },
        { text: "a) check the forecast", x: 84 },
      ],
    ]);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ["paragraph", "Pack the night before:"],
      ["list-item", "running shoes and socks"],
      ["list-item", "a water bottle"],
      ["list-item", "a) check the forecast"],
    ]);
  });

  it("keeps a dash that wrapped to the start of a line inside its sentence", async () => {
    const blocks = await blocksOf([
      [
        { text: "Leave choke chains and prong collars at home, as" },
        { text: "they teach a dog that a tight lead is normal on a walk" },
        { text: "— we never use them at the school." },
      ],
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      "Leave choke chains and prong collars at home, as they teach a dog that a tight lead is normal on a walk — we never use them at the school.",
    ]);
  });

  it("keeps an item whole when its bullet is set in a smaller font", async () => {
    const blocks = await blocksOf([
      [
        { text: "Two rules hold for every plan you write with a client:", y: 700 },
        { text: "•", size: 8, x: 72, y: 680 },
        { text: "Applications must be able to extend the plan when they", x: 80, y: 680 },
        { text: "are installed, with new rules and types.", x: 80, y: 666 },
      ],
    ]);
    expect(blocks.at(-1)).toMatchObject({
      kind: "list-item",
      text: "Applications must be able to extend the plan when they are installed, with new rules and types.",
    });
  });

  it("drops footers repeated on every page and bare page numbers", async () => {
    const page = (n: number): PdfLine[] => [
      { text: `Step ${n}`, size: 16 },
      { text: `Do step ${n} slowly and write down how it went.`, spaceBefore: 4 },
      { text: `Reset Handout — page ${n} of 3`, size: 8, y: 30 },
      { text: String(n), size: 8, x: 300, y: 760 },
    ];
    const blocks = await blocksOf([page(1), page(2), page(3)]);
    expect(blocks.map((b) => b.text)).toEqual([
      "Step 1",
      "Do step 1 slowly and write down how it went.",
      "Step 2",
      "Do step 2 slowly and write down how it went.",
      "Step 3",
      "Do step 3 slowly and write down how it went.",
    ]);
  });

  it("continues a paragraph across a page break while its sentence goes on", async () => {
    const blocks = await blocksOf([
      [{ text: "The habit forms when you repeat it at the same time every" }],
      [{ text: "day for at least three weeks." }],
    ]);
    expect(blocks).toEqual([
      {
        text: "The habit forms when you repeat it at the same time every day for at least three weeks.",
        kind: "paragraph",
        headings: [],
        page: 1,
      },
    ]);
  });

  it("reads a two-column page column by column", async () => {
    const column = (x: number, side: string): PdfLine[] =>
      Array.from({ length: 8 }, (_, i) => ({
        text: i < 7 ? `${side} line ${i + 1} of the column goes` : `${side} ends here.`,
        x,
        y: 700 - 14 * i,
      }));
    const blocks = await blocksOf([[...column(72, "Left"), ...column(320, "Right")]]);
    expect(blocks.map((b) => b.text.slice(0, 10) + b.text.slice(-10))).toEqual([
      "Left line ends here.",
      "Right lineends here.",
    ]);
  });

  it("reads a table with a bold header row as lines naming their columns", async () => {
    const blocks = await blocksOf([
      [
        { text: "Day", bold: true, x: 72, y: 700 },
        { text: "Session", bold: true, x: 200, y: 700 },
        { text: "Monday", x: 72, y: 684 },
        { text: "Easy run", x: 200, y: 684 },
        { text: "Tuesday", x: 72, y: 668 },
        { text: "Rest", x: 200, y: 668 },
      ],
    ]);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ["table-row", "Day: Monday; Session: Easy run"],
      ["table-row", "Day: Tuesday; Session: Rest"],
    ]);
  });

  it("keeps a row whose cells ran together in its table, and text right under a table out of it", async () => {
    const cell = (text: string, x: number, y: number, bold = false): PdfLine => ({
      text,
      x,
      y,
      bold,
    });
    const blocks = await blocksOf([
      [
        cell("Day", 72, 700, true),
        cell("Session", 200, 700, true),
        cell("Monday", 72, 686),
        cell("Easy run", 200, 686),
        cell("Tuesday Hill repeats up the long hill", 72, 672),
        cell("Wednesday", 72, 658),
        cell("Rest", 200, 658),
        cell("Keep the same days every week, whatever the weather.", 72, 644),
      ],
    ]);
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ["table-row", "Day: Monday; Session: Easy run"],
      ["table-row", "Day: Tuesday Hill repeats up the long hill"],
      ["table-row", "Day: Wednesday; Session: Rest"],
      ["paragraph", "Keep the same days every week, whatever the weather."],
    ]);
  });

  it("takes a short line over a paragraph as a heading in a PDF set in one size", async () => {
    const parsed = await parseDocument(
      "pdf",
      makePdf([["Morning walk\nWalk ten minutes after waking."]]),
    );
    expect(parsed.blocks.map((b) => b.kind)).toEqual(["heading", "paragraph"]);
  });
});
