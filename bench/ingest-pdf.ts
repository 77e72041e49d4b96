/**
 * Ingestion throughput for a 300-page PDF: pages per second parsed (pdf.js, as the bridge runs it) and
 * chunked, embedding excluded, and the memory peak. Measured twice: in-process (the parser's own cost)
 * and through the bridge's parser thread (the production path, including the hand-over of the bytes
 * and blocks between threads). The PDF is generated: 300 pages of ~350 words with a heading each.
 *
 * Run: npx tsx bench/ingest-pdf.ts
 */
import { ParserPool } from "../inference-bridge/src/ingest/parse-in-worker";
import { parseDocument } from "../inference-bridge/src/ingest/parse-document";
import { chunkBlocks } from "../inference-bridge/src/ingest/section-chunker";
import { makePdf } from "../inference-bridge/test/support/document-fixtures";
import { round } from "../inference-bridge/test/support/stats";

const PAGES = 300;
const WORDS = [
  "anchor",
  "habit",
  "morning",
  "focus",
  "walk",
  "water",
  "review",
  "sleep",
  "calm",
  "step",
  "small",
  "daily",
];

function page(n: number): string[] {
  const lines: string[] = [];
  for (let line = 0; line < 35; line++) {
    lines.push(
      Array.from({ length: 10 }, (_, w) => WORDS[(n * 7 + line * 3 + w) % WORDS.length]).join(" ") +
        (line % 6 === 5 ? "." : ""),
    );
  }
  return [`Chapter ${n + 1}\n${lines.slice(0, 17).join("\n")}`, lines.slice(17).join("\n")];
}

const pdf = makePdf(Array.from({ length: PAGES }, (_, n) => page(n)));
let peakRss = process.memoryUsage().rss;
const baseRss = peakRss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

// Warm pdf.js once so the figure is the steady state a running bridge sees.
await parseDocument("pdf", makePdf([["warm-up"]]));
let started = performance.now();
// pdf.js takes over (detaches) the buffer it is given, so each run gets its own copy.
const parsed = await parseDocument("pdf", pdf.slice());
const chunks = chunkBlocks(parsed.blocks);
const inProcessMs = performance.now() - started;
const inProcessPeak = peakRss;

const pool = new ParserPool({ deadlineMs: 120_000, maxHeapMb: 512 });
await pool.warm();
started = performance.now();
const viaThread = chunkBlocks((await pool.parse("pdf", pdf.slice())).blocks);
const threadMs = performance.now() - started;
await pool.close();
clearInterval(sampler);

const results = {
  pages: parsed.pageCount,
  pdf_mb: round(pdf.length / 1024 / 1024, 2),
  chunks: chunks.length,
  in_process_pages_per_s: round((PAGES / inProcessMs) * 1000, 1),
  in_process_ms: round(inProcessMs, 0),
  parser_thread_pages_per_s: round((PAGES / threadMs) * 1000, 1),
  parser_thread_chunks: viaThread.length,
  peak_rss_mb: round(inProcessPeak / 1024 / 1024, 0),
  rss_growth_mb: round((inProcessPeak - baseRss) / 1024 / 1024, 0),
};
console.log(`300-page PDF (${results.pdf_mb} MB): ${results.chunks} chunks`);
console.log(
  `  in-process:     ${results.in_process_pages_per_s} pages/s (${results.in_process_ms} ms), peak RSS ${results.peak_rss_mb} MB (+${results.rss_growth_mb} MB)`,
);
console.log(`  parser thread:  ${results.parser_thread_pages_per_s} pages/s`);
console.log(JSON.stringify({ bench: "ingest-pdf", results }));
