// Memberships under /api/v1/billing: the creator's plans (synced to Stripe Products and Prices),
// Stripe's webhook (signed, idempotent, recomputing each membership from Stripe's API), and the
// upgrade link the assistant sends when an allowance runs out (opens a Checkout Session for that
// person), the creator's own Stripe account (Connect Express onboarding and its state), and the
// revenue screen's figures (now and over time), its members page by page and as CSV. Plans, the
// account and revenue need a member's credentials; the webhook and the upgrade link carry their own
// proof.
import {
  ConnectStartSchema,
  MembersQuerySchema,
  MemberStatusFilter,
  PlanCreateSchema,
  PlanUpdateSchema,
  RevenueQuerySchema,
  type ConnectView,
} from "@coach/contracts/billing";
import { isNull } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import { archivePlan, createPlan, planView, updatePlan } from "../billing/plans";
import { checkoutUrl } from "../billing/checkout";
import { onboardingLink, payoutAccount, refreshAccount } from "../billing/connect";
import { revenueOf } from "../billing/revenue";
import { membersCsv, membersPage } from "../billing/revenue-members";
import { handleStripeEvent, verifiedEvent } from "../billing/stripe-webhook";
import { verifyUpgradeToken } from "../billing/upgrade-link";
import { readWebhookBody } from "../channels/webhook-body";
import { newestFirst } from "../db/creation-order";
import { forPrincipal, forTenant } from "../db/tenant-gateway";
import type { AppEnv } from "../lib/app-env";
import { workerConfig } from "../lib/config";
import { AppError } from "../lib/errors";
import { stripeClient } from "../lib/stripe-client";
import { queryParams } from "../middleware/query-params";
import { signedIn, signedInJson } from "../middleware/signed-in";

const ListQuerySchema = z.object({ status: z.enum(["active", "all"]).default("active") });
const ExportQuerySchema = z.object({ status: MemberStatusFilter.default("all") });
const UpgradeQuerySchema = z.object({ plan_id: z.string().min(1).max(64).optional() });

/** Where Stripe's hosted pages send people back to. */
const returnUrl = (env: Env, requestUrl: string) =>
  `${workerConfig(env).publicEdgeUrl ?? new URL(requestUrl).origin}/api/v1/billing/return`;

export const billingRoutes = new Hono<AppEnv>()
  .get("/plans", ...signedIn("settings:read"), queryParams(ListQuerySchema), async (c) => {
    const { status } = c.req.valid("query");
    const rows = await forPrincipal(c.env.DB, c.get("principal")).list("billingPlans", {
      where: (t) => (status === "active" ? isNull(t.archivedAt) : undefined),
      orderBy: newestFirst,
    });
    return c.json({ plans: rows.map(planView) });
  })
  .post("/plans", ...signedInJson("settings:write", PlanCreateSchema), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const row = await createPlan(gateway, () => stripeClient(c.env), c.req.valid("json"));
    return c.json(planView(row), 201);
  })
  .patch("/plans/:id", ...signedInJson("settings:write", PlanUpdateSchema), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const plan = await gateway.get("billingPlans", c.req.param("id"));
    if (plan.archivedAt !== null)
      throw new AppError(409, "plan_not_found", "This plan is deleted; create a new one instead.");
    const row = await updatePlan(gateway, () => stripeClient(c.env), plan, c.req.valid("json"));
    return c.json(planView(row));
  })
  .delete("/plans/:id", ...signedIn("settings:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const plan = await gateway.get("billingPlans", c.req.param("id"));
    if (plan.archivedAt === null) await archivePlan(gateway, () => stripeClient(c.env), plan);
    return c.body(null, 204);
  })
  .get("/connect", ...signedIn("settings:read"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const stored = await payoutAccount(gateway);
    const account = stored && (await refreshAccount(gateway, stripeClient(c.env), stored));
    const view: ConnectView = account
      ? {
          status: account.status,
          restricted_reason: account.restrictedReason,
          stripe_account_id: account.stripeAccountId,
        }
      : { status: "not_started", restricted_reason: null, stripe_account_id: null };
    return c.json(view);
  })
  .post("/connect", ...signedInJson("settings:write", ConnectStartSchema), async (c) => {
    const { return_url: returnUrl } = c.req.valid("json");
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const url = await onboardingLink(gateway, stripeClient(c.env), {
      returnUrl,
      refreshUrl: returnUrl,
    });
    return c.json({ url });
  })
  .get("/revenue", ...signedIn("analytics:read"), queryParams(RevenueQuerySchema), async (c) => {
    const q = c.req.valid("query");
    const count = q.interval === "day" ? q.days : q.months;
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    return c.json(await revenueOf(gateway, { interval: q.interval, count }));
  })
  .get("/members", ...signedIn("analytics:read"), queryParams(MembersQuerySchema), async (c) =>
    c.json(await membersPage(forPrincipal(c.env.DB, c.get("principal")), c.req.valid("query"))),
  )
  .get("/members/export", ...signedIn("analytics:read"), queryParams(ExportQuerySchema), (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const day = new Date().toISOString().slice(0, 10);
    return c.body(membersCsv(gateway, c.req.valid("query").status), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="members-${day}.csv"`,
    });
  })
  .post("/stripe/webhook", async (c) => {
    const body = new TextDecoder().decode(await readWebhookBody(c.req.raw));
    const event = await verifiedEvent(c.env, body, c.req.header("Stripe-Signature"));
    const outcome = await handleStripeEvent(c.env, event, c.get("logger"));
    return c.json({ received: true, duplicate: outcome === "duplicate" });
  })
  .get("/upgrade/:token", queryParams(UpgradeQuerySchema), async (c) => {
    const claims = await verifyUpgradeToken(c.env.VISITOR_TOKEN_SECRET, c.req.param("token"));
    if (!claims)
      throw new AppError(
        401,
        "invalid_token",
        "This upgrade link is not valid or has expired. Ask the assistant for a new one.",
      );
    const { plan_id: planId } = c.req.valid("query");
    const gateway = forTenant(c.env.DB, claims.tid);
    const forSale = await gateway.list("billingPlans", {
      where: (t) => isNull(t.archivedAt),
      orderBy: (t) => [t.priceMinor, t.createdAt],
    });
    const plan = forSale.find((p) => p.kind === "paid" && (!planId || p.id === planId));
    if (!plan)
      throw new AppError(
        404,
        "plan_not_found",
        "There is no paid plan to upgrade to right now. Ask the coach about their plans.",
      );
    const url = await checkoutUrl(stripeClient(c.env), c.env, {
      tenantId: claims.tid,
      contactId: claims.sub,
      plan,
      returnUrl: returnUrl(c.env, c.req.url),
    });
    return c.redirect(url, 303);
  })
  .get("/return", (c) =>
    c.text(
      c.req.query("checkout") === "success"
        ? "Thank you! Your membership is active: go back to your conversation and carry on."
        : "Nothing was charged. You can go back to your conversation.",
    ),
  );
