/**
 * `npm run eval:build`: turns the evaluation coaches' Markdown sources into the files a creator would
 * really upload. For every `eval/coaches/<coach>/coach.json`, a document of kind `pdf` is rendered from
 * `docs/<id>.pdf.md` by Chromium with a print stylesheet like a real handout (serif body, larger bold
 * headings, margins, a footer with the title and page numbers), and one of kind `docx` is written from
 * `docs/<id>.docx.md` as a Word document (heading styles, numbered and bulleted lists, tables with a
 * header row, bold and italic runs). Outputs go to `eval/coaches/<coach>/build/<id>.pdf|.docx`, with
 * fixed dates so an unchanged source gives the same bytes.
 *
 * `tsx eval/build-corpus.ts <file>.pdf.md|<file>.docx.md …` builds just those sources, next to them
 * (how the test fixtures under inference-bridge/test/fixtures are made).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { marked, type Token, type Tokens } from "marked";
import { chromium, type Browser } from "playwright-core";
import {
  makeDocx,
  type DocxContent,
  type DocxRun,
} from "../inference-bridge/test/support/document-fixtures";

/** Every date written into a built file, so rebuilding an unchanged source changes nothing. */
const FIXED_DATE = "2025-01-15T09:00:00Z";
const PDF_DATE = "D:20250115090000+00'00'";

const PRINT_CSS = `
@page { size: A4; margin: 22mm 20mm 24mm 22mm; }
html { font-family: "DejaVu Serif", "Liberation Serif", Georgia, serif; font-size: 11pt; line-height: 1.4; color: #1a1a1a; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-weight: bold; break-after: avoid; }
h1 { font-size: 20pt; margin: 0 0 8pt; }
h2 { font-size: 15pt; margin: 18pt 0 6pt; }
h3 { font-size: 12.5pt; margin: 14pt 0 4pt; }
h4 { font-size: 11pt; margin: 12pt 0 3pt; }
p { margin: 0 0 8pt; }
ul, ol { margin: 0 0 8pt; padding-left: 22pt; }
li { margin: 0 0 2pt; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 12pt; }
th, td { border: 0.6pt solid #888; padding: 3pt 6pt; text-align: left; }
th { background: #eee; }
blockquote { margin: 0 0 8pt 18pt; font-style: italic; }
`;

const escapeHtml = (text: string) =>
  text.replace(
    /[<>&"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c] ?? c,
  );

/** A footer like a word processor's: the document's title and "page n of m". */
const FOOTER = `<div style="width:100%; font-family:'DejaVu Sans',sans-serif; font-size:8pt; color:#555; text-align:center;"><span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`;

/** Renders Markdown to an A4 PDF as a handout. */
async function renderPdf(browser: Browser, markdown: string, title: string): Promise<Uint8Array> {
  const body = await marked.parse(markdown, { breaks: true, gfm: true });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({
      format: "A4",
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: FOOTER,
      margin: { top: "22mm", bottom: "24mm", left: "22mm", right: "20mm" },
      printBackground: true,
    });
    // Same-length replacement keeps the cross-reference offsets valid.
    const text = Buffer.from(pdf)
      .toString("latin1")
      .replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, (whole, key: string) => {
        const fixed = `/${key} (${PDF_DATE})`;
        return fixed.length === whole.length ? fixed : whole;
      });
    return new Uint8Array(Buffer.from(text, "latin1"));
  } finally {
    await page.close();
  }
}

/** Word runs of Markdown inline tokens; a soft line break is a line break inside the paragraph. */
function runs(
  tokens: Token[] | undefined,
  style: { bold?: boolean; italic?: boolean } = {},
): DocxRun[] {
  const out: DocxRun[] = [];
  for (const token of tokens ?? []) {
    if (token.type === "strong")
      out.push(...runs((token as Tokens.Strong).tokens, { ...style, bold: true }));
    else if (token.type === "em")
      out.push(...runs((token as Tokens.Em).tokens, { ...style, italic: true }));
    else if (token.type === "link" || token.type === "del")
      out.push(...runs((token as Tokens.Link | Tokens.Del).tokens, style));
    else if (token.type === "br") out.push({ break: true });
    else if (token.type === "text" && "tokens" in token && token.tokens)
      out.push(...runs(token.tokens, style));
    else if (token.type === "text" || token.type === "escape" || token.type === "codespan") {
      (token as Tokens.Text | Tokens.Escape | Tokens.Codespan).text
        .split("\n")
        .forEach((line, i) => {
          if (i > 0) out.push({ break: true });
          if (line) out.push({ text: line, ...style });
        });
    }
  }
  return out;
}

function listItems(list: Tokens.List, level: number): DocxContent[] {
  return list.items.flatMap((item) => {
    const own = item.tokens.filter((t) => t.type !== "list");
    const inline = own.flatMap((t) => ("tokens" in t && t.tokens ? t.tokens : [t]));
    const nested = item.tokens.filter((t): t is Tokens.List => t.type === "list");
    return [
      { list: list.ordered ? ("number" as const) : ("bullet" as const), level, runs: runs(inline) },
      ...nested.flatMap((n) => listItems(n, level + 1)),
    ];
  });
}

/** Markdown to the body of a Word document, as a creator would have typed it in Word. */
export function markdownToDocx(markdown: string): DocxContent[] {
  const content: DocxContent[] = [];
  for (const token of marked.lexer(markdown, { gfm: true })) {
    if (token.type === "heading") {
      const heading = token as Tokens.Heading;
      content.push({
        heading: Math.min(6, heading.depth) as 1 | 2 | 3 | 4 | 5 | 6,
        runs: runs(heading.tokens),
      });
    } else if (token.type === "paragraph")
      content.push({ runs: runs((token as Tokens.Paragraph).tokens) });
    else if (token.type === "list") content.push(...listItems(token as Tokens.List, 0));
    else if (token.type === "table") {
      const table = token as Tokens.Table;
      content.push({
        table: [
          table.header.map((cell) => runs(cell.tokens)),
          ...table.rows.map((row) => row.map((cell) => runs(cell.tokens))),
        ],
        header: true,
      });
    } else if (token.type === "blockquote")
      content.push(...markdownToDocx((token as Tokens.Blockquote).text));
    else if (token.type === "code") content.push({ text: (token as Tokens.Code).text });
  }
  return content;
}

interface CoachFile {
  documents: { id: string; title: string; kind: string }[];
}

/** The sources to build: every pdf and docx document of every coach, or the files named. */
function sources(args: string[]): { source: string; output: string; title: string }[] {
  if (args.length > 0) {
    return args.map((source) => {
      const title = /^# (.+)$/m.exec(existsSync(source) ? readFileSync(source, "utf8") : "")?.[1];
      return {
        source,
        output: source.replace(/\.md$/, ""),
        title: title ?? basename(source).replace(/\.(pdf|docx)\.md$/, ""),
      };
    });
  }
  const root = join(import.meta.dirname, "coaches");
  return readdirSync(root)
    .filter((coach) => existsSync(join(root, coach, "coach.json")))
    .sort()
    .flatMap((coach) => {
      const file = JSON.parse(readFileSync(join(root, coach, "coach.json"), "utf8")) as CoachFile;
      return file.documents
        .filter((doc) => doc.kind === "pdf" || doc.kind === "docx")
        .map((doc) => ({
          source: join(root, coach, "docs", `${doc.id}.${doc.kind}.md`),
          output: join(root, coach, "build", `${doc.id}.${doc.kind}`),
          title: doc.title,
        }));
    });
}

const targets = sources(process.argv.slice(2));
let browser: Browser | null = null;
try {
  for (const { source, output, title } of targets) {
    if (!existsSync(source)) {
      console.warn(`skipped ${source}: no such source`);
      continue;
    }
    const markdown = readFileSync(source, "utf8");
    mkdirSync(dirname(output), { recursive: true });
    if (output.endsWith(".pdf")) {
      browser ??= await chromium.launch({
        executablePath: "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
      writeFileSync(output, await renderPdf(browser, markdown, title));
    } else {
      writeFileSync(output, makeDocx(markdownToDocx(markdown), { title, date: FIXED_DATE }));
    }
    console.log(`built ${output}`);
  }
} finally {
  await browser?.close();
}
