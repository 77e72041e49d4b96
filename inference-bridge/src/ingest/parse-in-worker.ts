/**
 * Runs parses in a child process of their own, one file at a time, each under a deadline, a heap cap
 * (`--max-old-space-size`) and a resident-memory cap watched from here. A worker thread cannot hold a
 * hostile file: V8 treats an allocation past a thread's `resourceLimits` as fatal for the whole process
 * (nodejs/node#47224), which is how a 30 KB PDF whose content stream inflates to 30 MiB took the bridge
 * down. A child's death ends only the child: the file is refused, and the next file gets a fresh child.
 * The child exits when idle and is replaced after a parse that grew it, so the memory a big file took
 * goes back to the system instead of staying with the bridge.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { DocumentKind } from "@coach/contracts/knowledge";
import { AppError } from "../errors";
import { RefusedFile, type ParsedDocument } from "./parsed-document";
import type { ParseJob, ParseReply, ParserReady } from "./parse-worker";

/** Limits of the parser process. */
export interface ParseLimits {
  /** Longest one file may take to parse. */
  deadlineMs: number;
  /** V8 heap of the parser process. */
  maxHeapMb: number;
  /** Resident memory of the parser process (heap plus buffers) past which it is ended; heap + 384 MB by default. */
  maxRssMb?: number;
  /** An idle parser process exits after this long; 60 s by default. */
  idleMs?: number;
}

const require = createRequire(import.meta.url);
const WORKER_URL = new URL("./parse-worker.ts", import.meta.url).href;
const TSX_API_URL = pathToFileURL(require.resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
// The parsers' plain-JavaScript libraries (pdf.js and the module its in-process worker imports, and
// mammoth) are loaded natively before tsx is registered: through tsx's loader, pdf.js alone costs 160 MB
// more and 1.5 s more at every start of the process.
const PRELOADED = [
  "pdfjs-dist/legacy/build/pdf.mjs",
  "pdfjs-dist/legacy/build/pdf.worker.mjs",
  "mammoth",
].map((name) => pathToFileURL(require.resolve(name)).href);
const BOOTSTRAP = [
  ...PRELOADED.map((url) => `await import(${JSON.stringify(url)});`),
  `(await import(${JSON.stringify(TSX_API_URL)})).register();`,
  `await import(${JSON.stringify(WORKER_URL)});`,
].join("\n");
/** Only what Node and tsx need: the parser never sees the bridge's secrets. */
const CHILD_ENV_KEYS = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "SYSTEMROOT"];
const RSS_POLL_MS = 100;
/** A child whose memory grew this much while parsing is replaced rather than kept. */
const RECYCLE_GROWTH_MB = 128;

type Job = {
  id: number;
  resolve: (document: ParsedDocument) => void;
  reject: (error: AppError) => void;
};
type Parser = {
  child: ChildProcess;
  /** Resolves with the process's resident memory once it can take files. */
  ready: Promise<number>;
  stderr: string;
  job: Job | null;
  /** Why this process was ended, when it was ended on purpose. */
  verdict: RefusedFile | null;
  readyRssMb: number;
  rssMb: number;
};

const outOfMemory = () =>
  new RefusedFile(
    "parse_out_of_memory",
    "Reading the file needed more memory than any document should; it is not accepted.",
    413,
  );
const unavailable = () =>
  new AppError(
    503,
    "parser_unavailable",
    "The document reader could not be started; try again in a moment.",
    { retryable: true, retryAfterSeconds: 5 },
  );

/** The parser process and its queue of files. */
export class ParserPool {
  private parser: Parser | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly maxRssMb: number;

  constructor(private readonly limits: ParseLimits) {
    this.maxRssMb = limits.maxRssMb ?? limits.maxHeapMb + 384;
  }

  /** Starts the parser process ahead of the first file. */
  async warm(): Promise<void> {
    await this.current().ready;
  }

  /** Parses `bytes` as `kind`; files are parsed one after another. */
  parse(kind: DocumentKind, bytes: Uint8Array): Promise<ParsedDocument> {
    const run = this.tail.then(() => this.run(kind, bytes));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Process id of the parser process while one runs (for measurements and tests). */
  get pid(): number | undefined {
    return this.parser?.child.pid;
  }

  /** Stops the parser process. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const parser = this.parser;
    this.parser = null;
    if (parser) await this.end(parser);
  }

  private current(): Parser {
    if (this.parser) return this.parser;
    // Typed as the process environment, which the edge's typings extend with keys the parser must not get.
    const env = Object.fromEntries(
      CHILD_ENV_KEYS.flatMap((key) =>
        process.env[key] === undefined ? [] : [[key, process.env[key]]],
      ),
    ) as NodeJS.ProcessEnv;
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${this.limits.maxHeapMb}`, "--input-type=module", "--eval", BOOTSTRAP],
      {
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        serialization: "advanced",
        env,
      },
    );
    // The bridge may exit while a parser idles; the parser sees its channel close and exits too.
    child.unref();
    child.channel?.unref();
    const parser: Parser = {
      child,
      ready: Promise.resolve(0),
      stderr: "",
      job: null,
      verdict: null,
      readyRssMb: 0,
      rssMb: 0,
    };
    parser.ready = new Promise<number>((resolve, reject) => {
      child.on("message", (message: ParseReply | ParserReady) => {
        if ("ready" in message) {
          parser.readyRssMb = parser.rssMb = message.rssMb;
          resolve(message.rssMb);
        } else {
          this.settle(parser, message);
        }
      });
      child.once("exit", () => reject(unavailable()));
    });
    parser.ready.catch(() => undefined);
    // A send to a process that just died reports here; its file is refused through "exit".
    child.on("error", () => undefined);
    child.stderr?.on("data", (data: Buffer) => {
      // The tail is enough to tell an out-of-memory abort from any other death.
      parser.stderr = (parser.stderr + data.toString()).slice(-2000);
    });
    child.once("exit", (code, signal) => this.died(parser, code, signal));
    this.parser = parser;
    return parser;
  }

  private async run(kind: DocumentKind, bytes: Uint8Array): Promise<ParsedDocument> {
    clearTimeout(this.idleTimer);
    const parser = this.current();
    await parser.ready;
    const id = this.nextId++;
    try {
      return await new Promise<ParsedDocument>((resolve, reject) => {
        const deadline = setTimeout(() => {
          this.kill(
            parser,
            new RefusedFile(
              "parse_timeout",
              `Reading the file took longer than ${this.limits.deadlineMs / 1000} s; it is not accepted.`,
            ),
          );
        }, this.limits.deadlineMs);
        const watch = this.watchMemory(parser);
        const done = () => (clearTimeout(deadline), clearInterval(watch));
        parser.job = {
          id,
          resolve: (document) => (done(), resolve(document)),
          reject: (error) => (done(), reject(error)),
        };
        parser.child.send({ id, kind, bytes } satisfies ParseJob);
      });
    } finally {
      this.afterJob(parser);
    }
  }

  private settle(parser: Parser, reply: ParseReply): void {
    const job = parser.job;
    if (!job || job.id !== reply.id) return;
    parser.job = null;
    parser.rssMb = reply.rssMb;
    if (reply.ok) job.resolve(reply.document);
    else job.reject(new RefusedFile(reply.code, reply.message, reply.status));
  }

  /** Ends the parser when it holds more memory than any document needs (heap or buffers); Linux only (`/proc`). */
  private watchMemory(parser: Parser): NodeJS.Timeout {
    const path = `/proc/${parser.child.pid}/status`;
    const watch = setInterval(() => {
      readFile(path, "utf8").then(
        (status) => {
          const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
          if (kb / 1024 > this.maxRssMb) this.kill(parser, outOfMemory());
        },
        () => clearInterval(watch),
      );
    }, RSS_POLL_MS);
    watch.unref();
    return watch;
  }

  /** Replaces a parser that grew while parsing, and ends an idle one later, so its memory goes back to the system. */
  private afterJob(parser: Parser): void {
    if (this.parser !== parser) return;
    if (parser.rssMb - parser.readyRssMb > RECYCLE_GROWTH_MB) {
      this.parser = null;
      void this.end(parser);
      return;
    }
    this.idleTimer = setTimeout(() => {
      if (this.parser !== parser || parser.job) return;
      this.parser = null;
      void this.end(parser);
    }, this.limits.idleMs ?? 60_000);
    this.idleTimer.unref();
  }

  /** Ends `parser` at once; the file it was reading is refused with `verdict`. */
  private kill(parser: Parser, verdict: RefusedFile): void {
    parser.verdict ??= verdict;
    if (this.parser === parser) this.parser = null;
    parser.child.kill("SIGKILL");
  }

  private died(parser: Parser, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.parser === parser) this.parser = null;
    const job = parser.job;
    parser.job = null;
    if (!job) return;
    const oom =
      signal === "SIGABRT" ||
      code === 134 ||
      /heap out of memory|Allocation failed/.test(parser.stderr);
    job.reject(
      parser.verdict ??
        (oom ? outOfMemory() : new RefusedFile("unreadable_file", "The file could not be read.")),
    );
  }

  /** A parser holds nothing worth saving, so it is simply killed. */
  private end(parser: Parser): Promise<void> {
    if (parser.child.exitCode !== null || parser.child.signalCode !== null)
      return Promise.resolve();
    const exited = new Promise<void>((resolve) => parser.child.once("exit", () => resolve()));
    parser.child.kill("SIGKILL");
    return exited;
  }
}
