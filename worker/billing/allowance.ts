// The room's check before each answer, at the first attempt of a turn (a retried turn does not count
// twice): does the person's plan cover the channel they wrote on, does the creator's workspace still
// have answers this month on the platform's plan, and does the person's plan still include one? When
// not, the person gets a kind message in their language instead of an answer — never silence — with
// their upgrade link when upgrading is theirs to do; a workspace over its quota is also flagged for the
// creator. A workspace without plans is not metered, and a failure to read D1 answers rather than
// refuses: billing trouble must not silence the coach.
import { formatMessage } from "@coach/contracts/messages";
import { takeAnswer } from "../db/billing-store";
import type { ChannelKind } from "../db/enums";
import { flagAnswerRefused, takeWorkspaceAnswer, workspaceMonth } from "../db/platform-usage-store";
import { forTenant } from "../db/tenant-gateway";
import { describeError, type Logger } from "../lib/logger";
import { chooseReplyLanguage, type ReplyLanguage } from "../lib/reply-language";
import { replyLanguagesOrFallback } from "../persona/load-persona";
import { entitlementOf } from "./entitlement";
import { ENTITLEMENT_TEXTS } from "./entitlement-texts";
import { workspaceLimits, type QuotaEnv } from "./platform-quotas";
import { upgradeLink } from "./upgrade-link";

export type AllowanceEnv = Pick<Env, "DB" | "VISITOR_TOKEN_SECRET" | "PUBLIC_EDGE_URL"> & QuotaEnv;

export type AllowanceTurn = {
  tenantId: string;
  contactId: string | null | undefined;
  /** The channel the person wrote on; checked against their plan's `includes.channels`. */
  channel: ChannelKind;
  /** Earlier attempts of this turn: only the first one takes from the allowance. */
  attempts: number;
};

/** The language the platform's own words go to `contactId` in: one a member chose wins. */
async function personLanguage(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  logger: Logger,
): Promise<ReplyLanguage> {
  const contact = await forTenant(d1, tenantId).find("contacts", contactId);
  const persona = await replyLanguagesOrFallback(d1, tenantId, {}, logger);
  return chooseReplyLanguage(persona, { stated: contact?.language ?? contact?.locale ?? null });
}

/** The message to send instead of an answer; null: answer. */
export async function allowanceRefusal(
  env: AllowanceEnv,
  turn: AllowanceTurn,
  logger: Logger,
): Promise<string | null> {
  const { tenantId, contactId } = turn;
  if (!contactId || turn.attempts > 0) return null;
  try {
    const now = Date.now();
    const language = () => personLanguage(env.DB, tenantId, contactId, logger);
    const { contactId: person, plan } = await entitlementOf(env.DB, tenantId, contactId, now);
    const link = () => upgradeLink(env, tenantId, person, now);
    if (
      plan &&
      plan.includes.channels.length > 0 &&
      !plan.includes.channels.includes(turn.channel)
    ) {
      logger.info("channel not in plan; upgrade offered", {
        plan_id: plan.id,
        channel: turn.channel,
      });
      const texts = ENTITLEMENT_TEXTS[await language()];
      return formatMessage(texts.channelNotIncluded, {
        channel: texts.channelNames[turn.channel],
        link: await link(),
      });
    }
    const { limits } = await workspaceLimits(env, tenantId);
    const quota = limits.answers_per_month;
    // Read first, so a person is not charged an answer the workspace cannot give; taken after theirs.
    if (quota !== null && (await workspaceMonth(env.DB, tenantId, now)).answers >= quota)
      return await workspaceRefusal(env, turn, language, logger, now);
    if (plan && plan.monthlyMessages !== null) {
      if (!(await takeAnswer(env.DB, tenantId, person, plan.monthlyMessages, now))) {
        logger.info("allowance used up; upgrade offered", { plan_id: plan.id });
        return formatMessage(ENTITLEMENT_TEXTS[await language()].allowanceUsedUp, {
          link: await link(),
        });
      }
    }
    if (quota !== null && !(await takeWorkspaceAnswer(env.DB, tenantId, quota, now)))
      return await workspaceRefusal(env, turn, language, logger, now);
    return null;
  } catch (error) {
    logger.error("allowance not checked; answering", describeError(error));
    return null;
  }
}

/** The workspace's answers are used up: flag it for the creator, and tell the person kindly. */
async function workspaceRefusal(
  env: AllowanceEnv,
  turn: AllowanceTurn,
  language: () => Promise<ReplyLanguage>,
  logger: Logger,
  now: number,
): Promise<string> {
  await flagAnswerRefused(env.DB, turn.tenantId, now);
  logger.warn("workspace answers quota used up; answer refused", { quota: "answers_per_month" });
  return ENTITLEMENT_TEXTS[await language()].workspaceAnswersUsedUp;
}
