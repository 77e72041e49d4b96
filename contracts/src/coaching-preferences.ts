/**
 * A contact's coaching preferences — their time zone, quiet hours, caps and pause — and the language the
 * platform's own words to them are written in: what the coaching agent obeys before any proactive
 * message, and what the dashboard, the app and the person's own commands change.
 */
import { z } from "zod";
import { CRISIS_LANGUAGES, type CrisisLanguage } from "./safety-settings";

/** A local time of day, as HH:MM (24-hour). */
export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a local time as HH:MM (24-hour)");

/** 2100-01-01T00:00:00Z: a pause ends before then. */
const PAUSE_LIMIT_MS = 4_102_444_800_000;

const IanaTimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, "an IANA time zone such as Europe/Berlin");

/** A contact's coaching preferences: where they live in time, when not to disturb them, and how often. */
export const CoachingPreferencesSchema = z.object({
  timezone: IanaTimeZoneSchema,
  /** Local times; a range that wraps midnight (22:00-08:00) is the usual case. Null: no quiet hours. */
  quiet_hours: z.object({ start: LocalTimeSchema, end: LocalTimeSchema }).nullable(),
  /** At most this many proactive messages in any 24 hours and in any 7 days. */
  caps: z.object({
    per_day: z.number().int().min(1).max(50),
    per_week: z.number().int().min(1).max(200),
  }),
  /**
   * No proactive message before this time (Unix ms); they resume on their own after it. Null: not
   * paused. A time already past pauses nothing.
   */
  paused_until: z
    .number()
    .int("Unix milliseconds, a whole number")
    .min(0)
    .max(PAUSE_LIMIT_MS, "a time before the year 2100, in Unix milliseconds")
    .nullable(),
});
export type CoachingPreferences = z.infer<typeof CoachingPreferencesSchema>;

/** What the agent keeps of a change: any of the preferences. */
export const CoachingPreferencesUpdateSchema = CoachingPreferencesSchema.partial();
export type CoachingPreferencesUpdate = z.infer<typeof CoachingPreferencesUpdateSchema>;

/** The languages the platform's own words to a contact can be written in: those of the crisis replies. */
export const CONTACT_LANGUAGES = CRISIS_LANGUAGES;
export type ContactLanguage = CrisisLanguage;

/**
 * Body of `PUT /api/v1/contacts/:id/coaching`: any of the preferences, the contact's `language` (null:
 * chosen automatically), and `opted_out: true` — a member stopping every proactive message, as the
 * person's own STOP does. Only the person can undo that, from their channel, so `false` is refused.
 */
export const ContactCoachingUpdateSchema = CoachingPreferencesUpdateSchema.extend({
  language: z
    .enum(CONTACT_LANGUAGES, { error: `one of ${CONTACT_LANGUAGES.join(", ")}, or null` })
    .nullable()
    .optional(),
  opted_out: z
    .literal(true, {
      error:
        "only true: a member can stop proactive messages, but only the person can start them again, from their channel",
    })
    .optional(),
});
export type ContactCoachingUpdate = z.infer<typeof ContactCoachingUpdateSchema>;

export const DEFAULT_COACHING_PREFERENCES: CoachingPreferences = {
  timezone: "UTC",
  quiet_hours: { start: "22:00", end: "08:00" },
  caps: { per_day: 3, per_week: 10 },
  paused_until: null,
};

/** `GET /api/v1/contacts/:id/coaching`, as the contact's agent answers it. */
export type CoachingStateView = CoachingPreferences & {
  opted_out: boolean;
  opted_out_at: number | null;
};

/** `GET`, `PUT /api/v1/contacts/:id/coaching`: the agent's state and the contact's language. */
export type ContactCoachingView = CoachingStateView & { language: ContactLanguage | null };
