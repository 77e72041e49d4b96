/**
 * Builds test documents byte by byte, with no dependency and no Node API, so the bridge suite and the
 * edge suite (inside workerd) can both use them: PDFs whose lines are placed with a font size, weight
 * and position (optionally claiming encryption), and DOCX files written the way Word writes them —
 * heading and list styles, numbering definitions, tables, bold and italic runs — as stored ZIP archives.
 */

export {
  makeDocx,
  type DocxContent,
  type DocxParagraph,
  type DocxRun,
  type DocxTable,
} from "./docx-fixture";
export { crc32, makeZip, type ZipEntry } from "./zip-fixture";

const encoder = new TextEncoder();

/** Windows-1252 codes of the characters above Latin-1's ASCII that handouts use (bullets, dashes, quotes). */
const WIN_ANSI: Record<string, number> = {
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "…": 0x85,
};

/** A PDF string literal's body in WinAnsiEncoding, non-ASCII characters as octal escapes. */
function escapePdf(text: string): string {
  return [...text]
    .map((c) => {
      if (c === "\\" || c === "(" || c === ")") return `\\${c}`;
      const code = c.charCodeAt(0);
      if (code < 0x7f) return c;
      const ansi = WIN_ANSI[c] ?? (code <= 0xff ? code : 0x3f);
      return `\\${ansi.toString(8).padStart(3, "0")}`;
    })
    .join("");
}

/**
 * A line placed on a PDF page: font size in points (default 11), bold (Helvetica-Bold instead of
 * Helvetica), left edge `x` (default 72), and either its baseline `y` or `spaceBefore`, the extra gap
 * above it on top of the usual line spacing (1.25 × size). Lines sharing a `y` sit side by side.
 */
export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  x?: number;
  y?: number;
  spaceBefore?: number;
}

/** A page: paragraphs in one font size with a blank line between them, or placed lines. */
export type PdfPage = string[] | PdfLine[];

function isPlaced(page: PdfPage): page is PdfLine[] {
  return page.some((line) => typeof line !== "string");
}

function pageStream(page: PdfPage): string {
  if (!isPlaced(page)) {
    const lines = page.flatMap((paragraph, j) => [
      ...(j > 0 ? [""] : []),
      ...paragraph.split("\n"),
    ]);
    return `BT /F1 11 Tf 72 740 Td 14 TL ${lines.map((line) => `(${escapePdf(line)}) Tj T*`).join(" ")} ET`;
  }
  // The first line sits under a one-inch top margin.
  let cursor = 730;
  return page
    .map((line) => {
      const size = line.size ?? 11;
      const y = line.y ?? cursor - (line.spaceBefore ?? 0) - size * 1.25;
      cursor = y;
      return `BT /${line.bold ? "F2" : "F1"} ${size} Tf 1 0 0 1 ${line.x ?? 72} ${y.toFixed(2)} Tm (${escapePdf(line.text)}) Tj ET`;
    })
    .join("\n");
}

/** A PDF of the given pages (US Letter), in Helvetica and Helvetica-Bold. */
export function makePdf(pages: PdfPage[], options: { encrypted?: boolean } = {}): Uint8Array {
  const objects: string[] = ["<< /Type /Catalog /Pages 2 0 R >>"];
  objects.push(
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${5 + i * 2} 0 R`).join(" ")}] /Count ${pages.length} >>`,
  );
  objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  objects.push(
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
  );
  pages.forEach((page, i) => {
    const stream = pageStream(page);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${6 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  if (options.encrypted)
    objects.push(
      `<< /Filter /Standard /V 1 /R 2 /O <${"a".repeat(64)}> /U <${"b".repeat(64)}> /P -4 >>`,
    );
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  const encrypt = options.encrypted
    ? ` /Encrypt ${objects.length} 0 R /ID [<${"1".repeat(32)}> <${"1".repeat(32)}>]`
    : "";
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(out);
}
