// Outgoing webhooks a creator registers for events (integrations): create (the signing secret is
// answered once), list, delete, send a test `ping`, and read an endpoint's delivery log.
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { newSecret } from "../lib/ids";
import { sealSecrets } from "../channels/secret-box";
import { forPrincipal } from "../db/tenant-gateway";
import { deliveryLog, queueDeliveries, removeEndpoint } from "../db/webhook-store";
import { eventEnvelope } from "../integrations/emit-event";
import { toDeliveryJson, toWebhookJson } from "../integrations/webhook-view";
import { dispatcherFor } from "../lib/webhook-dispatchers";
import { subscribableEventTypes } from "../integrations/event-types";
import { webhookUrlProblem } from "../integrations/webhook-url";
import { AppError } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { settingsRows } from "./settings-rows";

/** Most endpoints one workspace may register. */
const MAX_ENDPOINTS = 20;

const CreateSchema = z.object({
  url: z.string().trim().min(1).max(2048),
  events: z
    .array(z.enum(subscribableEventTypes as [string, ...string[]]))
    .min(1, "Subscribe to at least one event.")
    .transform((events) => [...new Set(events)]),
  description: z.string().trim().max(200).optional(),
});

const LogQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export const integrationRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/webhooks", requirePermission("integrations:read"), async (c) => {
    const rows = await settingsRows(c, "webhookEndpoints");
    return c.json({ webhooks: rows.map(toWebhookJson) });
  })
  .post("/webhooks", ...guardedJson("integrations:write", CreateSchema, 16 * 1024), async (c) => {
    const principal = c.get("principal");
    const body = c.req.valid("json");
    const problem = await webhookUrlProblem(c.env, body.url);
    if (problem) throw new AppError(400, problem.code, problem.message);
    const gateway = forPrincipal(c.env.DB, principal);
    if ((await gateway.count("webhookEndpoints")) >= MAX_ENDPOINTS) {
      throw new AppError(
        409,
        "too_many_webhooks",
        `A workspace may have at most ${MAX_ENDPOINTS} webhooks. Delete one you no longer use first.`,
      );
    }
    const id = crypto.randomUUID();
    const secret = `whsec_${newSecret()}`;
    const row = await gateway.insert("webhookEndpoints", {
      id,
      url: body.url,
      events: body.events,
      description: body.description ?? null,
      secretEncrypted: await sealSecrets(c.env.CHANNEL_SECRETS_KEY, id, { secret }),
      createdBy: principal.subjectId,
    });
    await recordAudit(c, {
      action: "webhook.created",
      target: { type: "webhook", id },
      metadata: { url: body.url, events: body.events },
    });
    // The secret is shown this once; only its sealed form is kept.
    return c.json({ ...toWebhookJson(row), secret }, 201);
  })
  .delete("/webhooks/:id", requirePermission("integrations:write"), async (c) => {
    const id = c.req.param("id");
    await removeEndpoint(c.env.DB, c.get("principal").tenantId, id);
    await recordAudit(c, { action: "webhook.deleted", target: { type: "webhook", id } });
    return c.json({ id, deleted: true });
  })
  .post("/webhooks/:id/test", requirePermission("integrations:write"), async (c) => {
    const principal = c.get("principal");
    const id = c.req.param("id");
    const envelope = eventEnvelope(principal.tenantId, "ping", {
      webhook_id: id,
      message: "A test event from your coaching workspace.",
    });
    await queueDeliveries(c.env.DB, envelope, id);
    await dispatcherFor(c.env, principal.tenantId).wake(principal.tenantId);
    await recordAudit(c, { action: "webhook.tested", target: { type: "webhook", id } });
    return c.json({ queued: true, event_id: envelope.id }, 202);
  })
  .get(
    "/webhooks/:id/deliveries",
    requirePermission("integrations:read"),
    queryParams(LogQuerySchema),
    async (c) => {
      const principal = c.get("principal");
      const endpoint = await forPrincipal(c.env.DB, principal).get(
        "webhookEndpoints",
        c.req.param("id"),
      );
      const rows = await deliveryLog(c.env.DB, endpoint, c.req.valid("query").limit);
      return c.json({ webhook: toWebhookJson(endpoint), deliveries: rows.map(toDeliveryJson) });
    },
  );
