// The language the coaching agent writes its own words in (check-in hints and thanks, the default
// nudges): the one a member chose for the contact (contacts.language) when there is one; else the one the
// person's platform reported (contacts.locale: Telegram's `language_code`, or the browser's language the
// widget sends when the persona speaks it; WhatsApp reports none) on the agent's contact or, for a
// person who linked channels, on any contact of theirs, when the platform has words in it; else the
// persona's first.
import { inArray } from "drizzle-orm";
import { linkGroup } from "../../worker/db/contact-links";
import { forTenant } from "../../worker/db/tenant-gateway";
import {
  chooseReplyLanguage,
  replyLanguageOf,
  type ReplyLanguage,
} from "../../worker/lib/reply-language";
import { loadPersona } from "../../worker/persona/load-persona";
import type { AgentIdentity } from "./agent-store";

/**
 * What the person's contacts say about their language: the chosen one (on the agent's contact), or the
 * locale reported on the agent's contact first, then on a linked one.
 */
async function statedLanguage(env: Env, identity: AgentIdentity): Promise<string | null> {
  const group = await linkGroup(env.DB, identity.tenantId, identity.contactId);
  const rows = await forTenant(env.DB, identity.tenantId).list("contacts", {
    where: (t) => inArray(t.id, group),
  });
  const chosen = rows.find((row) => row.id === identity.contactId)?.language;
  if (chosen) return chosen;
  const locales = group.map((id) => rows.find((row) => row.id === id)?.locale ?? null);
  return locales.find((locale) => replyLanguageOf(locale) !== null) ?? null;
}

/** The contact's language for the agent's own words. */
export async function readContactLanguage(
  env: Env,
  identity: AgentIdentity,
): Promise<ReplyLanguage> {
  const [stated, { persona }] = await Promise.all([
    statedLanguage(env, identity),
    loadPersona(env.DB, identity.tenantId),
  ]);
  return chooseReplyLanguage(persona, { stated });
}
