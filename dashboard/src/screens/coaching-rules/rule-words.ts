// A coaching rule said as a coach would say it: who it watches, the signal it reacts to (silence, a
// falling check-in score, check-ins left unanswered) and what it sends.
import type { CoachingRuleView, RuleThen, RuleWhen } from "@coach/contracts/coaching-rules";

function hoursInWords(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? "a day" : `${hours / 24} days`;
  return hours === 1 ? "an hour" : `${hours} hours`;
}

function whenInWords(when: RuleWhen): string {
  if ("no_reply_for_hours" in when)
    return `has not written for ${hoursInWords(when.no_reply_for_hours)}`;
  if ("score_drop" in when)
    return `answers a check-in with a score ${when.score_drop} or more below the first of their last ${when.over_checkins} check-ins`;
  return when.missed_checkins === 1
    ? "leaves a check-in unanswered for a day"
    : `leaves ${when.missed_checkins} check-ins in a row unanswered`;
}

function thenInWords(then: RuleThen): string {
  const message = then.send === "nudge" ? "a nudge to come back" : "a supportive message";
  return then.text
    ? `send them ${message} in your words: “${then.text}”`
    : `send them ${message}, written by the assistant in your voice`;
}

/** "When someone enrolled in Walk 10K has not written for 3 days, send them a nudge to come back, …". */
export function ruleInWords(
  rule: Pick<CoachingRuleView, "when" | "then">,
  programName: string | null,
): string {
  const who = programName
    ? `someone enrolled in ${programName}`
    : "someone enrolled in any program";
  return `When ${who} ${whenInWords(rule.when)}, ${thenInWords(rule.then)}.`;
}
