// What users may change about their own check-ins from a chat: quiet hours ("22-7", "22:30-07:00",
// "off") and their time zone (an IANA name such as Europe/Berlin). Parsed here, applied by the agent.
import {
  CoachingPreferencesSchema,
  type CoachingPreferencesUpdate,
} from "@coach/contracts/programs";

function clock(part: string): string | null {
  const match = /^(\d{1,2})(?::([0-5]\d))?$/.exec(part.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  if (hours > 23) return null;
  return `${String(hours).padStart(2, "0")}:${match[2] ?? "00"}`;
}

/** `/quiet 22-7` → quiet hours 22:00–07:00; `/quiet off` → none; null when it cannot be read. */
export function parseQuietHours(text: string): CoachingPreferencesUpdate | null {
  const value = text.trim().toLowerCase();
  if (value === "off" || value === "none") return { quiet_hours: null };
  const [from, to, ...rest] = value.split("-");
  if (from === undefined || to === undefined || rest.length > 0) return null;
  const start = clock(from);
  const end = clock(to);
  return start && end && start !== end ? { quiet_hours: { start, end } } : null;
}

/** `/timezone Europe/Berlin` → that time zone; null when it is not one. */
export function parseTimeZone(text: string): CoachingPreferencesUpdate | null {
  const parsed = CoachingPreferencesSchema.shape.timezone.safeParse(text.trim());
  return parsed.success ? { timezone: parsed.data } : null;
}
