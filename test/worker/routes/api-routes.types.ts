// The Worker held to the contract map the dashboard calls through (@coach/contracts/api-routes): for
// each route, the body Hono infers from its handler must fit the contract's type. No test runs this
// file; it compiles with the edge's typecheck (`tsc -p tsconfig.json`), and a drifted route fails it
// by name. It reads each sub-app on its own: the app mounted as a whole is too deep for Hono's types.
import type { ApiRoutes } from "@coach/contracts/api-routes";
import type { WorkspaceExport } from "@coach/contracts/workspace-export";
import type { Hono } from "hono";
import type { programAnalytics } from "../../../worker/analytics/program-analytics";
import type { AppEnv } from "../../../worker/lib/app-env";
import type { apiKeyRoutes } from "../../../worker/routes/api-keys";
import type { analyticsRoutes } from "../../../worker/routes/analytics";
import type { assistantRoutes } from "../../../worker/routes/assistant";
import type { auditRoutes } from "../../../worker/routes/audit";
import type { billingRoutes } from "../../../worker/routes/billing";
import type { billingSettingsRoutes } from "../../../worker/routes/billing-settings";
import type { usageRoutes } from "../../../worker/routes/usage";
import type { authRoutes } from "../../../worker/routes/auth";
import type { channelRoutes } from "../../../worker/routes/channels";
import type {
  coachingRuleRoutes,
  contactSignalRoutes,
} from "../../../worker/routes/coaching-rules";
import type { contactCommitmentRoutes } from "../../../worker/routes/commitments";
import type { contactCoachingRoutes } from "../../../worker/routes/contact-coaching";
import type { contactRoutes } from "../../../worker/routes/contacts";
import type { conversationRoutes } from "../../../worker/routes/conversations";
import type { enrollmentRoutes } from "../../../worker/routes/enrollments";
import type { integrationRoutes } from "../../../worker/routes/integrations";
import type { bridgeRoutes } from "../../../worker/routes/bridges";
import type { knowledgeRoutes } from "../../../worker/routes/knowledge";
import type { knowledgeGapRoutes } from "../../../worker/routes/knowledge-gaps";
import type { meRoutes } from "../../../worker/routes/me";
import type { invitationRoutes } from "../../../worker/routes/invitations";
import type { memberRoutes } from "../../../worker/routes/members";
import type { personaRoutes } from "../../../worker/routes/persona";
import type { programRoutes } from "../../../worker/routes/programs";
import type { safetyRoutes } from "../../../worker/routes/safety";
import type { overflowSettingsRoutes } from "../../../worker/routes/overflow-settings";
import type { testChatRoutes } from "../../../worker/routes/test-chat";
import type { widgetRoutes } from "../../../worker/routes/widget";
import type { widgetPublicRoutes } from "../../../worker/routes/widget-public";
import type { workspaceRoutes } from "../../../worker/routes/workspace";

/** What `app` answers at `path` for `method`; a body-less 204 reads as `undefined`, as clients get it. */
type Out<App, Path extends string, Method extends string> =
  App extends Hono<AppEnv, infer Schema, "/">
    ? Schema extends unknown
      ? Path extends keyof Schema
        ? Method extends keyof Schema[Path]
          ? Schema[Path][Method] extends { output: infer Body }
            ? Body extends null
              ? undefined
              : Body
            : never
          : never
        : never
      : never
    : never;

type Served = {
  "POST /auth/register": Out<typeof authRoutes, "/register", "$post">;
  "POST /auth/login": Out<typeof authRoutes, "/login", "$post">;
  "POST /auth/refresh": Out<typeof authRoutes, "/refresh", "$post">;
  "POST /auth/logout": Out<typeof authRoutes, "/logout", "$post">;
  "GET /me": Out<typeof meRoutes, "/", "$get">;
  "GET /me/export": Out<typeof meRoutes, "/export", "$get">;
  "GET /me/workspaces": Out<typeof meRoutes, "/workspaces", "$get">;
  "POST /me/workspaces/switch": Out<typeof meRoutes, "/workspaces/switch", "$post">;
  "GET /members": Out<typeof memberRoutes, "/", "$get">;
  "POST /members": Out<typeof memberRoutes, "/", "$post">;
  "PATCH /members/:id": Out<typeof memberRoutes, "/:id", "$patch">;
  "DELETE /members/:id": Out<typeof memberRoutes, "/:id", "$delete">;
  "DELETE /members/invitations/:id": Out<typeof memberRoutes, "/invitations/:id", "$delete">;
  "GET /invitations/:token": Out<typeof invitationRoutes, "/:token", "$get">;
  "POST /invitations/:token/accept": Out<typeof invitationRoutes, "/:token/accept", "$post">;
  "GET /api-keys": Out<typeof apiKeyRoutes, "/", "$get">;
  "POST /api-keys": Out<typeof apiKeyRoutes, "/", "$post">;
  "DELETE /api-keys/:id": Out<typeof apiKeyRoutes, "/:id", "$delete">;
  "GET /audit": Out<typeof auditRoutes, "/", "$get">;
  "GET /billing/plans": Out<typeof billingRoutes, "/plans", "$get">;
  "POST /billing/plans": Out<typeof billingRoutes, "/plans", "$post">;
  "PATCH /billing/plans/:id": Out<typeof billingRoutes, "/plans/:id", "$patch">;
  "DELETE /billing/plans/:id": Out<typeof billingRoutes, "/plans/:id", "$delete">;
  "GET /billing/revenue": Out<typeof billingRoutes, "/revenue", "$get">;
  "GET /billing/members": Out<typeof billingRoutes, "/members", "$get">;
  "GET /billing/connect": Out<typeof billingRoutes, "/connect", "$get">;
  "GET /billing/settings": Out<typeof billingSettingsRoutes, "/settings", "$get">;
  "PUT /billing/settings": Out<typeof billingSettingsRoutes, "/settings", "$put">;
  "GET /usage": Out<typeof usageRoutes, "/", "$get">;
  "POST /billing/connect": Out<typeof billingRoutes, "/connect", "$post">;
  // Streamed as a bare body, so Hono infers none; exportWorkspace types each section against the contract.
  "GET /workspace/export": WorkspaceExport;
  "DELETE /workspace": Out<typeof workspaceRoutes, "/", "$delete">;
  "GET /workspace/retention": Out<typeof workspaceRoutes, "/retention", "$get">;
  "PUT /workspace/retention": Out<typeof workspaceRoutes, "/retention", "$put">;
  "GET /contacts/:id/export": Out<typeof contactRoutes, "/:id/export", "$get">;
  "DELETE /contacts/:id": Out<typeof contactRoutes, "/:id", "$delete">;
  "GET /contacts/:id/coaching": Out<typeof contactCoachingRoutes, "/:id/coaching", "$get">;
  "PUT /contacts/:id/coaching": Out<typeof contactCoachingRoutes, "/:id/coaching", "$put">;
  "GET /contacts/:id/commitments": Out<typeof contactCommitmentRoutes, "/:id/commitments", "$get">;
  "GET /contacts/:id/signals": Out<typeof contactSignalRoutes, "/:id/signals", "$get">;
  "GET /bridges": Out<typeof bridgeRoutes, "/", "$get">;
  "POST /bridges": Out<typeof bridgeRoutes, "/", "$post">;
  "DELETE /bridges/:id": Out<typeof bridgeRoutes, "/:id", "$delete">;
  "GET /knowledge/documents": Out<typeof knowledgeRoutes, "/documents", "$get">;
  "POST /knowledge/documents": Out<typeof knowledgeRoutes, "/documents", "$post">;
  "PATCH /knowledge/documents/:id": Out<typeof knowledgeRoutes, "/documents/:id", "$patch">;
  "DELETE /knowledge/documents/:id": Out<typeof knowledgeRoutes, "/documents/:id", "$delete">;
  "POST /knowledge/documents/:id/reindex": Out<
    typeof knowledgeRoutes,
    "/documents/:id/reindex",
    "$post"
  >;
  "POST /knowledge/corrections": Out<typeof knowledgeRoutes, "/corrections", "$post">;
  "GET /knowledge/corrections": Out<typeof knowledgeRoutes, "/corrections", "$get">;
  "PUT /knowledge/corrections/:id": Out<typeof knowledgeRoutes, "/corrections/:id", "$put">;
  "GET /knowledge/gaps": Out<typeof knowledgeGapRoutes, "/gaps", "$get">;
  "POST /knowledge/gaps/answer": Out<typeof knowledgeGapRoutes, "/gaps/answer", "$post">;
  "GET /persona": Out<typeof personaRoutes, "/", "$get">;
  "PUT /persona": Out<typeof personaRoutes, "/", "$put">;
  "GET /safety/crisis-resources": Out<typeof safetyRoutes, "/crisis-resources", "$get">;
  "PUT /safety/crisis-resources": Out<typeof safetyRoutes, "/crisis-resources", "$put">;
  "POST /safety/crisis-resources/preview": Out<
    typeof safetyRoutes,
    "/crisis-resources/preview",
    "$post"
  >;
  "GET /safety/model-redaction": Out<typeof safetyRoutes, "/model-redaction", "$get">;
  "PUT /safety/model-redaction": Out<typeof safetyRoutes, "/model-redaction", "$put">;
  "GET /settings/overflow": Out<typeof overflowSettingsRoutes, "/overflow", "$get">;
  "PUT /settings/overflow": Out<typeof overflowSettingsRoutes, "/overflow", "$put">;
  "GET /assistant/status": Out<typeof assistantRoutes, "/status", "$get">;
  "GET /widget": Out<typeof widgetRoutes, "/", "$get">;
  "PUT /widget": Out<typeof widgetRoutes, "/", "$put">;
  "POST /widget/session": Out<typeof widgetPublicRoutes, "/session", "$post">;
  "GET /channels": Out<typeof channelRoutes, "/", "$get">;
  "POST /channels/telegram": Out<typeof channelRoutes, "/telegram", "$post">;
  "POST /channels/whatsapp": Out<typeof channelRoutes, "/whatsapp", "$post">;
  "DELETE /channels/:id": Out<typeof channelRoutes, "/:id", "$delete">;
  "PUT /channels/:id/template": Out<typeof channelRoutes, "/:id/template", "$put">;
  "POST /channels/:id/rotate": Out<typeof channelRoutes, "/:id/rotate", "$post">;
  "GET /channels/:id/templates": Out<typeof channelRoutes, "/:id/templates", "$get">;
  "DELETE /channels/:id/templates/:name": Out<
    typeof channelRoutes,
    "/:id/templates/:name",
    "$delete"
  >;
  "GET /conversations": Out<typeof conversationRoutes, "/", "$get">;
  "GET /conversations/:id/messages": Out<typeof conversationRoutes, "/:id/messages", "$get">;
  "POST /conversations/:id/messages": Out<typeof conversationRoutes, "/:id/messages", "$post">;
  "POST /conversations/:id/takeover": Out<typeof conversationRoutes, "/:id/takeover", "$post">;
  "POST /conversations/:id/handback": Out<typeof conversationRoutes, "/:id/handback", "$post">;
  "POST /test-chat/session": Out<typeof testChatRoutes, "/session", "$post">;
  "POST /conversations/:id/resolve-urgent": Out<
    typeof conversationRoutes,
    "/:id/resolve-urgent",
    "$post"
  >;
  "GET /analytics": Out<typeof analyticsRoutes, "/", "$get">;
  "GET /integrations/webhooks": Out<typeof integrationRoutes, "/webhooks", "$get">;
  "POST /integrations/webhooks": Out<typeof integrationRoutes, "/webhooks", "$post">;
  "DELETE /integrations/webhooks/:id": Out<typeof integrationRoutes, "/webhooks/:id", "$delete">;
  "POST /integrations/webhooks/:id/test": Out<
    typeof integrationRoutes,
    "/webhooks/:id/test",
    "$post"
  >;
  "GET /integrations/webhooks/:id/deliveries": Out<
    typeof integrationRoutes,
    "/webhooks/:id/deliveries",
    "$get"
  >;
  "GET /programs": Out<typeof programRoutes, "/", "$get">;
  "POST /programs": Out<typeof programRoutes, "/", "$post">;
  "GET /programs/:id": Out<typeof programRoutes, "/:id", "$get">;
  "PUT /programs/:id": Out<typeof programRoutes, "/:id", "$put">;
  // Its handler returns a bare Response (the same one answers the CSV), so Hono infers no body; the
  // JSON it sends is this function's value.
  "GET /programs/:id/analytics": ReturnType<typeof programAnalytics>;
  "GET /enrollments": Out<typeof enrollmentRoutes, "/", "$get">;
  "POST /enrollments": Out<typeof enrollmentRoutes, "/", "$post">;
  "GET /enrollments/:id": Out<typeof enrollmentRoutes, "/:id", "$get">;
  "GET /coaching-rules": Out<typeof coachingRuleRoutes, "/", "$get">;
  "POST /coaching-rules": Out<typeof coachingRuleRoutes, "/", "$post">;
  "PUT /coaching-rules/:id": Out<typeof coachingRuleRoutes, "/:id", "$put">;
  "DELETE /coaching-rules/:id": Out<typeof coachingRuleRoutes, "/:id", "$delete">;
};

/** The routes whose served body is missing (a wrong path or method above) or does not fit the contract. */
type Drifted = {
  [K in keyof ApiRoutes]: [Served[K]] extends [never]
    ? K
    : [Served[K]] extends [ApiRoutes[K]]
      ? never
      : K;
}[keyof ApiRoutes];

/** Empty while every route fits; otherwise the compiler names each drifted route as a missing property. */
export const driftedRoutes: Record<Drifted, never> = {};
