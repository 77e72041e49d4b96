/**
 * Wires the bridge from its configuration: starts (or connects to) Chroma, picks Ollama or the built-in
 * fallback, and builds the queue, metrics and health check. Shared by `main.ts`, the tests and the
 * benchmarks so they all run the production wiring.
 */
import type { HealthResponse } from "@coach/contracts/bridge";
import { join } from "node:path";
import { BuiltinAnswerer } from "./backends/builtin-answerer";
import { BuiltinEmbedder } from "./backends/builtin-embedder";
import { ChromaStore } from "./backends/chroma";
import { startChroma, type ChromaProcess } from "./backends/chroma-process";
import { OllamaBackend, ollamaOptions, type ModelCheck } from "./backends/ollama";
import type { Embedder } from "./backends/types";
import type { Config } from "./config";
import { accessOptionsFor } from "./http/access-auth";
import { EdgeCallbacks } from "./ingest/edge-callbacks";
import { ParserPool } from "./ingest/parse-in-worker";
import type { Logger } from "./logger";
import { Metrics } from "./metrics";
import { AdmissionQueue } from "./queue";
import { KnowledgeBase } from "./retrieval/knowledge-base";
import { Reindexer } from "./retrieval/reindex";
import type { BridgeServices } from "./services";
import { loadLanguageResources } from "./text/language-resources";

const HEALTH_CACHE_MS = 1000;

/** A wired bridge; `close` stops what `createBridge` started (not the HTTP server). */
export interface Bridge {
  services: BridgeServices;
  close(): Promise<void>;
}

/** Raised when the configured setup cannot work; the message says what to do. */
export class StartupError extends Error {
  override name = "StartupError";
}

async function chooseBackend(
  config: Config,
  logger: Logger,
  metrics: Metrics,
): Promise<OllamaBackend | undefined> {
  if (config.BRIDGE_BACKEND === "builtin") {
    logger.info(
      "using the built-in answerer (BRIDGE_BACKEND=builtin): word-vector embeddings and answers quoted from the material, labelled builtin",
    );
    return undefined;
  }
  const ollama = new OllamaBackend({
    ...ollamaOptions(config),
    onError: () => metrics.backendError("ollama"),
  });
  const check = await ollama.checkModels();
  if (!check.reachable) {
    if (config.BRIDGE_BACKEND === "ollama") {
      throw new StartupError(
        `Ollama is unreachable at ${config.OLLAMA_HOST}; start it with \`ollama serve\` or set BRIDGE_BACKEND=auto.`,
      );
    }
    logger.warn(
      `Ollama is unreachable at ${config.OLLAMA_HOST}; using the built-in answerer (word-vector embeddings, answers quoted from the material), labelled builtin`,
    );
    return undefined;
  }
  if (check.missing.length > 0) {
    const pulls = check.missing.map((model) => `\`ollama pull ${model}\``).join(" and ");
    throw new StartupError(
      `Ollama at ${config.OLLAMA_HOST} lacks ${check.missing.join(" and ")}; run ${pulls}.`,
    );
  }
  logger.info("using Ollama", {
    chat_model: config.CHAT_MODEL,
    embed_model: config.EMBED_MODEL,
    keep_alive: config.OLLAMA_KEEP_ALIVE,
    num_ctx: config.OLLAMA_NUM_CTX,
  });
  return ollama;
}

/** Builds the services described by `config`. */
export async function createBridge(config: Config, logger: Logger): Promise<Bridge> {
  const metrics = new Metrics();
  // Word vectors and synonyms: built once from their npm packages (tens of seconds, in a child process),
  // then loaded at every start in about a second.
  const language = await loadLanguageResources(
    config.BRIDGE_LANGUAGE_DIR ?? join(config.BRIDGE_DATA_DIR, "language"),
    (step, progress) => logger.info("preparing language files", { step, progress }),
  );
  let chromaProcess: ChromaProcess | undefined;
  let chromaUrl = config.CHROMA_URL;
  if (!chromaUrl) {
    const dataDir = join(config.BRIDGE_DATA_DIR, "chroma");
    chromaProcess = await startChroma({ dataDir, port: config.CHROMA_PORT });
    chromaUrl = chromaProcess.url;
    logger.info("started Chroma", { url: chromaUrl, data_dir: dataDir, pid: chromaProcess.pid });
  }
  const store = new ChromaStore(chromaUrl, () => metrics.backendError("chroma"));
  let ollama: OllamaBackend | undefined;
  try {
    ollama = await chooseBackend(config, logger, metrics);
  } catch (error) {
    await chromaProcess?.stop();
    throw error;
  }
  const queue = new AdmissionQueue({
    concurrency: config.OLLAMA_NUM_PARALLEL,
    maxWaitMs: config.BRIDGE_QUEUE_MAX_WAIT_MS,
    maxDepth: config.BRIDGE_QUEUE_MAX_DEPTH,
    tenantMaxDepth: config.BRIDGE_QUEUE_TENANT_MAX_DEPTH,
    agingMs: config.BRIDGE_QUEUE_AGING_MS,
    isBackendUp: () => ollama?.isUp() ?? true,
    hooks: metrics.queueHooks,
  });
  const mode = ollama ? "ollama" : "builtin";
  // /health is unsigned; caching the probe for a moment keeps it from multiplying load on Ollama and Chroma.
  let probe: { at: number; result: Promise<[ModelCheck | undefined, boolean]> } | undefined;
  const health = async (): Promise<HealthResponse> => {
    if (!probe || Date.now() - probe.at > HEALTH_CACHE_MS)
      probe = { at: Date.now(), result: Promise.all([ollama?.checkModels(), store.isReachable()]) };
    const [models, chromaUp] = await probe.result;
    const ollamaOk = !ollama || (models?.reachable === true && models.missing.length === 0);
    return {
      status: chromaUp && ollamaOk ? "ok" : "degraded",
      mode,
      ollama: {
        reachable: models?.reachable ?? false,
        models_present: models !== undefined && models.reachable && models.missing.length === 0,
      },
      chroma: { reachable: chromaUp },
      queue: (({ depth, running, concurrency, draining }) => ({
        depth,
        running,
        concurrency,
        draining,
      }))(queue.stats()),
      load: { ...queue.load(), version },
    };
  };
  const parser = new ParserPool({
    deadlineMs: config.INGEST_PARSE_DEADLINE_MS,
    maxHeapMb: config.INGEST_PARSE_MAX_HEAP_MB,
  });
  const embedder: Embedder = ollama?.embedder ?? new BuiltinEmbedder(language.vectors);
  const version = `${ollama ? config.CHAT_MODEL : "built-in answerer"} · ${embedder.identity.name}@${embedder.identity.version}`;
  const callbacks = new EdgeCallbacks(config.EDGE_CALLBACK_URL, config.BRIDGE_SECRET, logger);
  const reindexer = new Reindexer(
    store,
    embedder.identity,
    (tenantId, identity) => callbacks.requestReindex({ tenant_id: tenantId, embedder: identity }),
    logger,
  );
  const knowledge = new KnowledgeBase({
    store,
    embedder,
    language,
    reindexer,
    onDenseFailure: (error) =>
      logger.warn("dense ranking unavailable; answering from the lexical ranking", {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  // Collections filled by another embedder are re-indexed from the originals, in the background.
  void reindexer.checkAll().then(
    (count) =>
      count > 0 &&
      logger.info("re-indexing collections filled by another embedder", {
        tenants: count,
        embedder: embedder.identity.name,
      }),
    (error: unknown) =>
      logger.warn("could not check the collections' embedders", {
        error: error instanceof Error ? error.message : String(error),
      }),
  );
  const services: BridgeServices = {
    mode,
    version,
    secret: config.BRIDGE_SECRET,
    access:
      config.CF_ACCESS_TEAM_DOMAIN && config.CF_ACCESS_AUD
        ? accessOptionsFor(config.CF_ACCESS_TEAM_DOMAIN, config.CF_ACCESS_AUD)
        : undefined,
    metricsToken: config.METRICS_TOKEN,
    logger,
    queue,
    metrics,
    embedder,
    generator: ollama ?? new BuiltinAnswerer(),
    budget: { contextTokens: config.OLLAMA_NUM_CTX, answerTokens: config.OLLAMA_NUM_PREDICT },
    knowledge,
    language,
    parser,
    callbacks,
    health,
  };
  return {
    services,
    async close() {
      ollama?.close();
      await parser.close();
      await chromaProcess?.stop();
    },
  };
}
