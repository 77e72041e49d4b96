/**
 * Hands mammoth only what the ZIP guard verified: the DOCX is rebuilt as a plain stored ZIP from the
 * guard's inflated entries, so whatever else the original carried (a second directory, ZIP64 records,
 * data between entries) is simply not there for any later reader to find.
 */
import { crc32 } from "node:zlib";
import { readZip } from "../parsers/zip-guard";

const encoder = new TextEncoder();
/** The package's content types first, so the rebuilt file starts like every DOCX does. */
const FIRST = "[Content_Types].xml";

function header(size: number): [Uint8Array, DataView] {
  const bytes = new Uint8Array(size);
  return [bytes, new DataView(bytes.buffer)];
}

/**
 * The fields a local header and its central directory record share, in the same layout from `at` (the
 * "version needed" field): a stored entry of `size` bytes, no time stamp, and a name of `nameLength` bytes.
 */
function entryFields(
  view: DataView,
  at: number,
  crc: number,
  size: number,
  nameLength: number,
): void {
  view.setUint16(at, 20, true);
  // Bit 11: names are UTF-8, as the guard decoded them.
  view.setUint16(at + 2, 0x0800, true);
  view.setUint32(at + 10, crc, true);
  view.setUint32(at + 14, size, true);
  view.setUint32(at + 18, size, true);
  view.setUint16(at + 22, nameLength, true);
}

/** A stored (uncompressed) ZIP of `entries`, in their order, with no extra fields and no comment. */
export function storedZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = [...entries.keys()].sort((a, b) => Number(b === FIRST) - Number(a === FIRST));
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const name of names) {
    const data = entries.get(name) ?? new Uint8Array(0);
    const nameBytes = encoder.encode(name);
    const crc = crc32(data);
    const [local, l] = header(30);
    l.setUint32(0, 0x04034b50, true);
    entryFields(l, 4, crc, data.length, nameBytes.length);
    const [record, c] = header(46);
    c.setUint32(0, 0x02014b50, true);
    // Version made by; the entry's own fields follow it.
    c.setUint16(4, 20, true);
    entryFields(c, 6, crc, data.length, nameBytes.length);
    c.setUint32(42, offset, true);
    parts.push(local, nameBytes, data);
    central.push(record, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0);
  const [end, e] = header(22);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, names.length, true);
  e.setUint16(10, names.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of all) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Checks a DOCX with the ZIP guard and returns it rebuilt from the verified entries. */
export function cleanDocx(bytes: Uint8Array): Uint8Array {
  return storedZip(readZip(bytes));
}
