// The persona a turn is answered with: the tenant's latest persona version, shaped for the bridge.
import { PersonaSchema, type Persona } from "@coach/contracts/bridge";
import { desc } from "drizzle-orm";
import { forTenant } from "../db/tenant-gateway";
import { describeError, type Logger } from "../lib/logger";
import type { SpokenLanguages } from "../lib/reply-language";

/** Used until the creator saves a persona of their own. */
export const DEFAULT_PERSONA: Persona = {
  name: "Coach",
  voice: "Warm, clear and practical. Short paragraphs, one concrete next step.",
  fallback:
    "I don't have that in my material yet. Could you ask it another way, or ask about something we've covered?",
  guardrails: [],
};

/** A persona as a turn uses it, with the saved version it came from (0 for the default). */
export type LoadedPersona = { persona: Persona; version: number };

/**
 * The latest saved persona of the tenant, merged over the default (so a persona saved before a field
 * existed still has it), or the default when none is saved or it does not fit the contract. The rich
 * fields (tone, methodology, always/never, examples, languages, answer mode) pass through as saved.
 */
export async function loadPersona(db: D1Database, tenantId: string): Promise<LoadedPersona> {
  const [latest] = await forTenant(db, tenantId).list("personas", {
    orderBy: (p) => desc(p.version),
    limit: 1,
  });
  if (!latest) return { persona: DEFAULT_PERSONA, version: 0 };
  const parsed = PersonaSchema.safeParse({ ...DEFAULT_PERSONA, ...latest.data });
  return parsed.success
    ? { persona: parsed.data, version: latest.version }
    : { persona: DEFAULT_PERSONA, version: 0 };
}

/**
 * The languages a fixed reply (a notice, the human-request reply) may be written in. Such a reply must go
 * out even when D1 cannot be read, so a failed read logs and offers `fallback` instead of throwing.
 */
export async function replyLanguagesOrFallback(
  db: D1Database,
  tenantId: string,
  fallback: SpokenLanguages,
  logger: Logger,
): Promise<SpokenLanguages> {
  try {
    return (await loadPersona(db, tenantId)).persona;
  } catch (err) {
    logger.error(
      "persona not read; the fixed reply uses the fallback language",
      describeError(err),
    );
    return fallback;
  }
}
