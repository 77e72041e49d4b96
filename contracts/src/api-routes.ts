// The edge API's routes the dashboard calls and what each answers, keyed "METHOD /path" under /api/v1.
// A client derives its response types from this map instead of copying them, and
// test/worker/routes/api-routes.types.ts fails to compile when a Worker handler answers something else.
// `undefined` is a 204 without a body.
import type { OverflowSettingsView } from "./overflow";
import type { BridgeCreated, BridgeDeleted, BridgeView } from "./fleet-views";
import type {
  ApiKey,
  ApiKeyCreated,
  AuditPage,
  ContactErasureReceipt,
  ExportDocument,
  InvitationAccepted,
  InvitationCreated,
  Invitation,
  InvitationPreview,
  LoginResponse,
  Me,
  Member,
  MemberRoleChanged,
  RegistrationAccepted,
  TokenResponse,
  Workspace,
  WorkspaceDeleted,
} from "./account-views";
import type { ChannelView, WhatsAppTemplateDeleted, WhatsAppTemplatePage } from "./channels";
import type { BillingSettingsView, UsageView } from "./platform-usage";
import type {
  Analytics,
  AssistantStatus,
  Correction,
  CorrectionPage,
  Deleted,
  DocumentDeleted,
  DocumentPage,
  GapAnswerResult,
  GapPage,
  KnowledgeDocument,
  PersonaVersion,
  RenamedDocument,
  Webhook,
  WebhookCreated,
  WebhookDeliveryLog,
  WebhookTestQueued,
} from "./content-views";
import type {
  Conversation,
  ConversationPage,
  SentMessage,
  TakeoverState,
  TranscriptPage,
} from "./conversation-views";
import type { BillingLinkView, ConnectView, MembersPage, PlanView, RevenueView } from "./billing";
import type { CoachingRuleView, ContactSignals } from "./coaching-rules";
import type { CommitmentView } from "./commitments";
import type { ProgramAnalytics } from "./program-analytics";
import type { RetentionView } from "./retention";
import type { ContactCoachingView, EnrollmentView, ProgramView } from "./programs";
import type { CrisisResources, ModelRedaction } from "./safety-settings";
import type { WidgetSessionResponse, WidgetView } from "./widget";
import type { WorkspaceExport } from "./workspace-export";

/** A program in a list: everything but its steps. */
export type ProgramSummary = Omit<ProgramView, "steps">;

export type ApiRoutes = {
  "POST /auth/register": RegistrationAccepted;
  "POST /auth/login": LoginResponse;
  "POST /auth/refresh": TokenResponse;
  "POST /auth/logout": undefined;
  "GET /me": Me;
  "GET /me/export": ExportDocument;
  "GET /me/workspaces": { workspaces: Workspace[] };
  "POST /me/workspaces/switch": TokenResponse;
  "GET /members": { members: Member[]; invitations: Invitation[] };
  "POST /members": InvitationCreated;
  "PATCH /members/:id": MemberRoleChanged;
  "DELETE /members/:id": undefined;
  "DELETE /members/invitations/:id": undefined;
  "GET /invitations/:token": InvitationPreview;
  "POST /invitations/:token/accept": InvitationAccepted;
  "GET /api-keys": { api_keys: ApiKey[] };
  "POST /api-keys": ApiKeyCreated;
  "DELETE /api-keys/:id": undefined;
  "GET /audit": AuditPage;
  "GET /workspace/export": WorkspaceExport;
  "DELETE /workspace": WorkspaceDeleted;
  "GET /workspace/retention": RetentionView;
  "PUT /workspace/retention": RetentionView;
  "GET /contacts/:id/export": ExportDocument;
  "DELETE /contacts/:id": ContactErasureReceipt;
  "GET /contacts/:id/coaching": ContactCoachingView;
  "PUT /contacts/:id/coaching": ContactCoachingView;
  "GET /contacts/:id/commitments": { commitments: CommitmentView[]; next_offset: number | null };
  "GET /contacts/:id/signals": ContactSignals;
  "GET /bridges": { bridges: BridgeView[] };
  "POST /bridges": BridgeCreated;
  "DELETE /bridges/:id": BridgeDeleted;
  "GET /knowledge/documents": DocumentPage;
  "POST /knowledge/documents": KnowledgeDocument;
  "PATCH /knowledge/documents/:id": RenamedDocument;
  "DELETE /knowledge/documents/:id": DocumentDeleted;
  "POST /knowledge/documents/:id/reindex": KnowledgeDocument;
  "POST /knowledge/corrections": KnowledgeDocument;
  "GET /knowledge/corrections": CorrectionPage;
  "PUT /knowledge/corrections/:id": Correction;
  "GET /knowledge/gaps": GapPage;
  "POST /knowledge/gaps/answer": GapAnswerResult;
  "GET /persona": PersonaVersion;
  "PUT /persona": PersonaVersion;
  "GET /safety/crisis-resources": CrisisResources;
  "PUT /safety/crisis-resources": CrisisResources;
  "POST /safety/crisis-resources/preview": { text: string };
  "GET /safety/model-redaction": ModelRedaction;
  "PUT /safety/model-redaction": ModelRedaction;
  "GET /settings/overflow": OverflowSettingsView;
  "PUT /settings/overflow": OverflowSettingsView;
  "GET /assistant/status": AssistantStatus;
  "GET /widget": WidgetView;
  "PUT /widget": WidgetView;
  "POST /widget/session": WidgetSessionResponse;
  "POST /test-chat/session": WidgetSessionResponse;
  "GET /channels": { channels: ChannelView[] };
  "POST /channels/telegram": ChannelView;
  "POST /channels/whatsapp": ChannelView;
  "DELETE /channels/:id": ChannelView;
  "POST /channels/:id/rotate": ChannelView;
  "PUT /channels/:id/template": ChannelView;
  "GET /channels/:id/templates": WhatsAppTemplatePage;
  "DELETE /channels/:id/templates/:name": WhatsAppTemplateDeleted;
  "GET /conversations": ConversationPage;
  "GET /conversations/:id/messages": TranscriptPage;
  "POST /conversations/:id/messages": SentMessage;
  "POST /conversations/:id/takeover": TakeoverState;
  "POST /conversations/:id/handback": TakeoverState;
  "POST /conversations/:id/resolve-urgent": Conversation;
  "GET /analytics": Analytics;
  "GET /billing/plans": { plans: PlanView[] };
  "POST /billing/plans": PlanView;
  "PATCH /billing/plans/:id": PlanView;
  "DELETE /billing/plans/:id": undefined;
  "GET /billing/revenue": RevenueView;
  "GET /billing/members": MembersPage;
  "GET /billing/connect": ConnectView;
  "GET /billing/settings": BillingSettingsView;
  "PUT /billing/settings": BillingSettingsView;
  "GET /usage": UsageView;
  "POST /billing/connect": BillingLinkView;
  "GET /integrations/webhooks": { webhooks: Webhook[] };
  "POST /integrations/webhooks": WebhookCreated;
  "DELETE /integrations/webhooks/:id": Deleted;
  "POST /integrations/webhooks/:id/test": WebhookTestQueued;
  "GET /integrations/webhooks/:id/deliveries": WebhookDeliveryLog;
  "GET /programs": { programs: ProgramSummary[]; next_offset: number | null };
  "POST /programs": ProgramView;
  "GET /programs/:id": ProgramView;
  "PUT /programs/:id": ProgramView;
  "GET /programs/:id/analytics": ProgramAnalytics;
  "GET /enrollments": { enrollments: EnrollmentView[]; next_offset: number | null };
  "POST /enrollments": EnrollmentView & { duplicate: boolean };
  "GET /enrollments/:id": EnrollmentView;
  "GET /coaching-rules": { rules: CoachingRuleView[]; next_offset: number | null };
  "POST /coaching-rules": CoachingRuleView;
  "PUT /coaching-rules/:id": CoachingRuleView;
  "DELETE /coaching-rules/:id": undefined;
};

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The paths the map names for `method`, e.g. `ApiPath<"GET">` includes "/programs/:id". */
export type ApiPath<M extends ApiMethod> = keyof ApiRoutes extends infer K
  ? K extends `${M} ${infer P}`
    ? P
    : never
  : never;

/** What `method path` answers. */
export type ApiResponse<M extends ApiMethod, P extends ApiPath<M>> = ApiRoutes[`${M} ${P}` &
  keyof ApiRoutes];
