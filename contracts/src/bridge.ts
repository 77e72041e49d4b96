/**
 * Wire contracts of the inference bridge: what the edge sends to it and what it streams back.
 *
 * Field names are snake_case on the wire. Streamed chat events are NDJSON lines forming a discriminated
 * union on `type`. Inbound data goes through `safeParse`; producers check outbound values with
 * `satisfies` against the inferred types.
 */
import { z } from "zod";
import { PersonaSchema } from "./persona";

export { PersonaSchema, type Persona } from "./persona";

/** Header that carries the edge's request id; the bridge logs it and echoes it back. */
export const REQUEST_ID_HEADER = "X-Request-Id";
/** Media type of streamed chat responses. */
export const NDJSON_CONTENT_TYPE = "application/x-ndjson";

/** Tenant ids end up in Chroma collection names, so they are limited to characters Chroma accepts. */
export const TenantIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,48}$/, "1-48 characters of A-Z a-z 0-9 _ -");
/** Document ids become part of chunk ids (`<document_id>#<n>`). */
export const DocumentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, "1-128 characters of A-Z a-z 0-9 _ . : -");

/** Scheduling classes of the admission queue, most urgent first. */
export const PrioritySchema = z.enum(["interactive", "search", "proactive", "ingestion"]);
export type Priority = z.infer<typeof PrioritySchema>;

/** One earlier turn of the conversation. */
export const ChatMessageSchema = z.object({
  role: z.enum(["user", "assistant"]),
  content: z.string().max(20_000),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/**
 * How many chunks to retrieve and the cosine similarity a chunk needs to be used. Without `min_score`
 * the bridge uses its embedder's own threshold, since each embedding model scores on its own scale.
 */
export const RetrievalOptionsSchema = z.object({
  k: z.number().int().min(1).max(20).default(4),
  min_score: z.number().min(-1).max(1).optional(),
});

/** Body of `POST /v1/chat`. The tenant chooses the collection searched, so it must come from the signed request. */
export const ChatRequestSchema = z.object({
  tenant_id: TenantIdSchema,
  conversation_id: z.string().min(1).max(128),
  question: z.string().min(1).max(8000),
  history: z.array(ChatMessageSchema).max(50).default([]),
  persona: PersonaSchema,
  /** The persona version the turn uses, for logs and evaluation; the prefix is derived from `persona` only. */
  persona_version: z.number().int().min(0).optional(),
  retrieval: RetrievalOptionsSchema.default({ k: 4 }),
  priority: z.enum(["interactive", "proactive"]).default("interactive"),
  /** Total time budget for the request, from arrival at the bridge. */
  deadline_ms: z.number().int().min(100).max(600_000).default(60_000),
  /**
   * The edge's turn this request answers, and which attempt at it: together they make every signed
   * request distinct, so two turns with the same question, or a retry, are never taken for a replay.
   */
  turn_id: z.string().min(1).max(128).optional(),
  attempt: z.number().int().min(1).max(10_000).default(1),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;
/** What a caller may send: fields with defaults are optional. */
export type ChatRequestInput = z.input<typeof ChatRequestSchema>;

/**
 * What an answer rests on: the creator's material, their own corrected answer (`curated`), general
 * knowledge (adaptive personas, labelled as such), or the fallback line.
 */
export const GroundingSchema = z.enum(["material", "curated", "general", "fallback"]);
export type Grounding = z.infer<typeof GroundingSchema>;

/** A passage the answer is based on. */
export const CitationSchema = z.object({
  chunk_id: z.string(),
  document_id: z.string(),
  title: z.string(),
  score: z.number(),
  /** Where in the document: its page (PDFs) and heading path, when known. */
  page: z.number().int().optional(),
  section: z.string().optional(),
  /** The start of the passage, for showing the source beside the answer. */
  snippet: z.string().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

/**
 * A bridge's load as it reports it on every answer (`queued` and `done`) and on `/health`: the edge
 * routes each turn to the bridge with the shortest estimated wait. Optional everywhere, so bridges
 * and edges of older versions keep talking to each other.
 */
export const BridgeLoadSchema = z.object({
  queue_depth: z.number().int().min(0),
  running: z.number().int().min(0),
  concurrency: z.number().int().min(1),
  /** How long a new interactive request would wait for a generation slot now. */
  estimated_wait_ms: z.number().min(0),
  /**
   * What the bridge answers with: its chat model (or the built-in answerer) and its embedder with its
   * version, so a fleet running different models or indexes is seen as such.
   */
  version: z.string().max(200).optional(),
});
export type BridgeLoad = z.infer<typeof BridgeLoadSchema>;

/** One NDJSON line of a `/v1/chat` stream: queued → started → delta… → done, or error. */
export const ChatEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("queued"),
    position: z.number().int().min(0),
    estimated_wait_ms: z.number().min(0),
    load: BridgeLoadSchema.optional(),
  }),
  z.object({ type: z.literal("started"), queue_wait_ms: z.number().min(0) }),
  z.object({ type: z.literal("delta"), text: z.string() }),
  z.object({
    type: z.literal("done"),
    text: z.string(),
    citations: z.array(CitationSchema),
    confidence: z.number().min(0).max(1),
    /** Model that answered, or "builtin" for the built-in fallback. */
    model: z.string(),
    fallback_used: z.boolean(),
    grounding: GroundingSchema.optional(),
    prompt_tokens: z.number().int().min(0),
    completion_tokens: z.number().int().min(0),
    timings: z.object({
      queue_wait_ms: z.number().min(0),
      retrieval_ms: z.number().min(0),
      ttft_ms: z.number().min(0),
      total_ms: z.number().min(0),
    }),
    /** The bridge's load once this answer's slot is released. */
    load: BridgeLoadSchema.optional(),
  }),
  z.object({
    type: z.literal("error"),
    code: z.string(),
    message: z.string(),
    retryable: z.boolean(),
  }),
]);
export type ChatEvent = z.infer<typeof ChatEventSchema>;

/** Body of `POST /v1/embed`. */
export const EmbedRequestSchema = z.object({
  /** Optional: groups the work with the tenant's other requests for fair queueing. */
  tenant_id: TenantIdSchema.optional(),
  texts: z.array(z.string().max(32_000)).min(1).max(256),
});
export type EmbedRequest = z.infer<typeof EmbedRequestSchema>;
/** Answer of `POST /v1/embed`. */
export interface EmbedResponse {
  model: string;
  dimensions: number;
  embeddings: number[][];
}

/** Body of `POST /v1/search`. */
export const SearchRequestSchema = z.object({
  tenant_id: TenantIdSchema,
  query: z.string().min(1).max(8000),
  k: z.number().int().min(1).max(50).default(5),
  min_score: z.number().min(-1).max(1).optional(),
});
export type SearchRequest = z.infer<typeof SearchRequestSchema>;
export type SearchRequestInput = z.input<typeof SearchRequestSchema>;

/** Body of `PATCH /v1/documents/:document_id`: a new title for a document's chunks (citations show it). */
export const RenameDocumentRequestSchema = z.object({
  tenant_id: TenantIdSchema,
  title: z.string().trim().min(1).max(200),
});
export type RenameDocumentRequest = z.infer<typeof RenameDocumentRequestSchema>;

/** Metadata stored with every chunk. */
export const ChunkMetadataSchema = z.object({
  document_id: z.string(),
  title: z.string(),
  chunk_index: z.number().int(),
  /** Heading path of the chunk ("Part 1 > Breathing"), when the document has headings. */
  section: z.string().optional(),
  /** First page of the chunk, for PDFs. */
  page: z.number().int().optional(),
  /** Set on a creator's corrected answer: used verbatim for the same and near-identical questions. */
  curated: z.boolean().optional(),
});
export type ChunkMetadata = z.infer<typeof ChunkMetadataSchema>;

/** One retrieved chunk. */
export interface SearchHit {
  chunk_id: string;
  text: string;
  /** Cosine similarity in [-1, 1]; higher is closer. */
  score: number;
  metadata: ChunkMetadata;
}
/** Answer of `POST /v1/search`. */
export interface SearchResponse {
  model: string;
  hits: SearchHit[];
}

/** Body of `POST /v1/documents`; re-sending a document replaces its chunks. */
export const IngestDocumentRequestSchema = z
  .object({
    tenant_id: TenantIdSchema,
    document_id: DocumentIdSchema,
    title: z.string().min(1).max(300),
    /** Plain text or Markdown; the bridge chunks it. */
    text: z.string().min(1).max(5_000_000).optional(),
    /** Pre-chunked content; used as is. */
    chunks: z.array(z.string().min(1).max(32_000)).min(1).max(5000).optional(),
  })
  .refine((value) => (value.text === undefined) !== (value.chunks === undefined), {
    message: "Send exactly one of text or chunks.",
  });
export type IngestDocumentRequest = z.infer<typeof IngestDocumentRequestSchema>;
/** Answer of `POST /v1/documents`. */
export interface IngestDocumentResponse {
  tenant_id: string;
  document_id: string;
  chunks: number;
  model: string;
  took_ms: number;
}
/** Answer of `DELETE /v1/documents/:tenant_id/:document_id`. */
export interface DeleteDocumentResponse {
  tenant_id: string;
  document_id: string;
  deleted: number;
}

/** Answer of `GET /health` (unsigned, so booleans and counts only). */
export interface HealthResponse {
  status: "ok" | "degraded";
  mode: "ollama" | "builtin";
  ollama: { reachable: boolean; models_present: boolean };
  chroma: { reachable: boolean };
  queue: { depth: number; running: number; concurrency: number; draining: boolean };
  /** Absent from bridges older than the pool of bridges. */
  load?: BridgeLoad;
}
/** What the edge's probe of a bridge reads from `/health`: its status and, when it reports it, its load. */
export const HealthStatusSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  load: BridgeLoadSchema.optional(),
});

/** Every non-streamed error. */
export interface ErrorBody {
  error: { code: string; message: string; request_id: string };
}
