/**
 * Entry point of the parser process (started by parse-in-worker.ts): checks each file it is handed with
 * the guards, parses it, and posts back the blocks or the refusal. What it posts back is capped, so no
 * file can make the bridge clone an oversized result into its own heap.
 */
import type { DocumentKind } from "@coach/contracts/knowledge";
import { guardOriginal } from "./guard/guard-original";
import { checkReply } from "./guard/reply-limits";
import { parseDocument } from "./parse-document";
import { RefusedFile, type ParsedDocument } from "./parsed-document";

/** A parse job sent to the parser process. */
export interface ParseJob {
  id: number;
  kind: DocumentKind;
  bytes: Uint8Array;
}

/** Sent once the parser process can take files, with its resident memory then. */
export interface ParserReady {
  ready: true;
  rssMb: number;
}

/** What the parser process posts back for a job, with its resident memory after it. */
export type ParseReply =
  | { id: number; ok: true; document: ParsedDocument; rssMb: number }
  | { id: number; ok: false; status: number; code: string; message: string; rssMb: number };

const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

function refusal(id: number, error: unknown): ParseReply {
  if (error instanceof RefusedFile)
    return {
      id,
      ok: false,
      status: error.status,
      code: error.code,
      message: error.message,
      rssMb: rssMb(),
    };
  // Recursion in a parser on a deeply nested file ends as a stack overflow.
  if (error instanceof RangeError)
    return {
      id,
      ok: false,
      status: 422,
      code: "too_deeply_nested",
      message: "The document is nested too deeply to be read.",
      rssMb: rssMb(),
    };
  return {
    id,
    ok: false,
    status: 422,
    code: "unreadable_file",
    message: "The file could not be read as the document it claims to be.",
    rssMb: rssMb(),
  };
}

async function handle(job: ParseJob): Promise<ParseReply> {
  try {
    const document = await parseDocument(job.kind, await guardOriginal(job.kind, job.bytes));
    checkReply(document);
    return { id: job.id, ok: true, document, rssMb: rssMb() };
  } catch (error) {
    return refusal(job.id, error);
  }
}

process.on("message", (job: ParseJob) => {
  void handle(job).then((reply) => process.send?.(reply));
});
// The bridge is gone (it exited or died): nothing is left to parse for.
process.on("disconnect", () => process.exit(0));
process.send?.({ ready: true, rssMb: rssMb() } satisfies ParserReady);
