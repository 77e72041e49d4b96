// Proactive coaching from Telegram: `/start <program-slug>` joins a program, `/stop` also leaves every
// program at once, `/quiet 22-7` (or `off`) sets quiet hours and `/timezone Europe/Berlin` the time
// zone. Runs before the general commands: a bare /start and the /stop reply are theirs. Replies are in
// the user's language (bot-texts.ts).
import { formatMessage } from "@coach/contracts/messages";
import { and, eq } from "drizzle-orm";
import { Composer, type Context } from "grammy";
import { planRequiredLink, programNeedsPlanText } from "../../billing/program-access";
import { canonicalContactId } from "../../db/contact-links";
import { forTenant } from "../../db/tenant-gateway";
import { coachingAgentFor } from "../../lib/coaching-agents";
import { optInContact, optOutContact } from "../../programs/contact-consent";
import { enrollContact } from "../../programs/enroll-contact";
import { parseQuietHours, parseTimeZone } from "../../programs/preference-commands";
import { activeProgramBySlug } from "../../programs/program-store";
import { findOrCreateContact } from "../channel-session";
import type { BotDeps } from "./bot-context";
import { BOT_TEXTS, botLanguage, botTexts } from "./bot-texts";

const CONTACT_WAIT_ATTEMPTS = 50;
const CONTACT_WAIT_MS = 100;

/** The user's contact, and the contact coaching follows: the canonical one when they linked channels. */
async function contactOf(deps: BotDeps, ctx: Context) {
  if (!ctx.chat) return null;
  const name = ctx.from
    ? [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ")
    : null;
  const contact = await findOrCreateContact(forTenant(deps.env.DB, deps.channel.tenantId), {
    kind: "telegram",
    externalId: String(ctx.chat.id),
    displayName: name,
    locale: ctx.from?.language_code ?? null,
  });
  return {
    contact,
    coachingId: await canonicalContactId(deps.env.DB, deps.channel.tenantId, contact.id),
  };
}

/**
 * The contact the general /start or /stop handler creates for a new user, once it exists: this
 * composer never inserts it beside that handler (two concurrent inserts would fail one of them).
 */
async function contactMadeByCommands(deps: BotDeps, ctx: Context) {
  if (!ctx.chat) return null;
  const externalId = String(ctx.chat.id);
  const gateway = forTenant(deps.env.DB, deps.channel.tenantId);
  for (let attempt = 0; attempt < CONTACT_WAIT_ATTEMPTS; attempt += 1) {
    const [contact] = await gateway.list("contacts", {
      where: (t) => and(eq(t.channel, "telegram"), eq(t.externalId, externalId)),
      limit: 1,
    });
    if (contact)
      return {
        contact,
        coachingId: await canonicalContactId(deps.env.DB, deps.channel.tenantId, contact.id),
      };
    await scheduler.wait(CONTACT_WAIT_MS);
  }
  deps.logger.warn("telegram contact not found for a coaching command", {
    channel_id: deps.channel.id,
  });
  return null;
}

/** `/start <slug>`, `/stop`, `/quiet`, `/timezone`. */
export function coachingCommandsComposer(deps: BotDeps): Composer<Context> {
  const commands = new Composer<Context>();
  const gateway = () => forTenant(deps.env.DB, deps.channel.tenantId);

  commands.command("start", (ctx, next) => {
    const slug = typeof ctx.match === "string" ? ctx.match.trim() : "";
    if (!slug) {
      // A bare /start turns check-ins back on; its greeting is the general commands' reply.
      deps.defer(async () => {
        const found = await contactMadeByCommands(deps, ctx);
        if (found) await optInContact(deps.env, deps.channel.tenantId, found.coachingId);
      });
      return next();
    }
    deps.defer(async () => {
      const found = await contactOf(deps, ctx);
      if (!found) return;
      const language = await botLanguage(deps, ctx, found.contact);
      const texts = BOT_TEXTS[language];
      const program = await activeProgramBySlug(gateway(), slug);
      if (!program) return ctx.reply(formatMessage(texts.programNotFound, { slug }));
      await gateway().update("contacts", found.contact.id, {
        consentAt: found.contact.consentAt ?? Date.now(),
        optedOutAt: null,
      });
      const joined = await enrollContact(deps.env, gateway(), {
        program,
        contactId: found.coachingId,
        source: "telegram",
        channelId: deps.channel.id,
      }).catch((error: unknown) => {
        // A paid program: the person hears why and gets their checkout link, never silence.
        const link = planRequiredLink(error);
        if (link === null) throw error;
        return { link };
      });
      if ("link" in joined)
        return ctx.reply(programNeedsPlanText(language, program.name, joined.link));
      await ctx.reply(
        formatMessage(joined.duplicate ? texts.alreadyIn : texts.joined, { program: program.name }),
      );
    });
  });

  commands.command("stop", (ctx, next) => {
    deps.defer(async () => {
      const found = await contactMadeByCommands(deps, ctx);
      if (found)
        await optOutContact(deps.env, deps.channel.tenantId, found.coachingId, "telegram_stop");
    });
    return next();
  });

  commands.command("quiet", (ctx) => {
    const patch = parseQuietHours(typeof ctx.match === "string" ? ctx.match : "");
    deps.defer(async () => {
      const texts = await botTexts(deps, ctx);
      if (!patch) return ctx.reply(texts.quietUsage);
      const found = await contactOf(deps, ctx);
      if (!found) return;
      await coachingAgentFor(deps.env, deps.channel.tenantId, found.coachingId).updatePreferences(
        { tenantId: deps.channel.tenantId, contactId: found.coachingId },
        patch,
      );
      await ctx.reply(
        patch.quiet_hours ? formatMessage(texts.quietSet, patch.quiet_hours) : texts.quietOff,
      );
    });
  });

  commands.command("timezone", (ctx) => {
    const patch = parseTimeZone(typeof ctx.match === "string" ? ctx.match : "");
    deps.defer(async () => {
      const texts = await botTexts(deps, ctx);
      if (!patch?.timezone) return ctx.reply(texts.timeZoneUsage);
      const found = await contactOf(deps, ctx);
      if (!found) return;
      await coachingAgentFor(deps.env, deps.channel.tenantId, found.coachingId).updatePreferences(
        { tenantId: deps.channel.tenantId, contactId: found.coachingId },
        patch,
      );
      await gateway().update("contacts", found.coachingId, { timezone: patch.timezone });
      await ctx.reply(formatMessage(texts.timeZoneSet, { timeZone: patch.timezone }));
    });
  });

  return commands;
}
