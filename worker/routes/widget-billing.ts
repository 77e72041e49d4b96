// What the widget's upgrade panel calls, as the visitor themself (their visitor token, from the origin
// it was minted for): the plans on sale, their own membership and the answers it leaves them this
// month, a Checkout link for a plan, and a customer-portal link to change their card or cancel.
// Memberships belong to the canonical contact.
import {
  WidgetCheckoutSchema,
  type BillingLinkView,
  type WidgetMembershipView,
} from "@coach/contracts/billing";
import { isNull } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { checkoutUrl, portalUrl } from "../billing/checkout";
import { allowanceOf } from "../billing/allowance-left";
import { entitlementOf } from "../billing/entitlement";
import { planView } from "../billing/plans";
import { canonicalContactId } from "../db/contact-links";
import { forTenant } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { stripeClient } from "../lib/stripe-client";
import { jsonBody } from "../middleware/json-body";
import { visitorPreflight } from "../widget/visitor-preflight";
import { visitorAuth, type VisitorEnv } from "./widget-coaching";

const preflight = (c: Context) => visitorPreflight(c, "Authorization, Content-Type, X-Request-Id");

/** Stripe sends the visitor back to the site they bought from. */
const backToSite = (c: Context<VisitorEnv>) => c.get("visitor").org;

export const widgetBillingRoutes = new Hono<VisitorEnv>()
  .options("/billing", (c) => preflight(c))
  .options("/billing/checkout", (c) => preflight(c))
  .options("/billing/portal", (c) => preflight(c))
  .get("/billing", visitorAuth, async (c) => {
    const { tid, sub } = c.get("visitor");
    const plans = await forTenant(c.env.DB, tid).list("billingPlans", {
      where: (t) => isNull(t.archivedAt),
      orderBy: (t) => [t.priceMinor, t.createdAt],
    });
    const now = Date.now();
    const { contactId, plan, subscription } = await entitlementOf(c.env.DB, tid, sub, now);
    const view: WidgetMembershipView = {
      plans: plans.map(planView),
      current: subscription && {
        plan_id: subscription.planId,
        status: subscription.status,
        cancel_at_period_end: subscription.cancelAtPeriodEnd,
        current_period_end: subscription.currentPeriodEnd,
      },
      allowance: plan && (await allowanceOf(c.env.DB, tid, contactId, plan, now)),
    };
    return c.json(view);
  })
  .post(
    "/billing/checkout",
    visitorAuth,
    jsonBody(WidgetCheckoutSchema, { maxBytes: 1024 }),
    async (c) => {
      const { tid, sub } = c.get("visitor");
      const plan = await forTenant(c.env.DB, tid).find("billingPlans", c.req.valid("json").plan_id);
      if (!plan) throw new AppError(404, "plan_not_found", "No plan with this id is on sale here.");
      const url = await checkoutUrl(stripeClient(c.env), c.env, {
        tenantId: tid,
        contactId: await canonicalContactId(c.env.DB, tid, sub),
        plan,
        returnUrl: backToSite(c),
      });
      return c.json({ url } satisfies BillingLinkView);
    },
  )
  .post("/billing/portal", visitorAuth, async (c) => {
    const { tid, sub } = c.get("visitor");
    const contactId = await canonicalContactId(c.env.DB, tid, sub);
    const url = await portalUrl(stripeClient(c.env), c.env.DB, tid, contactId, backToSite(c));
    return c.json({ url } satisfies BillingLinkView);
  });
