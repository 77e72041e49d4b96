/**
 * Parsing each format into blocks with headings and pages (run in-process; the worker thread only
 * adds limits around the same code).
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse-document";
import { makeDocx, makePdf } from "../support/document-fixtures";

const text = (s: string) => new TextEncoder().encode(s);

describe("parsing", () => {
  it("reads PDF text with the page each paragraph is on", async () => {
    const parsed = await parseDocument(
      "pdf",
      makePdf([
        ["Morning walk\nWalk ten minutes after waking."],
        ["Evening review\nWrite three lines before bed."],
      ]),
    );
    expect(parsed.pageCount).toBe(2);
    const review = parsed.blocks.find((b) => b.text.includes("three lines"));
    expect(review).toMatchObject({ page: 2, headings: ["Evening review"] });
  });

  it("keeps Word heading styles as the heading path", async () => {
    const parsed = await parseDocument(
      "docx",
      makeDocx([
        { text: "Breathing", heading: 1 },
        { text: "Box breathing", heading: 2 },
        { text: "In for four, hold for four." },
      ]),
    );
    expect(parsed.blocks.at(-1)).toMatchObject({
      text: "In for four, hold for four.",
      headings: ["Breathing", "Box breathing"],
    });
  });

  it("reads HTML headings and text but not scripts or styles", async () => {
    const html =
      "<html><head><style>p{}</style></head><body><h1>Focus</h1><p>One task at a time.</p><script>steal()</script></body></html>";
    const parsed = await parseDocument("html", text(html));
    expect(parsed.blocks.map((b) => b.text)).toEqual(["Focus", "One task at a time."]);
    expect(parsed.blocks[1]?.headings).toEqual(["Focus"]);
  });

  it("reads Markdown sections as nested heading paths", async () => {
    const parsed = await parseDocument(
      "md",
      text("# Sleep\n\nDark room.\n\n## Naps\n\nTwenty minutes at most."),
    );
    expect(parsed.blocks.at(-1)).toMatchObject({ headings: ["Sleep", "Naps"] });
  });

  it("turns each question-and-answer pair into a question and its answer under that question", async () => {
    const parsed = await parseDocument(
      "qa",
      text(JSON.stringify([{ question: "How long to walk?", answer: "Ten minutes." }])),
    );
    expect(parsed.blocks).toEqual([
      { text: "How long to walk?", kind: "question", headings: ["How long to walk?"] },
      { text: "Ten minutes.", kind: "answer", headings: ["How long to walk?"] },
    ]);
  });
});
