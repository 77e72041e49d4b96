// `GET /workspace/export`: the whole workspace as one JSON document, field by field. The edge streams
// it section by section in this order (long lists item by item), and types every section against this.
// docs/workspace-export.md describes each field for people.
import type { Invitation, Member } from "./account-views";
import type { PlanView } from "./billing";
import type { Persona } from "./bridge";
import type { ChannelView } from "./channels";
import type { CoachingRuleView } from "./coaching-rules";
import type { Correction, KnowledgeDocument, Webhook } from "./content-views";
import type { RegisteredBridge } from "./fleet-views";
import type { ProgramVersionView, ProgramView } from "./programs";
import type { RetentionSettings } from "./retention";
import type { CrisisResources, ModelRedaction } from "./safety-settings";
import type { WidgetView } from "./widget";

/** A program with every saved version of its steps, oldest first; `steps` are the current version's. */
export type ExportedProgram = ProgramView & { versions: ProgramVersionView[] };

/** A library document and a signed link to its original file (null once retention removed it). */
export type ExportedDocument = KnowledgeDocument & { original_url: string | null };

/** An end user of the workspace, on one channel. Times are Unix milliseconds. */
export type ExportedContact = {
  id: string;
  channel: string;
  external_id: string;
  display_name: string | null;
  email: string | null;
  locale: string | null;
  /** The language a member chose for the platform's words to them; null: automatic. */
  language: string | null;
  /** A widget visitor's site: the host name of the page they first opened the widget on. */
  site: string | null;
  timezone: string | null;
  consent_at: number | null;
  opted_out_at: number | null;
  last_seen_at: number | null;
  unreachable_at: number | null;
  unreachable_reason: string | null;
  created_at: number;
};

/** A person's membership: which plan and where it stands, nothing of their payments. */
export type ExportedMembership = {
  contact_id: string;
  plan_id: string;
  /** Stripe's status: active, trialing, past_due, canceled, unpaid, … */
  status: string;
  cancel_at_period_end: boolean;
  current_period_end: number;
  canceled_at: number | null;
};

/** A conversation and every message of it, as its room keeps them. */
export type ExportedConversation = {
  id: string;
  contact_id: string | null;
  channel: string;
  status: string;
  /** A member's test chat from the dashboard. */
  test: boolean;
  started_at: number;
  last_message_at: number | null;
  messages: unknown[];
};

export type WorkspaceExport = {
  workspace: { id: string; name: string; slug: string; created_at: number };
  exported_at: string;
  /** When the `original_url` links stop working. */
  originals_expire_at: string;
  persona: Persona & { version: number };
  widget: WidgetView | null;
  channels: ChannelView[];
  team: { members: Member[]; invitations: Invitation[] };
  webhooks: Webhook[];
  /** The workspace's own inference bridges; never their signing or Access secrets. */
  bridges: RegisteredBridge[];
  /** The duty-of-care settings: the workspace's own crisis resources and what is masked for the model. */
  safety: { crisis_resources: CrisisResources; model_redaction: ModelRedaction };
  /** How long each kind of data is kept, in days (null: kept forever). */
  retention: RetentionSettings;
  programs: ExportedProgram[];
  coaching_rules: CoachingRuleView[];
  /** The plans the creator sells, archived ones too (members may still hold them). */
  plans: PlanView[];
  memberships: ExportedMembership[];
  documents: ExportedDocument[];
  corrections: Correction[];
  contacts: ExportedContact[];
  conversations: ExportedConversation[];
};
