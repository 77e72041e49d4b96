/**
 * The ZIP guard and the DOCX reader read the same directory: anything two ZIP readers could read
 * differently is refused (ZIP64 records, headers that disagree, overlapping or duplicated parts, sizes
 * that lie), and mammoth is handed a stored ZIP rebuilt from the guard's verified entries.
 */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cleanDocx } from "../../src/ingest/guard/docx-container";
import { parseDocx } from "../../src/ingest/parsers/docx";
import { MAX_XML_PART_BYTES, readZip } from "../../src/ingest/parsers/zip-guard";
import { crc32, makeDocx, makeZip } from "../support/document-fixtures";
import { overlappingEntriesZip, zip64BombDocx, zip64HiddenTextDocx } from "../support/hostile-zips";

const text = (s: string) => new TextEncoder().encode(s);

function refusal(bytes: Uint8Array): { code: string; status: number } | null {
  try {
    readZip(bytes);
    return null;
  } catch (error) {
    const { code, status } = error as { code: string; status: number };
    return { code, status };
  }
}

/** A copy of `bytes` with `change` applied to a DataView of it. */
function patched(bytes: Uint8Array, change: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  change(new DataView(copy.buffer));
  return copy;
}

describe("zip guard", () => {
  it("reads a Word document, and mammoth reads the same text from the rebuilt file", async () => {
    const docx = makeDocx([
      { text: "Morning pages", heading: 1 },
      { text: "Write three pages by hand." },
    ]);
    expect([...readZip(docx).keys()]).toContain("word/document.xml");
    expect(await parseDocx(cleanDocx(docx))).toEqual(await parseDocx(docx));
  });

  it("refuses a DOCX whose ZIP64 record leads to a hidden second directory", () => {
    expect(refusal(zip64HiddenTextDocx("Visible words.", "Hidden words."))).toEqual({
      code: "docx_zip64",
      status: 422,
    });
  });

  it("refuses a ZIP64 bomb before inflating anything", async () => {
    const bomb = await zip64BombDocx(64 * 1024 * 1024);
    const started = performance.now();
    expect(refusal(bomb)).toEqual({ code: "docx_zip64", status: 422 });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("refuses an end record with any ZIP64 marker value", () => {
    const docx = makeDocx([{ text: "x" }]);
    const end = docx.length - 22;
    expect(refusal(patched(docx, (view) => view.setUint16(end + 10, 0xffff, true)))?.code).toBe(
      "docx_zip64",
    );
    expect(refusal(patched(docx, (view) => view.setUint32(end + 16, 0xffffffff, true)))?.code).toBe(
      "docx_zip64",
    );
  });

  it("refuses parts whose bytes overlap", () => {
    expect(refusal(overlappingEntriesZip())?.code).toBe("docx_inconsistent");
  });

  it("refuses a part named differently in its local and central headers", () => {
    const docx = makeZip([{ name: "word/document.xml", data: text("<w:document/>") }]);
    // The local header's name starts at byte 30: "word/…" becomes "Word/…".
    expect(refusal(patched(docx, (view) => view.setUint8(30, 0x57)))?.code).toBe(
      "docx_inconsistent",
    );
  });

  it("refuses a part whose sizes differ between its two headers", () => {
    const docx = makeZip([{ name: "word/document.xml", data: text("<w:document/>") }]);
    expect(refusal(patched(docx, (view) => view.setUint32(22, 5, true)))?.code).toBe(
      "docx_inconsistent",
    );
  });

  it("refuses a password flag set in the local header only", () => {
    const docx = makeZip([{ name: "word/document.xml", data: text("<w:document/>") }]);
    expect(refusal(patched(docx, (view) => view.setUint16(6, 1, true)))?.code).toBe(
      "docx_encrypted",
    );
  });

  it("refuses a part that inflates to more than it declares, having inflated one byte more", () => {
    const xml = text(`<w:document>${"a".repeat(100_000)}</w:document>`);
    const docx = makeZip([
      {
        name: "word/document.xml",
        data: new Uint8Array(deflateRawSync(xml)),
        deflated: { size: 1000, crc: crc32(xml) },
      },
    ]);
    expect(refusal(docx)?.code).toBe("docx_inconsistent");
  });

  it("refuses a part listed twice", () => {
    const docx = makeZip([
      { name: "word/document.xml", data: text("<a/>") },
      { name: "word/document.xml", data: text("<b/>") },
    ]);
    expect(refusal(docx)?.code).toBe("docx_inconsistent");
  });

  it("refuses bytes before the archive, which shift every offset for some readers and not others", () => {
    const docx = makeDocx([{ text: "x" }]);
    expect(refusal(new Uint8Array([...text("junk"), ...docx]))?.code).toBe("docx_inconsistent");
  });

  it("refuses an XML part larger than any document needs, from its declared size", () => {
    const docx = makeZip([
      {
        name: "word/document.xml",
        data: new Uint8Array(deflateRawSync(text("<w/>"))),
        deflated: { size: MAX_XML_PART_BYTES + 1, crc: 0 },
      },
    ]);
    expect(refusal(docx)).toEqual({ code: "docx_too_large_inflated", status: 413 });
  });

  it("refuses a part whose content does not match its CRC", () => {
    const docx = makeZip([{ name: "word/document.xml", data: text("<w:document/>") }]);
    expect(
      refusal(patched(docx, (view) => view.setUint8(30 + "word/document.xml".length, 0x3e)))?.code,
    ).toBe("docx_corrupt");
  });
});
