/**
 * Wire contracts of knowledge ingestion between the edge and the bridge, in both directions.
 *
 * The edge sends the original bytes to `POST /v1/ingest/:tenant_id/:document_id?kind=…&title=…&attempt=…`
 * (signed like every bridge request: the query is part of the signature, the body hash covers the bytes).
 * The bridge answers 202 at once and reports progress to the edge with signed callbacks
 * `POST /api/v1/bridge/documents/:document_id/status` carrying {@link IngestStatusCallback}.
 */
import { z } from "zod";
import { DocumentIdSchema, TenantIdSchema } from "./bridge";

/**
 * Kinds the edge recognises from the bytes; `text` and `qa` are entered directly in the dashboard, and a
 * `correction` is a creator's corrected answer (question-and-answer pairs whose answer is used verbatim).
 */
export const DocumentKindSchema = z.enum([
  "pdf",
  "docx",
  "txt",
  "md",
  "html",
  "text",
  "qa",
  "correction",
]);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** How the edge names a bridge of a workspace: a UUID, or `shared`. */
export const BridgeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * Answer of `GET /v1/index/:tenant_id` (signed): the documents the bridge's live index holds for the
 * tenant, so the edge can tell an emptied or partial index and back-fill it from the originals.
 */
export const IndexContentsSchema = z.object({
  tenant_id: z.string(),
  document_ids: z.array(z.string()),
});
export type IndexContents = z.infer<typeof IndexContentsSchema>;

/** Largest original accepted, at the edge and at the bridge. */
export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** Query of `POST /v1/ingest/:tenant_id/:document_id`; the body is the original file as bytes. */
export const IngestQuerySchema = z.object({
  kind: DocumentKindSchema,
  title: z.string().min(1).max(300),
  /** Which ingestion of this document this is; callbacks carry it so the edge ignores stale runs. */
  attempt: z.coerce.number().int().min(1).max(1_000_000),
  /**
   * The edge's id for this bridge in the workspace (`shared` for the deployment's own); its callbacks
   * carry it back, so the edge verifies them with that bridge's own secret and records its copy.
   */
  bridge_id: BridgeIdSchema.optional(),
});
export type IngestQuery = z.infer<typeof IngestQuerySchema>;

/** Path parameters of the ingest route. */
export const IngestParamsSchema = z.object({
  tenant_id: TenantIdSchema,
  document_id: DocumentIdSchema,
});

/** Answer of the ingest route: accepted, the outcome follows as callbacks. */
export interface IngestAccepted {
  tenant_id: string;
  document_id: string;
  attempt: number;
  status: "accepted";
}

/** One question-and-answer pair entered directly; stored as JSON, ingested one chunk per pair. */
export const QaPairSchema = z.object({
  question: z.string().trim().min(1).max(2000),
  answer: z.string().trim().min(1).max(8000),
});
export type QaPair = z.infer<typeof QaPairSchema>;

/** Statuses a callback may report (the edge sets `queued` itself). */
export const IngestStatusSchema = z.enum(["processing", "ready", "failed"]);

/**
 * Body of the bridge's status callback. `seq` grows with every callback of one attempt, so a replayed
 * or reordered callback can never move a document backwards.
 */
export const IngestStatusCallbackSchema = z.object({
  tenant_id: TenantIdSchema,
  document_id: DocumentIdSchema,
  attempt: z.number().int().min(1),
  seq: z.number().int().min(1),
  status: IngestStatusSchema,
  /** Human-readable reason when `failed`, e.g. "The PDF is encrypted; upload a copy without a password." */
  reason: z.string().max(500).nullable().default(null),
  /** Machine-readable reason when `failed`, e.g. `pdf_encrypted`. */
  code: z.string().max(64).nullable().default(null),
  chunk_count: z.number().int().min(0).default(0),
  page_count: z.number().int().min(0).nullable().default(null),
  /** Share of the work done, 0..1, while `processing`. */
  progress: z.number().min(0).max(1).default(0),
  /** The `bridge_id` the edge sent with the ingestion, when it sent one. */
  bridge_id: BridgeIdSchema.optional(),
});
export type IngestStatusCallback = z.infer<typeof IngestStatusCallbackSchema>;
export type IngestStatusCallbackInput = z.input<typeof IngestStatusCallbackSchema>;

/** Path of the status callback on the edge, for a document. */
export function statusCallbackPath(documentId: string): string {
  return `/api/v1/bridge/documents/${encodeURIComponent(documentId)}/status`;
}

/** Most passages one passages callback carries; a document's are sent in batches of at most this many. */
export const MAX_PASSAGES_PER_CALLBACK = 32;
/** Longest passage text the edge keeps (the bridge's chunks are about 1,000 tokens). */
export const MAX_PASSAGE_CHARS = 8_000;

/**
 * Body of the bridge's passages callback `POST /api/v1/bridge/documents/:document_id/passages`: the
 * chunk texts of one ingestion attempt, in batches from `from` (0 first), so the edge keeps a full-text
 * copy to answer from when no bridge is up (the overflow to Workers AI). The batch starting at 0
 * replaces what an earlier ingestion left; a batch of an older attempt is ignored.
 */
export const PassagesCallbackSchema = z.object({
  tenant_id: TenantIdSchema,
  document_id: DocumentIdSchema,
  /** The `bridge_id` the edge sent with the ingestion, when it sent one (the secret it is signed with). */
  bridge_id: BridgeIdSchema.optional(),
  attempt: z.number().int().min(1),
  from: z.number().int().min(0),
  total: z.number().int().min(0).max(100_000),
  passages: z
    .array(
      z.object({
        index: z.number().int().min(0),
        text: z.string().min(1).max(MAX_PASSAGE_CHARS),
        section: z.string().max(500).optional(),
        page: z.number().int().min(0).optional(),
      }),
    )
    .max(MAX_PASSAGES_PER_CALLBACK),
});
export type PassagesCallback = z.infer<typeof PassagesCallbackSchema>;

/** Path of the passages callback on the edge, for a document. */
export function passagesCallbackPath(documentId: string): string {
  return `/api/v1/bridge/documents/${encodeURIComponent(documentId)}/passages`;
}

/** Path of the callback by which the bridge asks the edge to send a tenant's originals again. */
export const REINDEX_CALLBACK_PATH = "/api/v1/bridge/reindex-requests";

/**
 * Body of the re-index callback: the tenant's collection was filled by another embedder than the
 * bridge runs now, so its documents must be chunked and embedded again from the originals.
 */
export const ReindexRequestSchema = z.object({
  tenant_id: TenantIdSchema,
  embedder: z.object({
    name: z.string().min(1).max(120),
    version: z.string().min(1).max(120),
    dimensions: z.number().int().min(1).max(8192),
  }),
});
export type ReindexRequest = z.infer<typeof ReindexRequestSchema>;

/** The edge's answer: the documents it is sending again (new ingestion attempts follow). */
export const ReindexAcceptedSchema = z.object({
  document_ids: z.array(DocumentIdSchema).max(100_000),
});
export type ReindexAccepted = z.infer<typeof ReindexAcceptedSchema>;

/** Path of the callback that reports a question the coach could not answer well. */
export const QUESTION_CALLBACK_PATH = "/api/v1/bridge/questions";

/**
 * Body of the bridge's question callback: a turn that fell back, was answered from general knowledge,
 * or scored below the low-confidence line. The edge collects these per tenant for the dashboard.
 */
export const QuestionReportSchema = z.object({
  tenant_id: TenantIdSchema,
  conversation_id: z.string().min(1).max(128),
  turn_id: z.string().min(1).max(128),
  attempt: z.number().int().min(1),
  question: z.string().min(1).max(8000),
  confidence: z.number().min(0).max(1),
  grounding: z.enum(["material", "curated", "general", "fallback"]),
});
export type QuestionReport = z.infer<typeof QuestionReportSchema>;
