// The messages answered with fixed words instead of the assistant: a crisis (the workspace's own
// resources and the services of the person's country, in their language) and a request for a person.
// What each reply says, and what happens beyond the room once it is sent.
import { NO_CRISIS_RESOURCES, type CrisisResources } from "@coach/contracts/safety-settings";
import { chosenLanguage } from "../../worker/db/contact-language";
import { describeError, type Logger } from "../../worker/lib/logger";
import { chooseReplyLanguage } from "../../worker/lib/reply-language";
import { replyLanguagesOrFallback } from "../../worker/persona/load-persona";
import { crisisReply } from "../../worker/safety/crisis-reply";
import { countryOfPhone } from "../../worker/safety/helplines";
import { loadSafetySettings } from "../../worker/safety/safety-settings";
import type { MessageDestination } from "./classify-message";
import { recordCrisis } from "./crisis-recorded";
import { recordHumanRequest } from "./human-requested";
import type { ReplyRoute } from "./reply-routes";
import type { RoomMeta } from "./room-meta";
import { ROOM_TEXTS } from "./room-texts";

/** A message answered with fixed words. */
export type FixedDestination = Extract<MessageDestination, { kind: "crisis" | "human" }>;

/**
 * How long a crisis reply waits for the workspace's own resources (one D1 read) before it goes with
 * the built-in ones: the person must have an answer within two seconds, whatever D1 does.
 */
const OWN_RESOURCES_BUDGET_MS = 500;

/** The workspace's crisis resources, or none when D1 fails or is slower than the budget. */
async function ownResources(env: Env, tenantId: string, logger: Logger): Promise<CrisisResources> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<CrisisResources>((resolve) => {
    timer = setTimeout(() => resolve(NO_CRISIS_RESOURCES), OWN_RESOURCES_BUDGET_MS);
  });
  try {
    return await Promise.race([
      loadSafetySettings(env.DB, tenantId).then((settings) => settings.crisis),
      late,
    ]);
  } catch (err) {
    logger.error("crisis resources not read; the built-in ones answer", describeError(err));
    return NO_CRISIS_RESOURCES;
  } finally {
    clearTimeout(timer);
  }
}

/** A WhatsApp number says which country's services to name; the web and Telegram do not. */
function countryOf(route: ReplyRoute | null, meta: RoomMeta): string | null {
  if (route?.channel === "whatsapp") return countryOfPhone(route.externalChatId);
  if (!route && meta.channel === "whatsapp" && meta.externalChatId)
    return countryOfPhone(meta.externalChatId);
  return null;
}

/**
 * The fixed reply to a message going to `destination`; `statedLanguage` is the person's own setting
 * (Telegram's `language_code`), when their channel tells it.
 */
export async function fixedReplyTo(
  env: Env,
  destination: FixedDestination,
  route: ReplyRoute | null,
  meta: RoomMeta,
  logger: Logger,
  statedLanguage: string | null = null,
): Promise<string> {
  if (destination.kind === "human") {
    // The persona only picks the language: when D1 fails the person still gets the reply, in the
    // language they wrote in.
    const persona = await replyLanguagesOrFallback(
      env.DB,
      meta.tenantId,
      { languages: [destination.language] },
      logger,
    );
    // A language a member chose for the person outranks the one their channel reports.
    const chosen = await chosenLanguage(env.DB, meta.tenantId, meta.contactId, logger);
    const language = chooseReplyLanguage(persona, {
      stated: chosen ?? statedLanguage,
      detected: destination.language,
    });
    return ROOM_TEXTS[language].humanRequested;
  }
  return crisisReply(
    destination.signal,
    countryOf(route, meta),
    await ownResources(env, meta.tenantId, logger),
  );
}

/** Flags the conversation, tells the creator and audits, after a fixed reply was sent. */
export function recordFixedReply(
  env: Env,
  meta: RoomMeta,
  destination: FixedDestination,
  message: { seq: number; text: string },
  logger: Logger,
): Promise<void> {
  if (destination.kind === "crisis")
    return recordCrisis(env, meta, { ...message, signal: destination.signal }, logger);
  return recordHumanRequest(env, meta, message, logger);
}
