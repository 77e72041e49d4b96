// The creator's intervention rules under /api/v1/coaching-rules ("no reply for 72 hours → nudge",
// "score dropped by 2 over 3 check-ins → supportive message"), per program or for the whole workspace,
// and one contact's behaviour signals at /api/v1/contacts/:id/signals. Rules are evaluated by each
// contact's CoachingAgent on its alarm and on activity; what they send obeys quiet hours and caps.
import {
  CoachingRuleCreateSchema,
  CoachingRuleUpdateSchema,
} from "@coach/contracts/coaching-rules";
import type { ContactSignals } from "@coach/contracts/coaching-rules";
import { defaultRuleName } from "@coach/contracts/rule-name";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { newId } from "../lib/ids";
import { newestFirst } from "../db/creation-order";
import { forPrincipal, type TenantGateway } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";
import { ruleView } from "../programs/rule-view";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";

const ListQuerySchema = z.object({
  program_id: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(100),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** A rule may name only a program of the same workspace (404 otherwise, as for any foreign row). */
async function assertProgram(
  gateway: TenantGateway,
  programId: string | null | undefined,
): Promise<void> {
  if (programId) await gateway.get("programs", programId);
}

export const coachingRuleRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("programs:read"), queryParams(ListQuerySchema), async (c) => {
    const { program_id: programId, limit, offset } = c.req.valid("query");
    const { rows, nextOffset } = await forPrincipal(c.env.DB, c.get("principal")).page(
      "coachingRules",
      {
        where: (t) => (programId ? eq(t.programId, programId) : undefined),
        orderBy: newestFirst,
        limit,
        offset,
      },
    );
    return c.json({ rules: rows.map(ruleView), next_offset: nextOffset });
  })
  .post("/", ...guardedJson("programs:write", CoachingRuleCreateSchema, 8 * 1024), async (c) => {
    const principal = c.get("principal");
    const input = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, principal);
    await assertProgram(gateway, input.program_id);
    const row = await gateway.insert("coachingRules", {
      id: newId(),
      programId: input.program_id,
      name: input.name ?? defaultRuleName(input.when, input.then),
      when: input.when,
      then: input.then,
      enabled: input.enabled,
      createdBy: principal.subjectId,
    });
    await recordAudit(c, {
      action: "coaching_rule.created",
      target: { type: "coaching_rule", id: row.id },
      metadata: { program_id: row.programId },
    });
    return c.json(ruleView(row), 201);
  })
  .get("/:id", requirePermission("programs:read"), async (c) => {
    return c.json(
      ruleView(
        await forPrincipal(c.env.DB, c.get("principal")).get("coachingRules", c.req.param("id")),
      ),
    );
  })
  .put("/:id", ...guardedJson("programs:write", CoachingRuleUpdateSchema, 8 * 1024), async (c) => {
    const input = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const current = await gateway.get("coachingRules", c.req.param("id"));
    await assertProgram(gateway, input.program_id);
    const row = await gateway.update("coachingRules", current.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.program_id !== undefined ? { programId: input.program_id } : {}),
      ...(input.when !== undefined ? { when: input.when } : {}),
      ...(input.then !== undefined ? { then: input.then } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      updatedAt: Date.now(),
    });
    await recordAudit(c, {
      action: "coaching_rule.updated",
      target: { type: "coaching_rule", id: row.id },
      metadata: { fields: Object.keys(input) },
    });
    return c.json(ruleView(row));
  })
  .delete("/:id", requirePermission("programs:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const id = c.req.param("id");
    await gateway.remove("coachingRules", id);
    await recordAudit(c, {
      action: "coaching_rule.deleted",
      target: { type: "coaching_rule", id },
    });
    return c.body(null, 204);
  });

/** Mounted at /contacts: one contact's behaviour signals, from their coaching agent. */
export const contactSignalRoutes = new Hono<AppEnv>()
  .use("/:id/signals", authenticate())
  .get("/:id/signals", requirePermission("enrollments:read"), async (c) => {
    const principal = c.get("principal");
    const contact = await forPrincipal(c.env.DB, principal).get("contacts", c.req.param("id"));
    const signals: ContactSignals = await coachingAgentFor(
      c.env,
      principal.tenantId,
      contact.id,
    ).behaviourSignals();
    return c.json(signals);
  });
