// Proactive messages of paid programs stop for members whose membership lapsed (cancelled, or unpaid
// past the grace period), unless the creator chose to continue them (`proactive_for_lapsed`). A paid
// program is one a plan reserves (`includes.programs`); free programs, and people a creator enrolled by
// hand without ever buying a membership, are not held. The coaching agent asks before each step.
import type { BillingSettingsView } from "@coach/contracts/platform-usage";
import { isNull } from "drizzle-orm";
import { subscriptionsOf } from "../db/billing-store";
import { forTenant, type TenantGateway } from "../db/tenant-gateway";
import { entitlementOf } from "./entitlement";

/** The workspace's membership settings; the defaults when it never saved any. */
export async function billingSettingsOf(gateway: TenantGateway): Promise<BillingSettingsView> {
  const row = await gateway.find("billingSettings", gateway.tenantId);
  return { proactive_for_lapsed: row?.proactiveForLapsed ?? "stop" };
}

/** Saves the workspace's membership settings. */
export async function saveBillingSettings(
  gateway: TenantGateway,
  settings: BillingSettingsView,
): Promise<BillingSettingsView> {
  const values = { proactiveForLapsed: settings.proactive_for_lapsed, updatedAt: Date.now() };
  await gateway.upsert("billingSettings", { id: gateway.tenantId, ...values }, values);
  return settings;
}

/** Whether `contactId`'s proactive messages of `programId` are held because their membership lapsed. */
export async function heldForLapsedMembership(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  programId: string,
  now: number,
): Promise<boolean> {
  const gateway = forTenant(d1, tenantId);
  if ((await billingSettingsOf(gateway)).proactive_for_lapsed === "continue") return false;
  const plans = await gateway.list("billingPlans", { where: (t) => isNull(t.archivedAt) });
  if (!plans.some((plan) => plan.includes.programs.includes(programId))) return false;
  const { contactId: person, plan } = await entitlementOf(d1, tenantId, contactId, now);
  if (plan?.includes.programs.includes(programId)) return false;
  return (await subscriptionsOf(d1, tenantId, person)).length > 0;
}
