/**
 * The dependencies the HTTP layer works with, gathered in one object so tests can build the app
 * around a stand-in Ollama and a real Chroma exactly as production does.
 */
import type { HealthResponse } from "@coach/contracts/bridge";
import type { Embedder, Generator } from "./backends/types";
import type { AccessOptions } from "./http/access-auth";
import type { EdgeCallbacks } from "./ingest/edge-callbacks";
import type { ParserPool } from "./ingest/parse-in-worker";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import type { AdmissionQueue } from "./queue";
import type { PromptBudget } from "./rag/prompt";
import type { KnowledgeBase } from "./retrieval/knowledge-base";
import type { LanguageResources } from "./text/language-resources";

/** Everything a request handler may use. */
export interface BridgeServices {
  mode: "ollama" | "builtin";
  /** What it answers with, reported with its load (BridgeLoad.version). */
  version: string;
  secret: string;
  /** Set when requests must also carry a valid Cloudflare Access token. */
  access?: AccessOptions;
  /** When set, `GET /metrics` also accepts `Authorization: Bearer <metricsToken>` (a Prometheus scraper). */
  metricsToken?: string;
  logger: Logger;
  queue: AdmissionQueue;
  metrics: Metrics;
  embedder: Embedder;
  generator: Generator;
  /** The model's context window and answer room (the built-in answerer has no window). */
  budget: PromptBudget;
  /** Chroma plus the per-tenant lexical indexes. */
  knowledge: KnowledgeBase;
  language: LanguageResources;
  /** The parser thread for uploaded originals. */
  parser: ParserPool;
  /** Signed status callbacks to the edge (a no-op without EDGE_CALLBACK_URL). */
  callbacks: EdgeCallbacks;
  health(): Promise<HealthResponse>;
}
