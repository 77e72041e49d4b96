/**
 * Hostile files are refused at the ingest route with a clear 4xx, quickly and without the bridge's
 * memory at stake: renamed executables, polyglots, zip bombs, ZIPs with too many entries, encrypted or
 * damaged PDFs, deeply nested HTML, and anything that outlives the parse deadline.
 */
import { deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ParserPool } from "../../src/ingest/parse-in-worker";
import { MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from "../../src/ingest/parsers/zip-guard";
import { makeDocx, makePdf, makeZip } from "../support/document-fixtures";
import { startHarness, uniqueTenant, type Harness } from "../support/harness";
import { postOriginal } from "../support/ingest-client";

let harness: Harness;
const tenant = uniqueTenant();
const text = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  harness = await startHarness({
    chromaUrl: inject("chromaUrl"),
    backend: "builtin",
    logLevel: "error",
  });
  // Starting the parser thread takes a moment once; the 2-second budget is for the refusal itself.
  await harness.bridge.services.parser.warm();
});
afterAll(() => harness.close());

async function refusal(
  kind: "pdf" | "docx" | "html" | "md",
  bytes: Uint8Array,
): Promise<{ status: number; code: string; ms: number }> {
  const started = performance.now();
  const response = await postOriginal(harness.url, {
    tenant,
    document: `d${Math.random().toString(36).slice(2)}`,
    kind,
    bytes,
  });
  const body = (await response.json()) as { error?: { code: string } };
  return {
    status: response.status,
    code: body.error?.code ?? "none",
    ms: performance.now() - started,
  };
}

describe("hostile files", () => {
  it("refuses a Windows program labelled as a PDF", async () => {
    const exe = new Uint8Array([
      0x4d,
      0x5a,
      0x90,
      0x00,
      ...text("This program cannot be run in DOS mode"),
    ]);
    expect(await refusal("pdf", exe)).toMatchObject({ status: 415, code: "executable_file" });
  });

  it("refuses a PDF that is also a ZIP archive", async () => {
    const pdf = makePdf([["Hello"]]);
    const zip = makeZip([{ name: "a.txt", data: text("hi") }]);
    expect(await refusal("pdf", new Uint8Array([...pdf, ...zip]))).toMatchObject({
      status: 415,
      code: "polyglot_file",
    });
  });

  it("refuses a zip bomb within two seconds, having inflated no more than the cap", async () => {
    const size = MAX_INFLATED_BYTES + 1024 * 1024;
    const bomb = deflateRawSync(Buffer.alloc(size));
    const docx = makeZip([
      { name: "word/document.xml", data: new Uint8Array(bomb), deflated: { size, crc: 0 } },
    ]);
    const result = await refusal("docx", docx);
    expect(result).toMatchObject({ status: 413, code: "docx_too_large_inflated" });
    expect(result.ms).toBeLessThan(2000);
  });

  it("refuses a ZIP with more entries than any Word document has", async () => {
    const entries = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({
      name: `word/p${i}.xml`,
      data: text("x"),
    }));
    expect(
      await refusal(
        "docx",
        makeZip([{ name: "word/document.xml", data: text("<w/>") }, ...entries]),
      ),
    ).toMatchObject({ status: 422, code: "docx_too_many_entries" });
  });

  it("refuses an encrypted PDF with a reason the creator can act on", async () => {
    const result = await refusal("pdf", makePdf([["Secret"]], { encrypted: true }));
    expect(result).toMatchObject({ status: 422, code: "pdf_encrypted" });
    expect(result.ms).toBeLessThan(2000);
  });

  it("refuses a damaged PDF", async () => {
    const result = await refusal("pdf", text("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF"));
    expect(result).toMatchObject({ status: 422, code: "pdf_corrupt" });
    expect(result.ms).toBeLessThan(2000);
  });

  it("refuses HTML nested thousands of levels deep", async () => {
    const result = await refusal(
      "html",
      text(`<html><body>${"<div>".repeat(50_000)}x</body></html>`),
    );
    expect(result).toMatchObject({ status: 422, code: "too_deeply_nested" });
    expect(result.ms).toBeLessThan(2000);
  });

  it("refuses binary bytes labelled as Markdown", async () => {
    expect(await refusal("md", new Uint8Array([0x23, 0x20, 0x00, 0xff, 0x10]))).toMatchObject({
      status: 415,
      code: "binary_content",
    });
  });

  it("ends a parse that outlives the deadline and keeps serving the next file", async () => {
    const pool = new ParserPool({ deadlineMs: 1, maxHeapMb: 128 });
    await pool.warm();
    await expect(pool.parse("docx", makeDocx([{ text: "slow" }]))).rejects.toMatchObject({
      code: "parse_timeout",
      status: 422,
    });
    await pool.close();
  });
});
