// What the widget calls for proactive coaching, as the visitor themself (their visitor token as
// `Authorization: Bearer vt1…`, from the origin it was minted for): read where they stand with the
// program the embed offers, join it by its slug, or stop every check-in at once. CORS answers only the
// token's own origin, never with credentials.
import {
  WidgetEnrollmentQuerySchema,
  WidgetEnrollSchema,
  type EnrollmentStatus,
  type WidgetEnrollmentView,
  type WidgetEnrollResponse,
  type WidgetStopResponse,
} from "@coach/contracts/programs";
import { and, desc, eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/app-env";
import { forTenant } from "../db/tenant-gateway";
import { isWorkspaceClosed } from "../db/workspace-store";
import { AppError, conversationErased } from "../lib/errors";
import { verifyVisitorToken, type VisitorClaims } from "../lib/visitor-token";
import { coachingAgentFor } from "../lib/coaching-agents";
import { jsonBody } from "../middleware/json-body";
import { queryParams } from "../middleware/query-params";
import { optOutContact } from "../programs/contact-consent";
import { enrollContact } from "../programs/enroll-contact";
import { activeProgramBySlug } from "../programs/program-store";
import { visitorPreflight } from "../widget/visitor-preflight";
import { visitorConversationLive } from "../widget/visitor-session";
import { workspaceClosed } from "../workspace/workspace-closed";

export type VisitorEnv = AppEnv & { Variables: AppEnv["Variables"] & { visitor: VisitorClaims } };

/** Checks the visitor token, its origin and that its workspace is open, and lets that origin read the answer. */
export const visitorAuth = createMiddleware<VisitorEnv>(async (c, next) => {
  const origin = c.req.header("Origin");
  if (origin) {
    c.header("Access-Control-Allow-Origin", origin);
    c.header("Vary", "Origin");
  }
  const token = /^Bearer (vt1\.[A-Za-z0-9._-]{1,2048})$/.exec(
    c.req.header("Authorization") ?? "",
  )?.[1];
  const claims = token ? await verifyVisitorToken(c.env.VISITOR_TOKEN_SECRET, token) : null;
  if (!claims)
    throw new AppError(
      401,
      "invalid_token",
      "The visitor token is missing, expired or not valid. Start a new widget session.",
    );
  if (origin && origin !== claims.org)
    throw new AppError(403, "origin_not_allowed", "This visitor session belongs to another site.");
  // A token of an erased visitor must not bring their coaching state back.
  if (await isWorkspaceClosed(c.env.DB, claims.tid)) throw workspaceClosed();
  // A token of an erased visitor must not bring their coaching state back.
  if (!(await visitorConversationLive(forTenant(c.env.DB, claims.tid), claims.cid, claims.sub)))
    throw conversationErased();
  c.set("visitor", claims);
  await next();
});

const preflight = (c: Context) => visitorPreflight(c, "Authorization, Content-Type, X-Request-Id");

const PROGRAM_NOT_FOUND = "No program with this name is open to join. Check the link you followed.";

/** The visitor sees one word for every way an enrolment can end early: ended by the creator or opted out. */
function visitorStatus(status: EnrollmentStatus): WidgetEnrollmentView["status"] {
  return status === "active" || status === "completed" ? status : "stopped";
}

export const widgetCoachingRoutes = new Hono<VisitorEnv>()
  .options("/enrollment", (c) => preflight(c))
  .options("/enroll", (c) => preflight(c))
  .options("/stop", (c) => preflight(c))
  .get("/enrollment", visitorAuth, queryParams(WidgetEnrollmentQuerySchema), async (c) => {
    const visitor = c.get("visitor");
    const gateway = forTenant(c.env.DB, visitor.tid);
    const slug = c.req.valid("query").program_slug;
    const program = slug ? await activeProgramBySlug(gateway, slug) : undefined;
    if (slug && !program) throw new AppError(404, "program_not_found", PROGRAM_NOT_FOUND);
    const [latest] = program
      ? await gateway.list("enrollments", {
          where: (t) => and(eq(t.programId, program.id), eq(t.contactId, visitor.sub)),
          orderBy: (t) => desc(t.startedAt),
          limit: 1,
        })
      : [];
    // Opting out is the contact's CoachingAgent's to know: it holds it for every channel at once.
    const { opted_out } = await coachingAgentFor(c.env, visitor.tid, visitor.sub).coachingState();
    return c.json({
      program: program ? { slug: program.slug, name: program.name } : null,
      status: latest ? visitorStatus(latest.status) : null,
      opted_out,
    } satisfies WidgetEnrollmentView);
  })
  .post("/enroll", visitorAuth, jsonBody(WidgetEnrollSchema, { maxBytes: 1024 }), async (c) => {
    const visitor = c.get("visitor");
    const gateway = forTenant(c.env.DB, visitor.tid);
    const program = await activeProgramBySlug(gateway, c.req.valid("json").program_slug);
    if (!program) throw new AppError(404, "program_not_found", PROGRAM_NOT_FOUND);
    const { enrollment, duplicate } = await enrollContact(c.env, gateway, {
      program,
      contactId: visitor.sub,
      source: "widget",
    });
    // Joining is the visitor's own consent again (their agent has just opted them back in, as /start does
    // on Telegram); the dashboard reads consent from D1.
    const contact = await gateway.find("contacts", visitor.sub);
    if (contact)
      await gateway.update("contacts", contact.id, {
        consentAt: contact.consentAt ?? Date.now(),
        optedOutAt: null,
      });
    const body: WidgetEnrollResponse = {
      enrollment_id: enrollment.id,
      program_id: program.id,
      program_name: program.name,
      status: enrollment.status,
      duplicate,
    };
    return c.json(body, duplicate ? 200 : 201);
  })
  .post("/stop", visitorAuth, async (c) => {
    const visitor = c.get("visitor");
    const ended = await optOutContact(c.env, visitor.tid, visitor.sub, "widget");
    return c.json({ opted_out: true, enrollments_ended: ended } satisfies WidgetStopResponse);
  });
