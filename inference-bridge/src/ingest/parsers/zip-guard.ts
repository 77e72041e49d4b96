/**
 * Reads a ZIP container (DOCX) defensively before any library touches it: the entry count is capped,
 * and every entry is inflated here with a running cap on the total inflated size, so a zip bomb or an
 * entry that lies about its size is refused after at most the cap's worth of work and memory.
 */
import { inflateRawSync } from "node:zlib";
import { RefusedFile } from "../parsed-document";

/** Most entries a DOCX may hold; real ones have a few dozen. */
export const MAX_ZIP_ENTRIES = 2000;
/** Most bytes all entries together may inflate to. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Inflated entries by name. */
export type ZipEntries = Map<string, Uint8Array>;

function corrupt(): RefusedFile {
  return new RefusedFile("docx_corrupt", "The DOCX file is damaged (its ZIP structure cannot be read). Save it again from Word and re-upload.");
}

/** Inflates every entry of `bytes` within the caps, or refuses the file. */
export function readZip(bytes: Uint8Array): ZipEntries {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  // The end record sits in the last 22 bytes plus an optional comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const count = view.getUint16(eocd + 10, true);
  if (count > MAX_ZIP_ENTRIES) {
    throw new RefusedFile("docx_too_many_entries", `The DOCX holds ${count} parts; at most ${MAX_ZIP_ENTRIES} are accepted.`);
  }
  let offset = view.getUint32(eocd + 16, true);
  const entries: ZipEntries = new Map();
  let inflated = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL) throw corrupt();
    const method = view.getUint16(offset + 10, true);
    const flags = view.getUint16(offset + 8, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new RefusedFile("docx_encrypted", "The DOCX is password-protected; remove the password in Word and re-upload.");
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) throw corrupt();
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) throw corrupt();
    const budget = MAX_INFLATED_BYTES - inflated;
    let content: Uint8Array;
    if (method === 0) {
      content = data;
    } else if (method === 8) {
      try {
        // maxOutputLength stops inflation at the remaining budget instead of after the damage is done.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw bomb();
        throw corrupt();
      }
    } else {
      throw corrupt();
    }
    inflated += content.length;
    if (inflated >= MAX_INFLATED_BYTES) throw bomb();
    entries.set(name, content);
  }
  return entries;
}

function bomb(): RefusedFile {
  return new RefusedFile("docx_too_large_inflated", `The DOCX expands to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB when unpacked; it looks like a zip bomb.`, 413);
}
