/**
 * Hostile PDFs, the PDF attacks of issue 17 kept as code: streams that inflate far beyond their size
 * (one Flate stream, Flate inside Flate, an object stream, one string of millions of characters) and
 * forms that draw each other exponentially, with the object and cross-reference writers they use.
 */
import { concat, deflateBytes, deflateRun, MIB } from "./byte-runs";

const encoder = new TextEncoder();

/** A stream object's body: `<< dict /Length n >> stream … endstream`. */
export function pdfStream(dict: string, data: Uint8Array): Uint8Array {
  return concat([
    encoder.encode(`<< ${dict} /Length ${data.length} >>\nstream\n`),
    data,
    encoder.encode("\nendstream"),
  ]);
}

/**
 * A PDF of numbered objects (object n is `objects[n - 1]`) with a classic cross-reference table, or with
 * a cross-reference stream when some objects live in an object stream (`compressed`: object number →
 * [object stream number, index]).
 */
export function pdfFile(
  objects: readonly (string | Uint8Array)[],
  options: { compressed?: Map<number, [number, number]>; version?: string; info?: number } = {},
): Uint8Array {
  const info = options.info ? ` /Info ${options.info} 0 R` : "";
  const parts: Uint8Array[] = [
    encoder.encode(`%PDF-${options.version ?? "1.4"}\n%\xe2\xe3\xcf\xd3\n`),
  ];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    if (options.compressed?.has(i + 1)) return;
    offsets[i + 1] = length;
    const bytes = concat([
      encoder.encode(`${i + 1} 0 obj\n`),
      typeof body === "string" ? encoder.encode(body) : body,
      encoder.encode("\nendobj\n"),
    ]);
    parts.push(bytes);
    length += bytes.length;
  });
  if (!options.compressed) {
    const table = offsets
      .slice(1)
      .map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)
      .join("");
    parts.push(
      encoder.encode(
        `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info} >>\nstartxref\n${length}\n%%EOF\n`,
      ),
    );
    return concat(parts);
  }
  // A cross-reference stream (PDF 1.5): entries of 1 + 4 + 2 bytes, type 2 for objects in an object stream.
  const size = objects.length + 2;
  const rows = new Uint8Array(size * 7);
  const view = new DataView(rows.buffer);
  for (let n = 1; n < size; n++) {
    const inStream = options.compressed.get(n);
    const row = n * 7;
    if (inStream) {
      rows[row] = 2;
      view.setUint32(row + 1, inStream[0]);
      view.setUint16(row + 5, inStream[1]);
    } else {
      rows[row] = 1;
      view.setUint32(row + 1, n === size - 1 ? length : (offsets[n] ?? 0));
    }
  }
  parts.push(
    concat([
      encoder.encode(`${size - 1} 0 obj\n`),
      pdfStream(`/Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R${info}`, rows),
      encoder.encode("\nendobj\n"),
    ]),
  );
  parts.push(encoder.encode(`startxref\n${length}\n%%EOF\n`));
  return concat(parts);
}

const PAGE_TREE = [
  "<< /Type /Catalog /Pages 2 0 R >>",
  "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
];
const PAGE = (resources = "") =>
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> ${resources} >> /Contents 5 0 R >>`;

/** Finding 1: a one-page PDF whose Flate content stream is `BT (<textBytes of "a">) Tj ET` (30 MiB fit in 30 KB). */
export async function flateBombPdf(textBytes = 30 * MIB): Promise<Uint8Array> {
  const content = await deflateRun(
    "a",
    textBytes,
    "deflate",
    "BT /F1 12 Tf 72 700 Td (",
    ") Tj ET",
  );
  return pdfFile([...PAGE_TREE, PAGE(), pdfStream("/Filter /FlateDecode", content)]);
}

/** A content stream compressed `layers` times (`/Filter [/FlateDecode …]`): each layer multiplies the ratio. */
export async function nestedFlatePdf(layers: number, innerBytes = 64 * MIB): Promise<Uint8Array> {
  let data = await deflateRun(
    "0 0 m ",
    innerBytes,
    "deflate",
    "BT /F1 12 Tf 72 700 Td (nested) Tj ET\n",
  );
  for (let i = 1; i < layers; i++) data = await deflateBytes(data, "deflate");
  return pdfFile([
    ...PAGE_TREE,
    PAGE(),
    pdfStream(`/Filter [${"/FlateDecode ".repeat(layers).trim()}]`, data),
  ]);
}

/**
 * An object stream (PDF 1.5) holding the catalog, padded with `padBytes` of whitespace or, with
 * `titleChars`, an info dictionary whose title is one string of that many characters: pdf.js inflates
 * and parses the whole stream to reach the catalog.
 */
export async function objectStreamBombPdf(options: {
  padBytes?: number;
  titleChars?: number;
}): Promise<Uint8Array> {
  const catalog = "<< /Type /Catalog /Pages 2 0 R >>";
  const header = options.titleChars ? `1 0 7 ${catalog.length + 1} ` : "1 0 ";
  const prefix = `${header}${catalog}\n${options.titleChars ? "<< /Title (" : ""}`;
  const data = options.titleChars
    ? await deflateRun("a", options.titleChars, "deflate", prefix, ") >>")
    : await deflateRun(" ", options.padBytes ?? 300 * MIB, "deflate", prefix);
  const objectCount = options.titleChars ? 2 : 1;
  const stream = pdfStream(
    `/Type /ObjStm /N ${objectCount} /First ${header.length} /Filter /FlateDecode`,
    data,
  );
  const compressed = new Map<number, [number, number]>([[1, [6, 0]]]);
  if (options.titleChars) compressed.set(7, [6, 1]);
  const objects: (string | Uint8Array)[] = [
    "",
    PAGE_TREE[1] ?? "",
    PAGE_TREE[2] ?? "",
    PAGE(),
    pdfStream("", encoder.encode("BT /F1 12 Tf 72 700 Td (Hello) Tj ET")),
    stream,
  ];
  if (options.titleChars) objects.push("");
  return pdfFile(objects, {
    compressed,
    version: "1.5",
    ...(options.titleChars ? { info: 7 } : {}),
  });
}

/** `depth` form XObjects, each drawing the next `fanout` times: fanout^(depth - 1) copies of one line of text. */
export async function formFanOutPdf(depth: number, fanout: number): Promise<Uint8Array> {
  const first = 6;
  const forms = Array.from({ length: depth }, (_, level) => {
    const last = level === depth - 1;
    const body = last
      ? "BT /F1 12 Tf 10 10 Td (Every copy of this line is text to extract) Tj ET"
      : `${"/X Do ".repeat(fanout)}`;
    const resources = last ? "/Font << /F1 3 0 R >>" : `/XObject << /X ${first + level + 1} 0 R >>`;
    return pdfStream(
      `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << ${resources} >>`,
      encoder.encode(body),
    );
  });
  const page = PAGE(`/XObject << /X ${first} 0 R >>`);
  return pdfFile([...PAGE_TREE, page, pdfStream("", encoder.encode("/X Do")), ...forms]);
}
