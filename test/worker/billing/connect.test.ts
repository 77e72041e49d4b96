// Creators paid to their own Stripe account: Express onboarding from the dashboard's API, the
// account's state (pending, restricted with Stripe's reason, active) following Stripe's
// `account.updated`, and members' payments sent to the active account, less the platform's fee.
import type { ConnectView } from "@coach/contracts/billing";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkoutUrl } from "../../../worker/billing/checkout";
import { payoutAccount } from "../../../worker/billing/connect";
import { createPlan } from "../../../worker/billing/plans";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { deliver, standIn, stripe } from "./billing-helpers";

let workspace: SeededWorkspace;
const owner = () => workspace.members.owner.token;
const connectState = async () =>
  (await (await call("/api/v1/billing/connect", { token: owner() })).json()) as ConnectView;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

describe("the creator's payout account", () => {
  it("onboards through a Stripe account link, follows account.updated, and receives members' payments once active", async () => {
    expect(await connectState()).toMatchObject({ status: "not_started" });
    const started = await call("/api/v1/billing/connect", {
      token: owner(),
      body: { return_url: "https://dashboard.example/settings" },
    });
    expect(started.status).toBe(200);
    expect(((await started.json()) as { url: string }).url).toMatch(/\/setup\/e\/acct_/);
    const pending = await connectState();
    expect(pending.status).toBe("pending");
    const accountId = pending.stripe_account_id ?? "";

    const gateway = forTenant(env.DB, workspace.tenantId);
    const restricted = await standIn(`/__accounts/${accountId}/restrict`);
    for (const event of restricted.events) expect((await deliver(event)).status).toBe(200);
    expect(await payoutAccount(gateway)).toMatchObject({
      status: "restricted",
      restrictedReason: "requirements.past_due",
    });
    const activated = await standIn(`/__accounts/${accountId}/activate`);
    for (const event of activated.events) expect((await deliver(event)).status).toBe(200);
    expect(await payoutAccount(gateway)).toMatchObject({
      status: "active",
      restrictedReason: null,
    });

    const plan = await createPlan(gateway, stripe, {
      kind: "paid",
      name: "Club",
      monthly_messages: null,
      price_minor: 1200,
      currency: "usd",
      interval: "month",
      trial_days: 0,
    });
    const url = await checkoutUrl(stripe(), env, {
      tenantId: workspace.tenantId,
      contactId: crypto.randomUUID(),
      plan,
      returnUrl: "http://edge.test/api/v1/billing/return",
    });
    const paid = await standIn<{ subscription: string }>(
      `/__checkout/${/\/c\/pay\/(cs_\w+)/.exec(url)?.[1]}/complete`,
    );
    const subscription = await stripe().subscriptions.retrieve(paid.subscription);
    expect(subscription.transfer_data?.destination).toBe(accountId);
    // STRIPE_PLATFORM_FEE_PERCENT is "10" in the test configuration.
    expect(subscription.application_fee_percent).toBe(10);
  });

  it("refuses a return URL that is not http(s) (400)", async () => {
    const res = await call("/api/v1/billing/connect", {
      token: owner(),
      body: { return_url: "javascript:alert(1)" },
    });
    expect(res.status).toBe(400);
  });
});
