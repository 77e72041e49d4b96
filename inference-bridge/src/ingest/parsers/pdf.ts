/**
 * PDF to blocks with page numbers, using pdf.js (legacy build for Node) with `isEvalSupported: false`
 * (no code generation from font programs), no font loading and no worker of its own (this already runs
 * in the parse worker). Text items are read with their geometry (pdf-lines.ts) and laid out into
 * headings, paragraphs, list items and table rows (pdf-layout.ts) after running headers, footers and
 * page numbers are dropped. Encrypted and damaged files are refused with a reason the creator can act on.
 */
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { assembleBlocks } from "../draft-blocks";
import { RefusedFile, type ParsedDocument } from "../parsed-document";
import { fragmentsOf, rowsOf, type TextItemLike } from "./pdf-lines";
import { layoutPdf } from "./pdf-layout";
import { bodySize, type PdfPageRows } from "./pdf-measure";
import { dropRunningLines } from "./pdf-text";

/** Most pages read from one PDF. */
export const MAX_PDF_PAGES = 3000;

/** Pages whose drawing is read to learn font names (pdf.js gives text without them); fonts repeat. */
const MAX_PAGES_FOR_FONTS = 40;

const BOLD_FONT = /bold|black|heavy|semibold|demi|[-,_ ](?:bd|sb)$/i;

/**
 * Fonts whose weight matters: those of short lines at body size or smaller (a bold line standing alone
 * is a heading or a question), of table rows (a bold first row is the header), and of a line's first
 * words when the font changes after them (a bold lead-in starts an item). Lines set larger are headings
 * whatever their weight.
 */
function fontsThatMatter(page: PdfPageRows, body: number): Set<string> {
  const fonts = new Set<string>();
  for (const row of page.rows) {
    const fragments = row.cells.flat();
    const text = fragments.map((f) => f.text).join(" ");
    const small = fragments.every((f) => f.size < body * 1.08);
    if (row.cells.length > 1 || (small && (text.split(" ").length <= 15 || text.endsWith("?"))))
      for (const f of fragments) for (const run of f.runs) fonts.add(run.font);
    const runs = fragments[0]?.runs ?? [];
    if (small && runs.length > 1 && runs[0]) fonts.add(runs[0].font);
  }
  return fonts;
}

/**
 * Learns which fonts are bold from their names. pdf.js reports a font's real name ("…+DejaVuSerif-Bold")
 * only once a page has been drawn into an operator list, which costs about as much as reading its
 * text, so only pages with a font not yet known are drawn, and only so many.
 */
async function boldFonts(
  pdf: PDFDocumentProxy,
  pages: readonly PdfPageRows[],
  body: number,
): Promise<Set<string>> {
  const bold = new Set<string>();
  const known = new Set<string>();
  let drawn = 0;
  for (const page of pages) {
    const unknown = [...fontsThatMatter(page, body)].filter((font) => !known.has(font));
    if (unknown.length === 0) continue;
    if (drawn++ >= MAX_PAGES_FOR_FONTS) break;
    const proxy = await pdf.getPage(page.page);
    try {
      await proxy.getOperatorList();
      for (const font of unknown) {
        known.add(font);
        const loaded: unknown = proxy.commonObjs.has(font) ? proxy.commonObjs.get(font) : null;
        const name =
          typeof loaded === "object" && loaded !== null && "name" in loaded
            ? String(loaded.name)
            : "";
        if (BOLD_FONT.test(name)) bold.add(font);
      }
    } catch {
      // A page that cannot be drawn still has its text; its fonts count as regular.
      for (const font of unknown) known.add(font);
    } finally {
      proxy.cleanup();
    }
  }
  return bold;
}

/** Parses a PDF; `onPage` hears progress. */
export async function parsePdf(
  bytes: Uint8Array,
  onPage?: (page: number, pages: number) => void,
): Promise<ParsedDocument> {
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
    if (name === "PasswordException")
      throw new RefusedFile(
        "pdf_encrypted",
        "The PDF is password-protected; upload a copy without a password.",
      );
    throw new RefusedFile(
      "pdf_corrupt",
      "The PDF is damaged or not a real PDF and cannot be read. Export it again and re-upload.",
    );
  }
  try {
    const info = (await pdf.getMetadata()).info as Record<string, unknown>;
    if (info.EncryptFilterName)
      throw new RefusedFile(
        "pdf_encrypted",
        "The PDF is encrypted; upload a copy saved without encryption.",
      );
    if (pdf.numPages > MAX_PDF_PAGES)
      throw new RefusedFile(
        "pdf_too_many_pages",
        `The PDF has ${pdf.numPages} pages; at most ${MAX_PDF_PAGES} are accepted.`,
      );
    const pages: PdfPageRows[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const [, bottom = 0, , top = 792] = page.view;
      const fragments = fragmentsOf(content.items as TextItemLike[]);
      for (const fragment of fragments) fragment.y -= bottom;
      pages.push({ page: n, height: top - bottom, rows: rowsOf(fragments) });
      page.cleanup();
      onPage?.(n, pdf.numPages);
    }
    const body = bodySize(pages);
    dropRunningLines(pages, body);
    const bold = await boldFonts(pdf, pages, body);
    return {
      blocks: assembleBlocks(layoutPdf(pages, (font) => bold.has(font))),
      pageCount: pdf.numPages,
    };
  } catch (error) {
    if (error instanceof RefusedFile) throw error;
    throw new RefusedFile(
      "pdf_corrupt",
      "The PDF is damaged and its text cannot be read. Export it again and re-upload.",
    );
  } finally {
    await pdf.destroy();
  }
}
