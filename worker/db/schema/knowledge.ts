// What the assistant answers from and how it speaks: the creator's persona, their documents, and
// the questions it could not answer.
import { integer, real, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { documentStatuses } from "../enums";
import { createdAt, createdBy, status, timestamps } from "./columns";
import { creationOrderIndex, tenantTable } from "./tenants";

/** The creator's voice, versioned: every save is a new row, the highest version is current. */
export const personas = tenantTable(
  "personas",
  {
    version: integer("version").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: createdBy(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("personas_tenant_version").on(t.tenantId, t.version)],
);

export const documents = tenantTable(
  "documents",
  {
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    sizeBytes: integer("size_bytes").notNull().default(0),
    r2Key: text("r2_key"),
    /** When the workspace's retention removed the original from R2 (its passages stay indexed). */
    originalRemovedAt: integer("original_removed_at"),
    sha256: text("sha256"),
    status: status(documentStatuses, "queued"),
    statusReason: text("status_reason"),
    chunkCount: integer("chunk_count").notNull().default(0),
    pageCount: integer("page_count"),
    // Which ingestion is current, and the last callback applied from it: stale or replayed callbacks are ignored.
    ingestAttempt: integer("ingest_attempt").notNull().default(0),
    ingestSeq: integer("ingest_seq").notNull().default(0),
    createdBy: createdBy(),
    ...timestamps(),
  },
  (t) => [creationOrderIndex("documents_tenant", t)],
);

/**
 * A question the coach answered poorly (fell back, answered from general knowledge, or low confidence),
 * reported by the bridge; the dashboard shows them as gaps in the material. One row per turn.
 */
export const questionGaps = tenantTable(
  "question_gaps",
  {
    conversationId: text("conversation_id").notNull(),
    turnId: text("turn_id").notNull(),
    question: text("question").notNull(),
    confidence: real("confidence").notNull(),
    grounding: text("grounding").notNull(),
    /**
     * When a creator's answer to this question was sent into the conversation (`POST
     * /knowledge/gaps/answer` with `notify_askers`): the record that keeps it from going twice.
     */
    answerSentAt: integer("answer_sent_at"),
    createdAt: createdAt(),
  },
  (t) => [creationOrderIndex("question_gaps_tenant_time", t)],
);
