// Creators paid to their own Stripe account (Connect Express): onboarding through a Stripe-hosted
// account link, and the account's state as Stripe's API reports it — pending until onboarding is
// done, active once charges and payouts are enabled, restricted with Stripe's reason otherwise. The
// state is always read again from the API (on `account.updated` and when the dashboard asks).
import type Stripe from "stripe";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { onStripe } from "../lib/stripe-client";

export type PayoutAccount = TenantRow<"billingAccounts">;

/** Stripe's account as the platform names its state. */
export function accountState(account: Stripe.Account): {
  status: PayoutAccount["status"];
  restrictedReason: string | null;
} {
  const reason = account.requirements?.disabled_reason ?? null;
  if (account.charges_enabled && account.payouts_enabled)
    return { status: "active", restrictedReason: null };
  if (account.details_submitted && reason)
    return { status: "restricted", restrictedReason: reason };
  return { status: "pending", restrictedReason: null };
}

/** The workspace's payout account as last read from Stripe, if it started onboarding. */
export async function payoutAccount(gateway: TenantGateway): Promise<PayoutAccount | undefined> {
  return gateway.find("billingAccounts", gateway.tenantId);
}

/**
 * An onboarding link for the workspace's Express account, creating the account the first time. The
 * link is single-use and short-lived; `refreshUrl` is where Stripe sends an expired one.
 */
export async function onboardingLink(
  gateway: TenantGateway,
  stripe: Stripe,
  urls: { returnUrl: string; refreshUrl: string },
): Promise<string> {
  return onStripe(async () => {
    let account = await payoutAccount(gateway);
    if (!account) {
      const created = await stripe.accounts.create(
        { type: "express", metadata: { tenant_id: gateway.tenantId } },
        { idempotencyKey: `connect-account:${gateway.tenantId}` },
      );
      await gateway.insertIfAbsent("billingAccounts", {
        id: gateway.tenantId,
        stripeAccountId: created.id,
        ...accountState(created),
      });
      account = await payoutAccount(gateway);
    }
    const link = await stripe.accountLinks.create({
      account: account!.stripeAccountId,
      type: "account_onboarding",
      return_url: urls.returnUrl,
      refresh_url: urls.refreshUrl,
    });
    return link.url;
  });
}

/** Reads the account from Stripe and stores its state; answers the stored row. */
export async function refreshAccount(
  gateway: TenantGateway,
  stripe: Stripe,
  account: PayoutAccount,
): Promise<PayoutAccount> {
  const fresh = await stripe.accounts.retrieve(account.stripeAccountId);
  return gateway.update("billingAccounts", account.id, {
    ...accountState(fresh),
    updatedAt: Date.now(),
  });
}
