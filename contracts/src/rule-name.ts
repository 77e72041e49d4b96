/**
 * The name a coaching rule gets when its creator gives none, e.g. "No reply for 48 h → nudge". The
 * edge names new rules with it, and the dashboard tells such a name from one the creator wrote. Apart
 * from the schemas, so the dashboard's bundle does not carry zod for it.
 */
import type { RuleThen, RuleWhen } from "./coaching-rules";

export function defaultRuleName(when: RuleWhen, then: RuleThen): string {
  const condition =
    "no_reply_for_hours" in when
      ? `No reply for ${when.no_reply_for_hours} h`
      : "score_drop" in when
        ? `Score dropped by ${when.score_drop} over ${when.over_checkins} check-ins`
        : `${when.missed_checkins} check-ins missed`;
  return `${condition} → ${then.send}`;
}
