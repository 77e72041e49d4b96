/**
 * Markdown, plain text and HTML keep their structure: headings the way people write them in each,
 * tables as one line per row, list items as lines, hard-wrapped paragraphs joined again, and
 * question-and-answer pairs marked and kept together.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse-document";
import type { Block } from "../../src/ingest/parsed-document";

const bytes = (s: string) => new TextEncoder().encode(s);
const parse = async (kind: "md" | "txt" | "html", text: string) =>
  (await parseDocument(kind, bytes(text))).blocks;
const headingPaths = (blocks: Block[]) =>
  blocks.filter((b) => b.kind === "heading").map((b) => b.headings.join(" > "));

describe("plain text", () => {
  it("reads underlined, capitalised and numbered headings as sections", async () => {
    const text = [
      "FIRST 5K PLAN",
      "=============",
      "",
      "WHO IT IS FOR",
      "-------------",
      "New runners.",
      "",
      "1. GETTING STARTED",
      "Walk first.",
      "",
      "NIGHT FEEDS",
      "",
      "One feed is normal.",
    ].join("\n");
    expect(headingPaths(await parse("txt", text))).toEqual([
      "FIRST 5K PLAN",
      "FIRST 5K PLAN > WHO IT IS FOR",
      "FIRST 5K PLAN > 1. GETTING STARTED",
      "FIRST 5K PLAN > NIGHT FEEDS",
    ]);
  });

  it("takes a short first line standing alone for the title", async () => {
    const blocks = await parse(
      "txt",
      "Focus workbook\n\nDeep work happens in blocks of fifty minutes.",
    );
    expect(blocks.at(-1)?.headings).toEqual(["Focus workbook"]);
  });

  it("does not take a numbered list item for a heading", async () => {
    const blocks = await parse("txt", "Steps\n\n1. Walk for ten minutes.\n2. Stretch.");
    expect(blocks.filter((b) => b.kind === "list-item").map((b) => b.text)).toEqual([
      "1. Walk for ten minutes.",
      "2. Stretch.",
    ]);
  });

  it("joins a hard-wrapped paragraph but keeps a schedule's lines apart", async () => {
    const text = [
      "If you couldn't finish two of the three sessions in a week,",
      "repeat that week before moving on to the next one in the plan.",
      "",
      "Week 1:  8 x (run 1 min, walk 2 min)",
      "Week 2:  8 x (run 90 sec, walk 2 min)",
    ].join("\n");
    expect((await parse("txt", text)).map((b) => b.text)).toEqual([
      "If you couldn't finish two of the three sessions in a week, repeat that week before moving on to the next one in the plan.",
      "Week 1: 8 x (run 1 min, walk 2 min)\nWeek 2: 8 x (run 90 sec, walk 2 min)",
    ]);
  });

  it("keeps a list item's wrapped lines in the item", async () => {
    const blocks = await parse(
      "txt",
      "TIMING\n------\n- Use any free interval timer app with beeps, or a watch with an\n  interval setting.\n- Listen for the beep.",
    );
    expect(blocks.filter((b) => b.kind === "list-item").map((b) => b.text)).toEqual([
      "Use any free interval timer app with beeps, or a watch with an interval setting.",
      "Listen for the beep.",
    ]);
  });

  it("pairs a Q: line with its A: lines, marked as question and answer", async () => {
    const blocks = await parse(
      "txt",
      "FAQ\n---\nQ: My shins ache in week 2. What should I do?\nA: Slow down and move to grass.\n   Stop if it gets worse.",
    );
    expect(blocks.slice(1).map((b) => [b.kind, b.text, b.headings.join(" > ")])).toEqual([
      [
        "question",
        "My shins ache in week 2. What should I do?",
        "FAQ > My shins ache in week 2. What should I do?",
      ],
      [
        "answer",
        "Slow down and move to grass. Stop if it gets worse.",
        "FAQ > My shins ache in week 2. What should I do?",
      ],
    ]);
  });
});

describe("Markdown", () => {
  it("reads a table as one line per row, named by the header", async () => {
    const blocks = await parse(
      "md",
      "## Naps\n\n| Age | Naps |\n|---|---|\n| 6–7 months | 3 |\n| 8–10 months | 2 |",
    );
    expect(blocks.filter((b) => b.kind === "table-row").map((b) => b.text)).toEqual([
      "Age: 6–7 months; Naps: 3",
      "Age: 8–10 months; Naps: 2",
    ]);
  });

  it("takes a heading ending in a question mark as a question over its answer", async () => {
    const blocks = await parse(
      "md",
      "# Sleep\n\n### Is a nap after 4 pm fine?\n\nKeep it under 20 minutes.\n\nAnd not every day.",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "question", "answer", "answer"]);
  });

  it("pairs a bold question with its answer and drops the emphasis marks", async () => {
    const blocks = await parse(
      "md",
      "## FAQ\n\n**Q: Do I need expensive shoes?**\nA: No. Last year's model is **just as good**.",
    );
    expect(blocks.slice(1).map((b) => [b.kind, b.text])).toEqual([
      ["question", "Do I need expensive shoes?"],
      ["answer", "No. Last year's model is just as good."],
    ]);
  });

  it("pairs a line ending in a question mark with the one paragraph after it", async () => {
    const blocks = await parse(
      "md",
      "# Notes\n\nWhat if it rains?\n\nRun anyway, in a cap.\n\nLong runs happen on Sundays.",
    );
    expect(blocks.slice(1).map((b) => [b.kind, b.headings.join(" > ")])).toEqual([
      ["question", "Notes > What if it rains?"],
      ["answer", "Notes > What if it rains?"],
      ["paragraph", "Notes"],
    ]);
  });
});

describe("HTML", () => {
  it("reads table rows with th headers and list items as lines", async () => {
    const html =
      "<h1>Week</h1><table><tr><th>Day</th><th>Run</th></tr><tr><td>Mon</td><td>Easy</td></tr></table><ol><li>Warm up</li><li>Run</li></ol><ul><li>Water</li></ul>";
    expect((await parse("html", html)).slice(1).map((b) => [b.kind, b.text])).toEqual([
      ["table-row", "Day: Mon; Run: Easy"],
      ["list-item", "1. Warm up"],
      ["list-item", "2. Run"],
      ["list-item", "Water"],
    ]);
  });

  it("does not take a first row for a header when only its first cell is a th", async () => {
    const html =
      "<table><tr><th>Monday</th><td>Easy run</td></tr><tr><th>Tuesday</th><td>Rest</td></tr></table>";
    expect((await parse("html", html)).map((b) => b.text)).toEqual([
      "Monday — Easy run",
      "Tuesday — Rest",
    ]);
  });
});
