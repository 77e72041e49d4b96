/**
 * Test helpers for ingestion: posting an original to `/v1/ingest/…` signed like the edge does, and a
 * stand-in for the edge's callback endpoint that verifies each callback's signature and keeps it.
 */
import { statusCallbackPath, type DocumentKind } from "@coach/contracts/knowledge";
import { signRequest, verifyRequest } from "@coach/contracts/signature";
import { createServer, type Server } from "node:http";
import { TEST_SECRET } from "./harness";

/** Posts `bytes` as the original of a document. */
export async function postOriginal(
  baseUrl: string,
  input: {
    tenant: string;
    document: string;
    kind: DocumentKind;
    bytes: Uint8Array;
    attempt?: number;
    title?: string;
  },
): Promise<Response> {
  const query = new URLSearchParams({
    kind: input.kind,
    title: input.title ?? "Test document",
    attempt: String(input.attempt ?? 1),
  });
  const path = `/v1/ingest/${input.tenant}/${input.document}?${query.toString()}`;
  const headers = await signRequest(TEST_SECRET, {
    method: "POST",
    pathWithQuery: path,
    body: input.bytes,
  });
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    body: input.bytes,
    headers: { ...headers, "Content-Type": "application/octet-stream" },
  });
}

/** A callback as the sink saw it, with the outcome of its signature check. */
export interface ReceivedCallback {
  path: string;
  signatureOk: boolean;
  /** A status ({@link IngestStatusCallback}) or a question report, as sent. */
  body: Record<string, unknown>;
}

/** The edge's callback endpoint, played by a local server. */
export class CallbackSink {
  readonly received: ReceivedCallback[] = [];
  /** What the edge answers to a callback; `{}` unless a test says otherwise (e.g. re-index requests). */
  answer: (path: string, body: Record<string, unknown>) => unknown = () => ({});
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<CallbackSink> {
    let sink: CallbackSink | undefined;
    const server = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on("data", (part: Buffer) => parts.push(part));
      req.on("end", () => {
        const body = Buffer.concat(parts);
        void verifyRequest(TEST_SECRET, {
          method: req.method ?? "",
          pathWithQuery: req.url ?? "",
          body: new Uint8Array(body),
          timestampHeader: req.headers["x-bridge-timestamp"] as string | undefined,
          signatureHeader: req.headers["x-bridge-signature"] as string | undefined,
        }).then((verdict) => {
          const parsed = JSON.parse(body.toString()) as Record<string, unknown>;
          sink?.received.push({ path: req.url ?? "", signatureOk: verdict.ok, body: parsed });
          res
            .writeHead(200, { "Content-Type": "application/json" })
            .end(JSON.stringify(sink?.answer(req.url ?? "", parsed) ?? {}));
        });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    sink = new CallbackSink(server, `http://127.0.0.1:${port}`);
    return sink;
  }

  /** Waits for the final callback (ready or failed) of one attempt and returns that attempt's callbacks. */
  async settled(document: string, attempt = 1, timeoutMs = 15_000): Promise<ReceivedCallback[]> {
    const path = statusCallbackPath(document);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mine = this.received.filter(
        (callback) => callback.path === path && callback.body.attempt === attempt,
      );
      if (mine.some((callback) => callback.body.status !== "processing")) return mine;
      if (Date.now() > deadline) throw new Error(`no final callback for ${document}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
