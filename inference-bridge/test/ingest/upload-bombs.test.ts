/**
 * Issue 17, "one upload must never take inference down for everyone", against the bridge as its own
 * process (as `npm start` runs it): each bomb of the attack run is refused within 5 s, another tenant's
 * searches are answered while it is being read and after, and the bridge's resident memory comes back
 * to within 10 % of where it was. A file that passes every guard and still exhausts the parser's heap
 * ends the parser process only.
 */
import type { SearchResponse } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeDocx, makePdf } from "../support/document-fixtures";
import { startBridgeProcess, type BridgeProcess } from "../support/bridge-process";
import { uniqueTenant } from "../support/harness";
import { flateBombPdf, nestedFlatePdf, objectStreamBombPdf } from "../support/hostile-pdfs";
import { zip64BombDocx, zip64HiddenTextDocx } from "../support/hostile-zips";
import { postOriginal } from "../support/ingest-client";
import { rssMb, sampleRss } from "../support/process-memory";

const MIB = 1024 * 1024;
const attacker = uniqueTenant();
const other = uniqueTenant();
let bridge: BridgeProcess;

let searchCount = 0;
async function searchOther(): Promise<{ status: number; ms: number; hits: number }> {
  const started = performance.now();
  // Each body differs: two identical requests signed in the same second would be refused as a replay.
  const response = await bridge.post("/v1/search", {
    tenant_id: other,
    query: `morning walk routine ${++searchCount}`,
    k: 3,
  });
  const body = (await response.json()) as SearchResponse;
  return { status: response.status, ms: performance.now() - started, hits: body.hits?.length ?? 0 };
}

/** Settles the heap, then reads the bridge's resident memory. */
async function settledRss(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return rssMb(bridge.child.pid ?? 0);
}

/** Uploads `bytes` as the attacker while the other tenant keeps searching; returns the refusal and the figures. */
async function attack(kind: "pdf" | "docx", bytes: Uint8Array) {
  const pid = bridge.child.pid ?? 0;
  const before = await settledRss();
  const sampler = sampleRss(pid);
  const searches: Promise<{ status: number; ms: number; hits: number }>[] = [];
  let uploading = true;
  const searching = (async () => {
    while (uploading) {
      searches.push(searchOther());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const started = performance.now();
  const response = await postOriginal(bridge.url, {
    tenant: attacker,
    document: `bomb${Math.random().toString(36).slice(2)}`,
    kind,
    bytes,
  });
  const ms = performance.now() - started;
  uploading = false;
  await searching;
  const body = (await response.json()) as { error?: { code: string } };
  const during = await Promise.all(searches);
  const { peakMb, peakTreeMb } = sampler.stop();
  const after = await settledRss();
  const afterwards = await searchOther();
  const figures = {
    kind,
    upload_kb: Math.round(bytes.length / 1024),
    ms: Math.round(ms),
    rss_before_mb: Math.round(before),
    rss_peak_mb: Math.round(peakMb),
    rss_after_mb: Math.round(after),
    tree_peak_mb: Math.round(peakTreeMb),
  };
  console.log(`BOMB ${JSON.stringify({ code: body.error?.code, ...figures })}`);
  return { status: response.status, code: body.error?.code, ms, before, after, during, afterwards };
}

beforeAll(async () => {
  bridge = await startBridgeProcess({ CHROMA_URL: inject("chromaUrl"), BRIDGE_BACKEND: "builtin" });
  const seeded = await bridge.post("/v1/documents", {
    tenant_id: other,
    document_id: "routine",
    title: "Routine",
    text: "Every morning starts with a ten minute walk outside, then a glass of water.",
  });
  expect(seeded.status).toBe(200);
  // A first, ordinary upload starts the parser, so the figures compare like with like.
  expect(
    (
      await postOriginal(bridge.url, {
        tenant: other,
        document: "warm",
        kind: "pdf",
        bytes: makePdf([["Warm up"]]),
      })
    ).status,
  ).toBe(202);
  for (let i = 0; i < 5; i++) await searchOther();
}, 60_000);
afterAll(() => bridge?.stop());

describe("upload bombs against the running bridge", () => {
  const bombs: [string, "pdf" | "docx", () => Promise<Uint8Array> | Uint8Array, number, string][] =
    [
      [
        "a 30 KB PDF whose content stream inflates to 30 MiB",
        "pdf",
        () => flateBombPdf(30 * MIB),
        413,
        "pdf_text_too_long",
      ],
      [
        "a PDF whose content stream is Flate inside Flate inside Flate",
        "pdf",
        () => nestedFlatePdf(3),
        413,
        "pdf_too_large_inflated",
      ],
      [
        "a PDF whose object stream inflates to 300 MB",
        "pdf",
        () => objectStreamBombPdf({ padBytes: 300 * MIB }),
        413,
        "pdf_too_large_inflated",
      ],
      [
        "a PDF whose object stream holds one 30 MiB string",
        "pdf",
        () => objectStreamBombPdf({ titleChars: 30 * MIB }),
        413,
        "pdf_text_too_long",
      ],
      [
        "a 3 KB DOCX whose ZIP64 record leads to a hidden directory",
        "docx",
        () => zip64HiddenTextDocx("Visible words.", "Hidden words only mammoth would read."),
        422,
        "docx_zip64",
      ],
      [
        "a 300 KB DOCX hiding a 300 MB bomb behind a ZIP64 record",
        "docx",
        () => zip64BombDocx(300 * MIB),
        422,
        "docx_zip64",
      ],
      [
        "an 800 KB DOCX hiding an 800 MB bomb behind a ZIP64 record",
        "docx",
        () => zip64BombDocx(800 * MIB),
        422,
        "docx_zip64",
      ],
    ];

  for (const [name, kind, make, status, code] of bombs) {
    it(
      `refuses ${name} within 5 s, serves the other tenant throughout, and gives its memory back`,
      { timeout: 60_000 },
      async () => {
        const result = await attack(kind, await make());
        expect({ status: result.status, code: result.code }).toEqual({ status, code });
        expect(result.ms).toBeLessThan(5000);
        expect(result.during.length).toBeGreaterThan(0);
        expect(result.during.every((search) => search.status === 200 && search.hits > 0)).toBe(
          true,
        );
        expect(result.afterwards).toMatchObject({ status: 200 });
        expect(result.after).toBeLessThanOrEqual(result.before * 1.1);
      },
    );
  }
});

describe("a file that passes the guards and still exhausts the parser", () => {
  let small: BridgeProcess;
  beforeAll(async () => {
    small = await startBridgeProcess({
      CHROMA_URL: inject("chromaUrl"),
      BRIDGE_BACKEND: "builtin",
      INGEST_PARSE_MAX_HEAP_MB: "64",
    });
  }, 60_000);
  afterAll(() => small?.stop());

  it(
    "ends the parser process only: the file is refused and the bridge reads the next one",
    { timeout: 90_000 },
    async () => {
      // Within every cap (12 MB of XML), but far more than mammoth can convert in a 64 MB heap.
      const paragraphs = Array.from({ length: 60_000 }, (_, i) => ({
        text: `Paragraph ${i}: the quick brown fox jumps over the lazy dog and keeps running.`,
      }));
      const response = await postOriginal(small.url, {
        tenant: attacker,
        document: "heavy",
        kind: "docx",
        bytes: makeDocx(paragraphs),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "parse_out_of_memory",
      );
      expect(small.child.exitCode).toBeNull();
      const next = await postOriginal(small.url, {
        tenant: attacker,
        document: "light",
        kind: "docx",
        bytes: makeDocx([{ text: "A light page." }]),
      });
      expect(next.status).toBe(202);
    },
  );
});
