// The shapes the dashboard reads from the edge (snake_case, as the API answers them). Wire contracts
// that already exist in @coach/contracts are imported from there, as types only.
import type { Persona } from "@coach/contracts/bridge";
import type { ChannelView } from "@coach/contracts/channels";
import type { Grounding, MessageView, Source } from "@coach/contracts/socket";
import type { WidgetView, WidgetSettings } from "@coach/contracts/widget";

export type { ChannelView, Grounding, MessageView, Persona, Source, WidgetSettings, WidgetView };

export type Role = "owner" | "admin" | "editor" | "viewer";

export type TokenResponse = {
  access_token: string;
  refresh_token: string;
  token_type: "Bearer";
  expires_in: number;
  user: { id: string; email: string; full_name: string };
  tenant: { id: string; name: string; slug: string; role: Role };
  /** Sign-in only: this browser's device token (see api/device-token.ts). */
  device_token?: string | null;
};

export type Me = {
  user: { id: string; email: string; full_name: string; created_at: string };
  tenant: { id: string; name: string; slug: string; plan: string };
  role: Role;
};

export type Workspace = { tenant_id: string; name: string; slug: string; role: Role; current: boolean };

export type DocumentStatus = "queued" | "processing" | "ready" | "failed";

export type KnowledgeDocument = {
  id: string;
  title: string;
  kind: string;
  size_bytes: number;
  status: DocumentStatus;
  status_reason: string | null;
  chunk_count: number | null;
  page_count: number | null;
  created_at: number;
  updated_at: number;
};

/** `PATCH /api/v1/knowledge/documents/:id`: the document, and whether the bridge still has the old title. */
export type RenamedDocument = KnowledgeDocument & { bridge_pending: boolean };

/** `GET /api/v1/assistant/status`: whether the home server answers, and with a model or the built-in answerer. */
export type AssistantStatus = { reachable: boolean; mode: "ollama" | "builtin" | null; status: "ok" | "degraded" | null };

export type PersonaVersion = { version: number; persona: Persona; updated_at: number | null };

export type GapQuestion = { question: string; confidence: number | null; grounding: string | null; conversation_id: string | null; created_at: number };

export type Contact = { id: string; display_name: string | null; email: string | null; channel: string };

export type Conversation = {
  id: string;
  contact_id: string;
  channel: string;
  status: string;
  started_at: number;
  last_message_at: number | null;
  message_count: number;
  last_preview: string | null;
  // Added by the inbox API (issue 9); optional so an older edge still renders.
  needs_human?: boolean;
  taken_over?: boolean;
  taken_over_by?: { user_id: string; name: string } | null;
  contact?: Contact | null;
  low_confidence?: boolean;
};

/** A transcript message; creator messages carry `author_role: "creator"`. */
export type TranscriptMessage = MessageView & { author_role?: string; sources?: Source[] };

export type Analytics = {
  from: string;
  to: string;
  per_day: { date: string; conversations: number; active_users: number; messages: number }[];
  messages: { user: number; assistant: number; creator: number };
  confidence: { buckets: { min: number; max: number; count: number }[]; fallback_count: number };
  top_documents: { document_id: string; title: string; citations: number }[];
  channels: { channel: string; conversations: number }[];
};

export type Member = { id: string; user_id: string; email: string | null; full_name: string | null; role: Role; created_at: string };
export type Invitation = { id: string; email: string; role: Role; expires_at: string };

export type ApiKey = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: string | null;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
};

export type AuditEvent = {
  id: string;
  action: string;
  actor_type: string;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  created_at: string;
  metadata: Record<string, unknown> | null;
};

export type Webhook = { id: string; url: string; events: string[]; description?: string | null; created_at?: number | string; secret?: string; active?: boolean };
export type WebhookDelivery = { id: string; event_type?: string; event?: string; status?: string; status_code?: number | null; attempts?: number; attempt?: number; created_at?: number | string; next_attempt_at?: number | string | null; error?: string | null };
