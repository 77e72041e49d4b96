/**
 * The dependencies the HTTP layer works with, gathered in one object so tests can build the app
 * around a stand-in Ollama and a real Chroma exactly as production does.
 */
import type { HealthResponse } from "@coach/contracts/bridge";
import type { ChromaStore } from "./backends/chroma";
import type { AccessOptions } from "./http/access-auth";
import type { EdgeCallbacks } from "./ingest/edge-callbacks";
import type { ParserPool } from "./ingest/parse-in-worker";
import type { Embedder, Generator } from "./backends/types";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import type { AdmissionQueue } from "./queue";

/** Everything a request handler may use. */
export interface BridgeServices {
  mode: "ollama" | "builtin";
  secret: string;
  /** Set when requests must also carry a valid Cloudflare Access token. */
  access?: AccessOptions;
  logger: Logger;
  queue: AdmissionQueue;
  metrics: Metrics;
  embedder: Embedder;
  generator: Generator;
  store: ChromaStore;
  /** The parser thread for uploaded originals. */
  parser: ParserPool;
  /** Signed status callbacks to the edge (a no-op without EDGE_CALLBACK_URL). */
  callbacks: EdgeCallbacks;
  health(): Promise<HealthResponse>;
}
