/**
 * Re-indexing a tenant whose live collection was filled by another embedder than the running one (a new
 * model or model version, or Ollama gone and the built-in embedder in its place). The bridge has only
 * chunks, not the originals, and chunk sizes differ per embedder, so it asks the edge (signed callback)
 * to send every original again; the edge answers with the documents it will send. Their new chunks go
 * to the tenant's next collection while answers keep coming from the live one; when the last expected
 * document is stored, the next collection replaces the live one.
 */
import type { ChromaStore } from "../backends/chroma";
import type { Generation } from "../backends/chroma-collections";
import type { EmbedderIdentity } from "../backends/types";
import type { Logger } from "../logger";

/** Asks the edge to re-send a tenant's originals; resolves to the documents it will send, or null. */
export type ReindexRequest = (
  tenantId: string,
  identity: EmbedderIdentity,
) => Promise<string[] | null>;

/** Least time between two requests for one tenant, so an unreachable edge is not asked in a loop. */
const RETRY_MS = 60_000;

type TenantState =
  | { kind: "matching" }
  | {
      kind: "reindexing";
      expected: Set<string> | null;
      done: Set<string>;
      requestedAt: number;
      total: number;
    };

function same(a: EmbedderIdentity | null | undefined, b: EmbedderIdentity): boolean {
  return !!a && a.name === b.name && a.version === b.version && a.dimensions === b.dimensions;
}

/** Tracks and drives the re-indexing of tenants. */
export class Reindexer {
  private readonly states = new Map<string, Promise<TenantState>>();
  private readonly promoted: ((tenantId: string) => void)[] = [];

  constructor(
    private readonly store: ChromaStore,
    private readonly identity: EmbedderIdentity,
    private readonly request: ReindexRequest,
    private readonly logger: Logger,
  ) {}

  /** Hears each tenant whose re-index completed. */
  onPromoted(listener: (tenantId: string) => void): void {
    this.promoted.push(listener);
  }

  /** Checks every tenant's collection at start and begins the re-indexes that are needed. */
  async checkAll(): Promise<number> {
    const tenants = (await this.store.tenants()).filter((t) => t.generation === "live");
    let started = 0;
    for (const { tenantId } of tenants)
      if ((await this.state(tenantId)).kind === "reindexing") started++;
    return started;
  }

  /** Whether the live collection's vectors can be queried with the running embedder. */
  async liveMatches(tenantId: string): Promise<boolean> {
    return (await this.state(tenantId)).kind === "matching";
  }

  /** Where a new ingestion's chunks go. */
  async generationForWrites(tenantId: string): Promise<Generation> {
    const state = await this.state(tenantId);
    if (state.kind === "matching") return "live";
    if (state.expected === null && Date.now() - state.requestedAt > RETRY_MS)
      await this.ask(tenantId, state);
    return "next";
  }

  /** Records a document stored in the next collection; promotes it once every expected one is in. */
  async documentDone(tenantId: string, documentId: string): Promise<void> {
    const state = await this.state(tenantId);
    if (state.kind !== "reindexing") return;
    state.done.add(documentId);
    this.logger.info("re-index progress", {
      tenant_id: tenantId,
      done: state.done.size,
      total: state.total,
    });
    await this.promoteIfComplete(tenantId, state);
  }

  /** A deleted document is no longer waited for. */
  async documentDeleted(tenantId: string, documentId: string): Promise<void> {
    const state = await this.state(tenantId);
    if (state.kind !== "reindexing" || !state.expected) return;
    state.expected.delete(documentId);
    state.total = state.expected.size;
    await this.promoteIfComplete(tenantId, state);
  }

  /** Tenants being re-indexed, with progress, for /health and logs. */
  async progress(): Promise<{ tenant_id: string; done: number; total: number | null }[]> {
    const out: { tenant_id: string; done: number; total: number | null }[] = [];
    for (const [tenantId, pending] of this.states) {
      const state = await pending;
      if (state.kind === "reindexing")
        out.push({
          tenant_id: tenantId,
          done: state.done.size,
          total: state.expected ? state.total : null,
        });
    }
    return out;
  }

  private state(tenantId: string): Promise<TenantState> {
    let pending = this.states.get(tenantId);
    if (!pending) {
      pending = this.inspect(tenantId);
      pending.catch(() => this.states.delete(tenantId));
      this.states.set(tenantId, pending);
    }
    return pending;
  }

  private async inspect(tenantId: string): Promise<TenantState> {
    const live = await this.store.identity(tenantId, "live");
    // No collection yet: the running embedder fills the first one.
    if (live === undefined || same(live, this.identity)) return { kind: "matching" };
    this.logger.warn("collection filled by another embedder: re-indexing from the originals", {
      tenant_id: tenantId,
      collection_embedder: live ? `${live.name}@${live.version}/${live.dimensions}` : "unrecorded",
      running_embedder: `${this.identity.name}@${this.identity.version}/${this.identity.dimensions}`,
    });
    // A next collection left by an interrupted run may hold chunks of deleted documents: start clean.
    await this.store.dropNext(tenantId);
    const state: TenantState = {
      kind: "reindexing",
      expected: null,
      done: new Set(),
      requestedAt: 0,
      total: 0,
    };
    // Asked in the background: the state must exist before the edge starts sending documents.
    queueMicrotask(() => void this.ask(tenantId, state));
    return state;
  }

  private async ask(
    tenantId: string,
    state: Extract<TenantState, { kind: "reindexing" }>,
  ): Promise<void> {
    state.requestedAt = Date.now();
    const documents = await this.request(tenantId, this.identity).catch(() => null);
    if (!documents) {
      this.logger.warn("re-index requested but the edge did not answer; asking again later", {
        tenant_id: tenantId,
      });
      return;
    }
    state.expected = new Set(documents);
    state.total = documents.length;
    this.logger.info("re-index started", { tenant_id: tenantId, total: state.total });
    await this.promoteIfComplete(tenantId, state);
  }

  private async promoteIfComplete(
    tenantId: string,
    state: Extract<TenantState, { kind: "reindexing" }>,
  ): Promise<void> {
    if (!state.expected || [...state.expected].some((id) => !state.done.has(id))) return;
    await this.store.promoteNext(tenantId);
    this.states.set(tenantId, Promise.resolve({ kind: "matching" }));
    this.logger.info("re-index complete", { tenant_id: tenantId, documents: state.total });
    for (const listener of this.promoted) listener(tenantId);
  }
}
