// Programs a plan reserves (a plan's `includes.programs`): joining one needs a plan that includes it.
// A program no plan lists is open to everyone, so a workspace that sells nothing is unchanged. A person
// refused from Telegram or WhatsApp is told why, with their checkout link (programNeedsPlanText).
import { formatMessage } from "@coach/contracts/messages";
import { isNull } from "drizzle-orm";
import { forTenant } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import type { ReplyLanguage } from "../lib/reply-language";
import { ENTITLEMENT_TEXTS } from "./entitlement-texts";
import { entitlementOf } from "./entitlement";
import { upgradeLink } from "./upgrade-link";

/** 402 `plan_required` (with the person's upgrade link) unless `contactId` may join `programId`. */
export async function assertProgramIncluded(
  env: Pick<Env, "DB" | "VISITOR_TOKEN_SECRET" | "PUBLIC_EDGE_URL">,
  tenantId: string,
  programId: string,
  contactId: string,
  now: number = Date.now(),
): Promise<void> {
  const plans = await forTenant(env.DB, tenantId).list("billingPlans", {
    where: (t) => isNull(t.archivedAt),
  });
  if (!plans.some((plan) => plan.includes.programs.includes(programId))) return;
  const { plan, contactId: person } = await entitlementOf(env.DB, tenantId, contactId, now);
  if (plan?.includes.programs.includes(programId)) return;
  throw new AppError(
    402,
    "plan_required",
    "This program is part of a membership plan. Join a plan that includes it, then enrol again.",
    { details: { upgrade_url: await upgradeLink(env, tenantId, person, now) } },
  );
}

/** The upgrade link of a `plan_required` refusal from `assertProgramIncluded`; null for any other error. */
export function planRequiredLink(error: unknown): string | null {
  if (!(error instanceof AppError) || error.code !== "plan_required") return null;
  const details = error.details as { upgrade_url?: unknown } | undefined;
  return typeof details?.upgrade_url === "string" ? details.upgrade_url : null;
}

/** What a person joining `program` from a messaging channel is told when it needs a plan. */
export function programNeedsPlanText(language: ReplyLanguage, program: string, link: string) {
  return formatMessage(ENTITLEMENT_TEXTS[language].programNeedsPlan, { program, link });
}
