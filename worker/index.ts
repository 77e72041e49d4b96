// The edge app: builds the Hono app, mounts one sub-app per resource, re-exports the Durable Object
// classes so wrangler can bind them, and runs the Cron Triggers.
import { Hono } from "hono";
import { reconcileMemberships } from "./billing/reconcile";
import type { AppEnv } from "./lib/app-env";
import { workerConfig } from "./lib/config";
import { createLogger } from "./lib/logger";
import { apiCors } from "./middleware/cors";
import { handleError, notFoundHandler } from "./middleware/error-handler";
import { requestContext } from "./middleware/request-context";
import { analyticsRoutes } from "./routes/analytics";
import { apiDocsRoutes } from "./routes/api-docs";
import { apiKeyRoutes } from "./routes/api-keys";
import { assistantRoutes } from "./routes/assistant";
import { auditRoutes } from "./routes/audit";
import { billingRoutes } from "./routes/billing";
import { billingSettingsRoutes } from "./routes/billing-settings";
import { usageRoutes } from "./routes/usage";
import { widgetBillingRoutes } from "./routes/widget-billing";
import { bridgeRoutes } from "./routes/bridges";
import { authRoutes } from "./routes/auth";
import { bridgeCallbackRoutes } from "./routes/bridge-callbacks";
import { contactRoutes } from "./routes/contacts";
import { contactCoachingRoutes } from "./routes/contact-coaching";
import { commitmentRoutes, contactCommitmentRoutes } from "./routes/commitments";
import { coachingRuleRoutes, contactSignalRoutes } from "./routes/coaching-rules";
import { programAnalyticsRoutes } from "./routes/program-analytics";
import { enrollmentRoutes } from "./routes/enrollments";
import { programRoutes } from "./routes/programs";
import { widgetCoachingRoutes } from "./routes/widget-coaching";
import { healthRoutes } from "./routes/health";
import { integrationRoutes } from "./routes/integrations";
import { workspaceRoutes } from "./routes/workspace";
import { jwksRoutes } from "./routes/jwks";
import { knowledgeRoutes } from "./routes/knowledge";
import { meRoutes } from "./routes/me";
import { channelRoutes } from "./routes/channels";
import { conversationRoutes } from "./routes/conversations";
import { memberRoutes } from "./routes/members";
import { invitationRoutes } from "./routes/invitations";
import { originalRoutes } from "./routes/originals";
import { personaRoutes } from "./routes/persona";
import { safetyRoutes } from "./routes/safety";
import { overflowSettingsRoutes } from "./routes/overflow-settings";
import { testChatRoutes } from "./routes/test-chat";
import { widgetRoutes } from "./routes/widget";
import { webhookRoutes } from "./routes/webhooks";
import { widgetPublicRoutes } from "./routes/widget-public";
import { appRoutes, widgetAppLinkRoutes } from "./routes/companion-app";
import { appShellRoutes } from "./routes/app-shell";

export { BridgePool } from "../durable-objects/bridge-pool";
export { ConversationRoom } from "../durable-objects/conversation-room";
export { CoachingAgent } from "../durable-objects/coaching-agent";
export { RateLimiter } from "../durable-objects/rate-limiter";
export { RetentionSweeper } from "../durable-objects/retention-sweeper";
export { WebhookDispatcher } from "../durable-objects/webhook-dispatcher";
export { WorkspaceCloser } from "../durable-objects/workspace-closer";

const api = new Hono<AppEnv>()
  .route("/auth", authRoutes)
  .route("/me", meRoutes)
  .route("/members", memberRoutes)
  .route("/invitations", invitationRoutes)
  .route("/api-keys", apiKeyRoutes)
  .route("/audit", auditRoutes)
  .route("/contacts", contactRoutes)
  .route("/contacts", contactCoachingRoutes)
  .route("/contacts", contactCommitmentRoutes)
  .route("/commitments", commitmentRoutes)
  .route("/contacts", contactSignalRoutes)
  .route("/coaching-rules", coachingRuleRoutes)
  .route("/programs", programAnalyticsRoutes)
  .route("/programs", programRoutes)
  .route("/enrollments", enrollmentRoutes)
  .route("/conversations", conversationRoutes)
  .route("/analytics", analyticsRoutes)
  .route("/integrations", integrationRoutes)
  .route("/workspace", workspaceRoutes)
  .route("/originals", originalRoutes)
  .route("/knowledge", knowledgeRoutes)
  .route("/persona", personaRoutes)
  .route("/safety", safetyRoutes)
  .route("/settings", overflowSettingsRoutes)
  .route("/billing", billingRoutes)
  .route("/billing", billingSettingsRoutes)
  .route("/usage", usageRoutes)
  .route("/test-chat", testChatRoutes)
  .route("/assistant", assistantRoutes)
  .route("/bridge", bridgeCallbackRoutes)
  .route("/bridges", bridgeRoutes)
  .route("/channels", channelRoutes)
  .route("/widget", widgetPublicRoutes)
  .route("/widget", widgetCoachingRoutes)
  .route("/widget", widgetBillingRoutes)
  .route("/widget", widgetRoutes)
  .route("/widget", widgetAppLinkRoutes)
  .route("/app", appRoutes);

export const app = new Hono<AppEnv>()
  .use(requestContext())
  .use("/api/*", apiCors())
  .route("/health", healthRoutes)
  .route("/.well-known", jwksRoutes)
  .route("/api/v1", api)
  .route("/app", appShellRoutes)
  .route("/webhooks", webhookRoutes);

// The API's description is generated from the table of the routes above.
app.route(
  "/",
  apiDocsRoutes(() => app.routes),
);
app.onError(handleError);
app.notFound(notFoundHandler(app));

/**
 * The Cron Triggers of wrangler.toml: the nightly reconciliation of memberships against Stripe's API.
 * Each run logs under an id of its own, as a request does.
 */
async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  const logger = createLogger(
    { component: "scheduled", cron: controller.cron, request_id: crypto.randomUUID() },
    workerConfig(env).logLevel,
  );
  await reconcileMemberships(env, logger);
}

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(scheduled(controller, env)),
} satisfies ExportedHandler<Env>;
