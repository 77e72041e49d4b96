/**
 * PDF to blocks with page numbers, using pdf.js (legacy build for Node) with `isEvalSupported: false`
 * (no code generation from font programs), no font loading and no worker of its own (this already runs
 * in the parse worker). Encrypted and damaged files are refused with a reason the creator can act on.
 */
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { RefusedFile, type Block, type ParsedDocument } from "../parsed-document";

/** Most pages read from one PDF. */
export const MAX_PDF_PAGES = 3000;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

function pageText(items: readonly TextItemLike[]): string {
  let text = "";
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    text += item.str;
    text += item.hasEOL ? "\n" : "";
  }
  return text;
}

const HEADING_LINE = /^[A-Z0-9][^.!?,;:]{0,70}$/;

/**
 * Splits a page's text into paragraphs. PDFs carry no heading markup, so a short line without closing
 * punctuation that starts a paragraph of several lines is taken as a heading.
 */
function pageBlocks(text: string, page: number, headings: string[]): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\n\s*\n/)) {
    const lines = raw.split("\n").map((line) => line.replace(/[ \t]+/g, " ").trim()).filter(Boolean);
    const first = lines[0];
    if (first === undefined) continue;
    if (lines.length > 1 && HEADING_LINE.test(first) && first.split(" ").length <= 8) {
      headings.splice(0, headings.length, first);
      blocks.push({ text: first, kind: "heading", headings: [...headings], page });
      lines.shift();
    }
    blocks.push({ text: lines.join("\n"), kind: "paragraph", headings: [...headings], page });
  }
  return blocks;
}

/** Parses a PDF; `onPage` hears progress. */
export async function parsePdf(bytes: Uint8Array, onPage?: (page: number, pages: number) => void): Promise<ParsedDocument> {
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
    disableAutoFetch: true,
    disableStream: true,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") throw new RefusedFile("pdf_encrypted", "The PDF is password-protected; upload a copy without a password.");
    throw new RefusedFile("pdf_corrupt", "The PDF is damaged or not a real PDF and cannot be read. Export it again and re-upload.");
  }
  try {
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    if (info.EncryptFilterName) throw new RefusedFile("pdf_encrypted", "The PDF is encrypted; upload a copy saved without encryption.");
    if (pdf.numPages > MAX_PDF_PAGES) throw new RefusedFile("pdf_too_many_pages", `The PDF has ${pdf.numPages} pages; at most ${MAX_PDF_PAGES} are accepted.`);
    const blocks: Block[] = [];
    const headings: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      blocks.push(...pageBlocks(pageText(content.items as TextItemLike[]), n, headings));
      page.cleanup();
      onPage?.(n, pdf.numPages);
    }
    return { blocks, pageCount: pdf.numPages };
  } catch (error) {
    if (error instanceof RefusedFile) throw error;
    throw new RefusedFile("pdf_corrupt", "The PDF is damaged and its text cannot be read. Export it again and re-upload.");
  } finally {
    await pdf.destroy();
  }
}
