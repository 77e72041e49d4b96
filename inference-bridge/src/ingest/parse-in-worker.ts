/**
 * Runs parses in one long-lived worker thread, one at a time, each with a hard deadline, under a heap
 * cap: a file built to hang or to balloon a parser is cut off by terminating the thread (a fresh one is
 * started for the next file), and the bridge itself never runs out of memory. The thread is kept
 * between files because starting one (loading the TypeScript sources and pdf.js) costs seconds.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { DocumentKind } from "@coach/contracts/knowledge";
import { RefusedFile, type ParsedDocument } from "./parsed-document";
import type { ParseJob, ParseReply } from "./parse-worker";

/** Limits of the parser thread. */
export interface ParseLimits {
  /** Longest one file may take to parse. */
  deadlineMs: number;
  /** Heap of the parser thread. */
  maxHeapMb: number;
}

const WORKER_URL = new URL("./parse-worker.ts", import.meta.url).href;
// The ESM entry of tsx's API (its CommonJS twin cannot load the ESM loader from a worker).
const TSX_API_URL = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
// Node 20 applies `--import` hooks too late for a worker's own entry file, so the worker starts from a
// small script that loads the TypeScript entry through tsx's API, as the bridge itself is run.
const BOOTSTRAP = `import(${JSON.stringify(TSX_API_URL)}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}));`;

type Pending = { resolve: (document: ParsedDocument) => void; reject: (error: RefusedFile) => void };

/** The parser thread and its queue of files. */
export class ParserPool {
  private worker: { thread: Worker; ready: Promise<void> } | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly limits: ParseLimits) {}

  /** Starts the thread ahead of the first file. */
  warm(): Promise<void> {
    return this.thread().ready;
  }

  /** Parses `bytes` as `kind`; files are parsed one after another. */
  parse(kind: DocumentKind, bytes: Uint8Array): Promise<ParsedDocument> {
    const run = this.tail.then(() => this.run(kind, bytes));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Stops the thread. */
  async close(): Promise<void> {
    const current = this.worker;
    this.worker = null;
    await current?.thread.terminate();
  }

  private thread(): { thread: Worker; ready: Promise<void> } {
    if (this.worker) return this.worker;
    const thread = new Worker(BOOTSTRAP, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    thread.unref();
    const ready = new Promise<void>((resolve) => {
      thread.on("message", (reply: ParseReply | { ready: true }) => {
        if ("ready" in reply) return resolve();
        const waiter = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.ok) waiter?.resolve(reply.document);
        else waiter?.reject(new RefusedFile(reply.code, reply.message, reply.status));
      });
    });
    const fail = (error: RefusedFile) => {
      if (this.worker?.thread === thread) this.worker = null;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    thread.on("error", (error) =>
      fail(
        (error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new RefusedFile("parse_out_of_memory", "Reading the file needed more memory than any document should; it is not accepted.", 413)
          : new RefusedFile("unreadable_file", "The file could not be read."),
      ),
    );
    thread.on("exit", () => fail(new RefusedFile("unreadable_file", "The file could not be read.")));
    this.worker = { thread, ready };
    return this.worker;
  }

  private async run(kind: DocumentKind, bytes: Uint8Array): Promise<ParsedDocument> {
    const { thread, ready } = this.thread();
    await ready;
    const id = this.nextId++;
    return new Promise<ParsedDocument>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RefusedFile("parse_timeout", `Reading the file took longer than ${this.limits.deadlineMs / 1000} s; it is not accepted.`));
        // The parser may be stuck in a loop: only ending the thread stops it.
        if (this.worker?.thread === thread) this.worker = null;
        void thread.terminate();
      }, this.limits.deadlineMs);
      this.pending.set(id, {
        resolve: (document) => (clearTimeout(timer), resolve(document)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      thread.postMessage({ id, kind, bytes } satisfies ParseJob);
    });
  }
}
