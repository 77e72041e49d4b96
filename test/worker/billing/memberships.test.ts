// A widget visitor's membership end to end: the free allowance runs out and the assistant answers with
// an upgrade link; the link opens a Stripe Checkout Session (the stand-in's), the visitor pays, Stripe's
// webhooks arrive out of order and twice, and the next message is answered by the coach. Cancelling at
// the period's end keeps the answers coming until the period ends; then the free allowance applies,
// and the revenue figures follow: the month's MRR while paying, one churned member after. The widget's
// upgrade panel reads the plans and gets Checkout and portal links through the visitor's own token.
import type { WidgetMembershipView } from "@coach/contracts/billing";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { eraseContact, erasureStores } from "../../../worker/auth/gdpr/contact-data";
import { createPlan } from "../../../worker/billing/plans";
import { revenueOf } from "../../../worker/billing/revenue";
import { membersPage } from "../../../worker/billing/revenue-members";
import { storedSubscription, subscriptionsOf } from "../../../worker/db/billing-store";
import { forTenant } from "../../../worker/db/tenant-gateway";
import {
  createWorkspace,
  openSession,
  ORIGIN,
  SocketClient,
  type Workspace,
} from "../../support/widget-client";
import { errorOf } from "../auth/helpers";
import { deliver, standIn, stripe, type StripeEventLike } from "./billing-helpers";
import { seedMembership } from "./membership-seed";

type Done = { type: "done"; seq: number; text: string };

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
  const gateway = forTenant(env.DB, workspace.tenantId);
  await createPlan(gateway, stripe, { kind: "free", name: "Free", monthly_messages: 1 });
  await createPlan(gateway, stripe, {
    kind: "paid",
    name: "Coaching club",
    monthly_messages: null,
    price_minor: 1900,
    currency: "usd",
    interval: "month",
    trial_days: 0,
  });
});

async function ask(client: SocketClient, text: string): Promise<Done> {
  const clientId = crypto.randomUUID();
  client.send({ type: "message", client_id: clientId, text });
  const ack = (await client.next((f) => f.type === "ack" && f.client_id === clientId)) as {
    seq: number;
  };
  return (await client.next((f) => f.type === "done" && f.seq > ack.seq, 20_000)) as Done;
}

/** Delivers every event and answers the webhook's verdicts, in the order given. */
async function deliverAll(events: StripeEventLike[]): Promise<{ duplicate: boolean }[]> {
  const verdicts = [];
  for (const event of events) {
    const res = await deliver(event);
    expect(res.status).toBe(200);
    verdicts.push((await res.json()) as { duplicate: boolean });
  }
  return verdicts;
}

const UPGRADE = /(http:\/\/edge\.test\/api\/v1\/billing\/upgrade\/\S+)/;

describe("a widget visitor's membership", () => {
  it("runs out of the free allowance, pays, and is answered again; cancelling keeps access until the period ends", async () => {
    const session = await openSession(workspace);
    const client = await SocketClient.connect(session);

    const first = await ask(client, "How long should my morning routine be?");
    expect(first.text).not.toMatch(UPGRADE);
    const refused = await ask(client, "And what about evenings?");
    expect(refused.text).toMatch(/used all the answers your plan includes this month/);
    const link = UPGRADE.exec(refused.text)?.[1] ?? "";

    // The link opens a Checkout Session for this visitor, on Stripe's hosted page.
    const opened = await exports.default.fetch(link, { redirect: "manual" });
    expect(opened.status).toBe(303);
    const checkoutId = /\/c\/pay\/(cs_\w+)/.exec(opened.headers.get("Location") ?? "")?.[1];
    expect(checkoutId).toBeDefined();
    const paid = await standIn<{ subscription: string; events: StripeEventLike[] }>(
      `/__checkout/${checkoutId}/complete`,
    );

    // Out of order (checkout completion first, creation last), then all of it again.
    const verdicts = await deliverAll([...paid.events].reverse());
    expect(verdicts.every((v) => !v.duplicate)).toBe(true);
    const again = await deliverAll(paid.events);
    expect(again.every((v) => v.duplicate)).toBe(true);

    const answered = await ask(client, "What about evenings, then?");
    expect(answered.text).not.toMatch(UPGRADE);
    const gateway = forTenant(env.DB, workspace.tenantId);
    expect(await revenueOf(gateway)).toMatchObject({
      mrr: [{ currency: "usd", amount_minor: 1900 }],
      active_members: 1,
      churned_last_30_days: 0,
    });

    // Cancelled in the customer portal: at period end, so the member keeps access meanwhile.
    await stripe().subscriptions.update(paid.subscription, { cancel_at_period_end: true });
    const { data } = await standIn<{ data: StripeEventLike[] }>("/__events", "GET");
    await deliverAll(
      data.filter(
        (e) => e.type === "customer.subscription.updated" && e.data.object.id === paid.subscription,
      ),
    );
    const stillMember = await ask(client, "Can I do it on weekends?");
    expect(stillMember.text).not.toMatch(UPGRADE);

    // The period ends: Stripe ends the subscription, and the free allowance (used up) applies again.
    const ended = await standIn(`/__subscriptions/${paid.subscription}/renew`);
    await deliverAll(ended.events);
    const lapsed = await ask(client, "One more question?");
    expect(lapsed.text).toMatch(UPGRADE);
    expect(await revenueOf(gateway)).toMatchObject({
      mrr: [],
      active_members: 0,
      churned_last_30_days: 1,
    });
    expect(await membersPage(gateway, { status: "all", limit: 10, offset: 0 })).toMatchObject({
      members: [{ status: "canceled", plan_name: "Coaching club" }],
      next_offset: null,
    });
    client.close();
  });

  it("gives the widget's upgrade panel the plans, a Checkout link for one, and no portal before a membership", async () => {
    const { visitor_token: token } = await openSession(workspace);
    const visitor = (path: string, body?: object) =>
      exports.default.fetch(`http://edge.test/api/v1/widget/billing${path}`, {
        method: body ? "POST" : "GET",
        headers: {
          Authorization: `Bearer ${token}`,
          Origin: ORIGIN,
          ...(body ? { "Content-Type": "application/json" } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const panel = (await (await visitor("")).json()) as WidgetMembershipView;
    expect(panel.current).toBeNull();
    const paid = panel.plans.find((p) => p.kind === "paid");
    expect(paid).toMatchObject({ name: "Coaching club", price_minor: 1900, currency: "usd" });

    const checkout = await visitor("/checkout", { plan_id: paid?.id });
    expect(checkout.status).toBe(200);
    expect(((await checkout.json()) as { url: string }).url).toMatch(/\/c\/pay\/cs_/);
    const portal = await visitor("/portal", {});
    expect(portal.status).toBe(404);
    expect((await errorOf(portal)).code).toBe("plan_required");
  });
});

describe("erasing a paying member", () => {
  // Every store of a privacy erasure but the bridge's, which test/worker/auth/gdpr.test.ts covers.
  const stores = (stripeAt: string) =>
    erasureStores({ ...env, STRIPE_API_URL: stripeAt }).filter((s) => s.name !== "bridge");

  it("cancels their subscription at Stripe before their rows go, and is incomplete while Stripe cannot be reached", async () => {
    const { tenantId } = await createWorkspace();
    const gateway = forTenant(env.DB, tenantId);
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "web",
      externalId: crypto.randomUUID(),
      displayName: "Mia",
      email: "mia@example.test",
    });
    const { subscriptionId } = await seedMembership({ tenantId, contactId: contact.id });
    expect((await storedSubscription(env.DB, subscriptionId))?.status).toBe("active");

    // Stripe unreachable: the erasure says it is incomplete and keeps the row naming the subscription.
    const offline = stores("http://127.0.0.1:9");
    const partial = await eraseContact(env.DB, gateway, offline, contact.id, "req-offline");
    expect(partial.complete).toBe(false);
    expect(partial.stores).toContainEqual(
      expect.objectContaining({ store: "stripe_subscriptions", status: "failed", items: 0 }),
    );
    expect(await storedSubscription(env.DB, subscriptionId)).toBeDefined();
    expect((await stripe().subscriptions.retrieve(subscriptionId)).status).toBe("active");

    // Erased again: Stripe cancels the subscription now, then the rows go.
    const receipt = await eraseContact(
      env.DB,
      gateway,
      stores(env.STRIPE_API_URL),
      contact.id,
      "req-again",
    );
    expect(receipt.stores.filter((s) => s.status === "failed")).toEqual([]);
    expect(receipt.complete).toBe(true);
    expect(receipt.stores).toContainEqual({
      store: "stripe_subscriptions",
      status: "erased",
      items: 1,
    });
    expect((await stripe().subscriptions.retrieve(subscriptionId)).status).toBe("canceled");
    expect(await subscriptionsOf(env.DB, tenantId, contact.id)).toEqual([]);
    expect(await gateway.find("contacts", contact.id)).toBeUndefined();

    // Stripe's `customer.subscription.deleted` arrives afterwards and brings nothing back.
    const { data } = await standIn<{ data: StripeEventLike[] }>("/__events", "GET");
    const deleted = data.filter(
      (e) => e.type === "customer.subscription.deleted" && e.data.object.id === subscriptionId,
    );
    expect(deleted).toHaveLength(1);
    expect((await deliver(deleted[0]!)).status).toBe(200);
    expect(await storedSubscription(env.DB, subscriptionId)).toBeUndefined();
  });
});
