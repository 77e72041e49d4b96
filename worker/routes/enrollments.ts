// Enrolments under /api/v1/enrollments: a creator enrols a contact in a program, lists enrolments from
// the D1 index (filtered by program, contact, status), reads one with its live state and history from
// the contact's CoachingAgent, and ends one.
import {
  EnrollmentCreateSchema,
  enrollmentStatuses,
  type EnrollmentView,
} from "@coach/contracts/programs";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import { peopleByIds } from "../db/people";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";
import { notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { queryParams } from "../middleware/query-params";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { enrollContact } from "../programs/enroll-contact";

const ListQuerySchema = z.object({
  program_id: z.string().min(1).max(64).optional(),
  contact_id: z.string().min(1).max(64).optional(),
  status: z.enum(enrollmentStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

function indexView(row: TenantRow<"enrollments">): EnrollmentView {
  return {
    id: row.id,
    program_id: row.programId,
    program_version: row.programVersion,
    contact_id: row.contactId,
    status: row.status,
    current_node: row.currentNode,
    next_wake_at: row.nextWakeAt,
    started_at: row.startedAt,
    ended_at: row.endedAt,
    end_reason: row.endReason,
  };
}

export const enrollmentRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .post("/", ...guardedJson("enrollments:write", EnrollmentCreateSchema, 4096), async (c) => {
    const input = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const program = await gateway.get("programs", input.program_id);
    const contact = await gateway.get("contacts", input.contact_id);
    const { enrollment, duplicate } = await enrollContact(c.env, gateway, {
      program,
      contactId: contact.id,
      source: "api",
    });
    if (!duplicate)
      await recordAudit(c, {
        action: "enrollment.created",
        target: { type: "enrollment", id: enrollment.id },
        metadata: { program_id: program.id, contact_id: contact.id },
      });
    return c.json({ ...enrollment, duplicate }, duplicate ? 200 : 201);
  })
  .get("/", requirePermission("enrollments:read"), queryParams(ListQuerySchema), async (c) => {
    const { program_id, contact_id, status, limit, offset } = c.req.valid("query");
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const { rows, nextOffset } = await gateway.page("enrollments", {
      where: (t) =>
        and(
          ...[
            program_id ? eq(t.programId, program_id) : undefined,
            contact_id ? eq(t.contactId, contact_id) : undefined,
            status ? eq(t.status, status) : undefined,
          ].filter((s): s is SQL => s !== undefined),
        ),
      orderBy: (t) => [desc(t.startedAt), desc(t.id)],
      limit,
      offset,
    });
    // Who each enrolment is for, so a coach reads names rather than ids.
    const people = await peopleByIds(
      gateway,
      rows.map((row) => row.contactId),
    );
    return c.json({
      enrollments: rows.map((row) => ({
        ...indexView(row),
        contact: people.get(row.contactId) ?? null,
      })),
      next_offset: nextOffset,
    });
  })
  .get("/:id", requirePermission("enrollments:read"), async (c) => {
    const principal = c.get("principal");
    const row = await forPrincipal(c.env.DB, principal).get("enrollments", c.req.param("id"));
    const live = await coachingAgentFor(c.env, principal.tenantId, row.contactId).enrollment(
      row.id,
    );
    if (!live) throw notFound("enrolment");
    return c.json(live);
  })
  .delete("/:id", requirePermission("enrollments:write"), async (c) => {
    const principal = c.get("principal");
    const row = await forPrincipal(c.env.DB, principal).get("enrollments", c.req.param("id"));
    const ended = await coachingAgentFor(c.env, principal.tenantId, row.contactId).endEnrollment(
      row.id,
      "ended_by_creator",
    );
    if (!ended) throw notFound("enrolment");
    if (row.status === "active")
      await recordAudit(c, {
        action: "enrollment.ended",
        target: { type: "enrollment", id: row.id },
        metadata: { program_id: row.programId, contact_id: row.contactId },
      });
    return c.json(ended);
  });
