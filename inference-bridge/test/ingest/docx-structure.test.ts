/**
 * Word documents written the way Word writes them (styles, numbering definitions, tables with a header
 * row, formatted runs) keep their structure: headings, list items, table rows that read alone, bold
 * lines standing alone as headings, and questions paired with their answers.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse-document";
import { chunkBlocks } from "../../src/ingest/section-chunker";
import { makeDocx, type DocxContent } from "../support/document-fixtures";

const plan: DocxContent[] = [
  { text: "Ten-Week Plan", heading: 1 },
  { text: "A typical week", heading: 2 },
  {
    runs: [
      { text: "Keep the days " },
      { text: "fixed", italic: true },
      { text: "; move a run, never add one." },
    ],
  },
  {
    table: [
      ["Day", "Session", "Time"],
      ["Monday", "Easy run", "30 minutes"],
      ["Tuesday", "Rest", "—"],
      ["Wednesday", [{ text: "Hills", bold: true }, { text: " (6 repeats)" }], "40 minutes"],
    ],
    header: true,
  },
  { text: "Before every run", heading: 2 },
  { text: "Put on your shoes.", list: "number" },
  { text: "Do the warm-up.", list: "number" },
  { text: "Leg swings", list: "bullet", level: 1 },
  { text: "Walk for five minutes.", list: "number" },
];

describe("a Word document", () => {
  it("writes each table row as a line that names its columns", async () => {
    const { blocks } = await parseDocument("docx", makeDocx(plan));
    expect(blocks.filter((b) => b.kind === "table-row").map((b) => b.text)).toEqual([
      "Day: Monday; Session: Easy run; Time: 30 minutes",
      "Day: Tuesday; Session: Rest",
      "Day: Wednesday; Session: Hills (6 repeats); Time: 40 minutes",
    ]);
  });

  it("joins a table's cells with dashes when it has no header row", async () => {
    const { blocks } = await parseDocument(
      "docx",
      makeDocx([
        {
          table: [
            ["Monday", "Easy run"],
            ["Tuesday", "Rest"],
          ],
        },
      ]),
    );
    expect(blocks.map((b) => b.text)).toEqual(["Monday — Easy run", "Tuesday — Rest"]);
  });

  it("keeps numbered and bulleted list items as lines, numbered ones with their number", async () => {
    const { blocks } = await parseDocument("docx", makeDocx(plan));
    expect(blocks.filter((b) => b.kind === "list-item").map((b) => b.text)).toEqual([
      "1. Put on your shoes.",
      "2. Do the warm-up.",
      "Leg swings",
      "3. Walk for five minutes.",
    ]);
  });

  it("reads a paragraph written in several runs as one paragraph", async () => {
    const { blocks } = await parseDocument("docx", makeDocx(plan));
    expect(blocks.find((b) => b.kind === "paragraph")).toMatchObject({
      text: "Keep the days fixed; move a run, never add one.",
      headings: ["Ten-Week Plan", "A typical week"],
    });
  });

  it("takes a bold line standing alone over text as a heading", async () => {
    const docx = makeDocx([
      { text: "Recovery", heading: 1 },
      { runs: [{ text: "After long runs", bold: true }] },
      { text: "Eat within an hour." },
    ]);
    const { blocks } = await parseDocument("docx", docx);
    expect(blocks.at(-1)?.headings).toEqual(["Recovery", "After long runs"]);
  });

  it("pairs a bold question with the answer under it, in one chunk", async () => {
    const docx = makeDocx([
      { text: "FAQ", heading: 1 },
      {
        runs: [
          { text: "Q: Can I run with a cold?", bold: true },
          { break: true },
          { text: "A: Only if it is above the neck, and easy." },
        ],
      },
      { runs: [{ text: "Do I need new shoes?", bold: true }] },
      { text: "Not until the old ones pass 600 kilometres." },
    ]);
    const chunks = chunkBlocks((await parseDocument("docx", docx)).blocks);
    expect(chunks.map((c) => c.text)).toEqual([
      "# FAQ\nQ: Can I run with a cold?\nA: Only if it is above the neck, and easy.",
      "# FAQ\nQ: Do I need new shoes?\nA: Not until the old ones pass 600 kilometres.",
    ]);
  });
});
