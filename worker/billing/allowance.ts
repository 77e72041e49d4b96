// The room's check before each answer: does the person's plan still include one this month? The
// answer is taken from the allowance at the first attempt of a turn (a retried turn does not count
// twice). When the allowance is used up, the person gets a kind message in their language with an
// upgrade link instead of an answer — never silence. A workspace without plans is not metered, and a
// failure to read D1 answers rather than refuses: billing trouble must not silence the coach.
import { takeAnswer } from "../db/billing-store";
import { forTenant } from "../db/tenant-gateway";
import { describeError, type Logger } from "../lib/logger";
import { chooseReplyLanguage } from "../lib/reply-language";
import { replyLanguagesOrFallback } from "../persona/load-persona";
import { ALLOWANCE_USED_UP } from "./allowance-texts";
import { entitlementOf } from "./entitlement";
import { upgradeLink } from "./upgrade-link";

export type AllowanceEnv = Pick<Env, "DB" | "VISITOR_TOKEN_SECRET" | "PUBLIC_EDGE_URL">;

export type AllowanceTurn = {
  tenantId: string;
  contactId: string | null | undefined;
  /** Earlier attempts of this turn: only the first one takes from the allowance. */
  attempts: number;
};

/** The message to send instead of an answer when the allowance is used up; null: answer. */
export async function allowanceRefusal(
  env: AllowanceEnv,
  turn: AllowanceTurn,
  logger: Logger,
): Promise<string | null> {
  const { tenantId, contactId } = turn;
  if (!contactId || turn.attempts > 0) return null;
  try {
    const now = Date.now();
    const { contactId: person, plan } = await entitlementOf(env.DB, tenantId, contactId, now);
    if (!plan || plan.monthlyMessages === null) return null;
    if (await takeAnswer(env.DB, tenantId, person, plan.monthlyMessages, now)) return null;
    const contact = await forTenant(env.DB, tenantId).find("contacts", contactId);
    const persona = await replyLanguagesOrFallback(env.DB, tenantId, {}, logger);
    // A language a member chose for the person wins over what their channel reports.
    const language = chooseReplyLanguage(persona, {
      stated: contact?.language ?? contact?.locale ?? null,
    });
    logger.info("allowance used up; upgrade offered", { plan_id: plan.id });
    return ALLOWANCE_USED_UP[language].replace(
      "{link}",
      await upgradeLink(env, tenantId, person, now),
    );
  } catch (error) {
    logger.error("allowance not checked; answering", describeError(error));
    return null;
  }
}
