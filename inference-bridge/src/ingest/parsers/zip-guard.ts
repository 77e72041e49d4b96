/**
 * Reads a ZIP container (DOCX) defensively before any library touches it, and refuses every file two
 * ZIP readers could read differently. A reader that honours ZIP64 follows a ZIP64 record to whatever
 * central directory it names, while the 32-bit end record may name another: a 1.4 KB DOCX got text
 * indexed that only a hidden second directory held, and a 300 KB one hid a 300 MB bomb. So ZIP64 is
 * refused (a DOCX within the 25 MB upload limit never needs it), the directory must end exactly where the
 * end record starts, and every entry's local header must agree with its central one (name, method,
 * flags, sizes) without overlapping another. The entry count, the declared sizes and then every
 * entry's inflated bytes are capped, and each entry must inflate to exactly its declared size and CRC.
 */
import { crc32, inflateRawSync } from "node:zlib";
import { RefusedFile } from "../parsed-document";

/** Most entries a DOCX may hold; real ones have a few dozen. */
export const MAX_ZIP_ENTRIES = 2000;
/** Most bytes all entries together may inflate to. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/**
 * Most bytes one XML part may inflate to. mammoth needs about 50 bytes of memory and 1.5 ms of time per
 * kilobyte of XML, so beyond this no parse could finish within its limits anyway; 16 MB of
 * `word/document.xml` is a book of some 3000 pages.
 */
export const MAX_XML_PART_BYTES = 16 * 1024 * 1024;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Flag bits: 0 encrypted, 3 sizes in a data descriptor, 6 strong encryption, 13 encrypted directory. */
const ENCRYPTED = 0x0001 | 0x0040 | 0x2000;
const DATA_DESCRIPTOR = 0x0008;

/** Inflated entries by name. */
export type ZipEntries = Map<string, Uint8Array>;

/** One entry as both of its headers describe it. */
interface Entry {
  name: string;
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function corrupt(): RefusedFile {
  return new RefusedFile(
    "docx_corrupt",
    "The DOCX file is damaged (its ZIP structure cannot be read). Save it again from Word and re-upload.",
  );
}

function inconsistent(what: string): RefusedFile {
  return new RefusedFile(
    "docx_inconsistent",
    `The DOCX file's ZIP records contradict each other (${what}), so different programs would read different documents from it; it is not accepted. Save it again from Word and re-upload.`,
  );
}

function zip64(): RefusedFile {
  return new RefusedFile(
    "docx_zip64",
    "The DOCX uses ZIP64 records, which Word never writes for a document of this size; it is not accepted. Save it again from Word and re-upload.",
  );
}

function bomb(): RefusedFile {
  return new RefusedFile(
    "docx_too_large_inflated",
    `The DOCX expands to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB when unpacked; it looks like a zip bomb.`,
    413,
  );
}

function encrypted(): RefusedFile {
  return new RefusedFile(
    "docx_encrypted",
    "The DOCX is password-protected; remove the password in Word and re-upload.",
  );
}

function findEnd(bytes: Uint8Array, view: DataView): number {
  // The end record sits in the last 22 bytes plus an optional comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  throw corrupt();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Reads and cross-checks the central directory; inflates nothing. */
function readDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(bytes, view);
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (
    [disk, directoryDisk, onDisk, count].includes(0xffff) ||
    [directorySize, directoryOffset].includes(0xffffffff)
  )
    throw zip64();
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) throw zip64();
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count)
    throw inconsistent("it claims to span several disks");
  if (end + 22 + view.getUint16(end + 20, true) !== bytes.length)
    throw inconsistent("bytes follow the end record");
  if (count > MAX_ZIP_ENTRIES)
    throw new RefusedFile(
      "docx_too_many_entries",
      `The DOCX holds ${count} parts; at most ${MAX_ZIP_ENTRIES} are accepted.`,
    );
  if (directoryOffset + directorySize !== end)
    throw inconsistent("the central directory does not end where the end record starts");
  const entries: Entry[] = [];
  const names = new Set<string>();
  let declared = 0;
  let at = directoryOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw corrupt();
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      nameBytes: bytes.subarray(at + 46, at + 46 + nameLength),
      name: "",
    };
    entry.name = new TextDecoder().decode(entry.nameBytes);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (entry.flags & ENCRYPTED || entry.method === 99) throw encrypted();
    if ([entry.compressedSize, entry.size, entry.localOffset].includes(0xffffffff)) throw zip64();
    if (entry.method !== 0 && entry.method !== 8) throw corrupt();
    if (entry.method === 0 && entry.compressedSize !== entry.size)
      throw inconsistent(`${entry.name} is stored with two different sizes`);
    if (names.has(entry.name)) throw inconsistent(`${entry.name} is listed twice`);
    names.add(entry.name);
    declared += entry.size;
    if (declared > MAX_INFLATED_BYTES) throw bomb();
    if (/\.(xml|rels)$/i.test(entry.name) && entry.size > MAX_XML_PART_BYTES) {
      throw new RefusedFile(
        "docx_too_large_inflated",
        `A part of the DOCX (${entry.name}) expands to more than ${MAX_XML_PART_BYTES / 1024 / 1024} MB of XML; split the document into parts.`,
        413,
      );
    }
    entries.push(entry);
  }
  if (at !== end) throw inconsistent("the central directory holds more than its entries");
  checkLocalHeaders(bytes, view, entries, directoryOffset);
  return entries;
}

/** Each local header must match its central record, and no entry's bytes may overlap another's. */
function checkLocalHeaders(
  bytes: Uint8Array,
  view: DataView,
  entries: Entry[],
  directoryOffset: number,
): void {
  let previousEnd = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const at = entry.localOffset;
    if (at < previousEnd) throw inconsistent(`${entry.name} overlaps another part`);
    if (at + 30 > directoryOffset || view.getUint32(at, true) !== LOCAL) throw corrupt();
    const flags = view.getUint16(at + 6, true);
    const nameLength = view.getUint16(at + 26, true);
    const dataStart = at + 30 + nameLength + view.getUint16(at + 28, true);
    if ((flags & ENCRYPTED) !== 0) throw encrypted();
    if (
      view.getUint16(at + 8, true) !== entry.method ||
      (flags & DATA_DESCRIPTOR) !== (entry.flags & DATA_DESCRIPTOR)
    )
      throw inconsistent(`${entry.name} has two different headers`);
    if (!sameBytes(bytes.subarray(at + 30, at + 30 + nameLength), entry.nameBytes))
      throw inconsistent(`a part is named differently in its two headers`);
    // With a data descriptor, the local header leaves CRC and sizes at zero and the central record holds them.
    if (!(flags & DATA_DESCRIPTOR)) {
      const local = [
        view.getUint32(at + 14, true),
        view.getUint32(at + 18, true),
        view.getUint32(at + 22, true),
      ];
      if (local.includes(0xffffffff)) throw zip64();
      if (local[0] !== entry.crc || local[1] !== entry.compressedSize || local[2] !== entry.size)
        throw inconsistent(`${entry.name} has two different sizes`);
    }
    previousEnd = dataStart + entry.compressedSize;
    if (previousEnd > directoryOffset) throw corrupt();
  }
}

/** Inflates one entry to exactly its declared size, or refuses the file. */
function inflate(bytes: Uint8Array, view: DataView, entry: Entry): Uint8Array {
  const at = entry.localOffset;
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(dataStart, dataStart + entry.compressedSize);
  let content: Uint8Array = data;
  if (entry.method === 8) {
    try {
      // One byte more than declared is enough to catch an entry that lies about its size.
      content = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      if (
        error instanceof RangeError ||
        (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
      )
        throw inconsistent(`${entry.name} unpacks to more than it declares`);
      throw corrupt();
    }
  }
  if (content.length !== entry.size)
    throw inconsistent(`${entry.name} unpacks to another size than it declares`);
  if (crc32(content) !== entry.crc) throw corrupt();
  return content;
}

/** Checks the container and inflates every entry within the caps, or refuses the file. */
export function readZip(bytes: Uint8Array): ZipEntries {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntries = new Map();
  for (const entry of readDirectory(bytes)) entries.set(entry.name, inflate(bytes, view, entry));
  return entries;
}
