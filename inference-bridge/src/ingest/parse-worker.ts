/**
 * Entry point of the parse worker thread: parses each file it is handed and posts back the blocks or
 * the refusal. Parsing lives in its own thread so a hostile file's CPU time and memory can be cut off
 * by terminating the thread, without touching the bridge.
 */
import { parentPort } from "node:worker_threads";
import type { DocumentKind } from "@coach/contracts/knowledge";
import { parseDocument } from "./parse-document";
import { RefusedFile, type ParsedDocument } from "./parsed-document";

/** A parse job sent to the worker. */
export interface ParseJob {
  id: number;
  kind: DocumentKind;
  bytes: Uint8Array;
}

/** What the worker posts back for a job. */
export type ParseReply =
  | { id: number; ok: true; document: ParsedDocument }
  | { id: number; ok: false; status: number; code: string; message: string };

function refusal(id: number, error: unknown): ParseReply {
  if (error instanceof RefusedFile) return { id, ok: false, status: error.status, code: error.code, message: error.message };
  // Recursion in a parser on a deeply nested file ends as a stack overflow.
  if (error instanceof RangeError) return { id, ok: false, status: 422, code: "too_deeply_nested", message: "The document is nested too deeply to be read." };
  return { id, ok: false, status: 422, code: "unreadable_file", message: "The file could not be read as the document it claims to be." };
}

parentPort?.on("message", (job: ParseJob) => {
  parseDocument(job.kind, job.bytes).then(
    (document) => parentPort?.postMessage({ id: job.id, ok: true, document } satisfies ParseReply),
    (error: unknown) => parentPort?.postMessage(refusal(job.id, error)),
  );
});
parentPort?.postMessage({ ready: true });
