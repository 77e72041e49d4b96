// What the edge answers about the creator's material and settings: knowledge documents, unanswered
// questions, the persona, the assistant's mode, analytics and outgoing webhooks. Snake_case, as on the wire.
// The Worker's handlers are checked against these in test/worker/routes/api-routes.types.ts.
import type { Persona } from "./bridge";

export type DocumentStatus = "queued" | "processing" | "ready" | "failed";

export type KnowledgeDocument = {
  id: string;
  title: string;
  kind: string;
  size_bytes: number;
  sha256: string | null;
  status: DocumentStatus;
  status_reason: string | null;
  chunk_count: number;
  page_count: number | null;
  /** When the workspace's retention removed the original file; its passages still answer. */
  original_removed_at: number | null;
  created_at: number;
  updated_at: number;
  /** Its copy at each bridge of the workspace (`GET` of the list and of one document). */
  bridges?: DocumentCopy[];
};

/**
 * A document's copy at one bridge: `bridge_id` is the workspace's bridge, or `shared` (name null) for
 * the deployment's own when the workspace has none.
 */
export type DocumentCopy = {
  bridge_id: string;
  name: string | null;
  status: DocumentStatus;
  reason: string | null;
  updated_at: number | null;
};

export type DocumentPage = { documents: KnowledgeDocument[]; next_offset: number | null };

/** `PATCH /knowledge/documents/:id`: the document, and whether the bridge still has the old title. */
export type RenamedDocument = KnowledgeDocument & { bridge_pending: boolean };

/** `DELETE /knowledge/documents/:id`: gone, with the vectors the bridge dropped. */
export type DocumentDeleted = Deleted & { vectors_deleted: number };

/**
 * A creator's correction: the question and the answer given word for word to it and to nearly the
 * same question. `id` is its library document; `status` follows the document's indexing.
 */
export type Correction = {
  id: string;
  question: string;
  answer: string;
  status: DocumentStatus;
  created_at: number;
  updated_at: number;
};

/** `GET /knowledge/corrections`: newest first, in the shape of eval/golden.json (`cases`). */
export type CorrectionPage = { cases: Correction[]; next_offset: number | null };

/** A question the coach answered poorly, as the bridge reported it. */
export type GapQuestion = {
  question: string;
  confidence: number | null;
  grounding: string | null;
  conversation_id: string | null;
  created_at: number;
  /** Distinct conversations that asked the same question (trimmed, case-folded) and have not been sent an answer. */
  askers: number;
};

export type GapPage = { questions: GapQuestion[]; next_offset: number | null };

/**
 * `POST /knowledge/gaps/answer`: the correction made, and with `notify_askers` how many of the people
 * who asked were sent the answer (`sent`), how many not (`skipped`: opted out, gone, or held back by
 * their channel's rules), and whether more are left for another call (`more`).
 */
export type GapAnswerResult = {
  correction: KnowledgeDocument;
  notify_askers: boolean;
  sent: number;
  skipped: number;
  more: boolean;
};

/** `GET /assistant/status`: whether the home server answers, and with a model or the built-in answerer. */
export type AssistantStatus = {
  reachable: boolean;
  mode: "ollama" | "builtin" | null;
  status: "ok" | "degraded" | null;
};

/** The persona in force; version 0 with `updated_at: null` is the default no one has saved yet. */
export type PersonaVersion = { version: number; persona: Persona; updated_at: number | null };

export type Analytics = {
  from: string;
  to: string;
  per_day: { date: string; conversations: number; active_users: number; messages: number }[];
  messages: { user: number; assistant: number; creator: number };
  confidence: { buckets: { min: number; max: number; count: number }[]; fallback_count: number };
  top_documents: { document_id: string; title: string; citations: number }[];
  channels: { channel: string; conversations: number }[];
};

export type Webhook = {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  created_at: number;
};

/** `POST /integrations/webhooks`: the endpoint and its signing secret, shown this once. */
export type WebhookCreated = Webhook & { secret: string };

export type WebhookDelivery = {
  id: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
};

export type WebhookDeliveryLog = { webhook: Webhook; deliveries: WebhookDelivery[] };

/** `POST /integrations/webhooks/:id/test`: the test event is queued with the dispatcher. */
export type WebhookTestQueued = { queued: true; event_id: string };

/** An answer that only confirms a removal. */
export type Deleted = { id: string; deleted: true };
