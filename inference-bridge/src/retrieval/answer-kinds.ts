/**
 * Whether a sentence holds the kind of fact a question asks for: a duration for "how long", a clock
 * time, day or age for "when", a number for "how many", a rhythm for "how often", a reason for "why".
 */
import type { AnswerKind } from "./question";

const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a few|a couple of|half an?|an?|several)`;
const UNIT = String.raw`(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|sessions?|runs?)`;

const PATTERNS: Record<AnswerKind, RegExp> = {
  duration: new RegExp(
    String.raw`\b${NUMBER}(?:\s*(?:-|to|–|or)\s*${NUMBER})?[\s-]+${UNIT}\b|\b(?:half an hour|an hour|overnight|all day|all night)\b`,
    "i",
  ),
  time: new RegExp(
    String.raw`\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b|\b(?:noon|midday|midnight|morning|afternoon|evening|bedtime|lunchtime|weekend|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|daily|tonight|tomorrow)s?\b|\b(?:before|after|until|by|from|at|within|around)\s+${NUMBER}\b|\b${NUMBER}[\s-]+(?:months?|years?)[\s-]+old\b|\bage(?:d|s)?\s+\d`,
    "i",
  ),
  quantity: new RegExp(
    String.raw`\b\d+(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|half|double|twice|dozen)\b|\bper ?cent\b|%`,
    "i",
  ),
  frequency:
    /\b(?:every|each|once|twice|daily|weekly|nightly|monthly|per (?:day|week|night|month)|times? (?:a|per) (?:day|week|night|month)|a (?:day|week|night)|most days|\w+ times)\b/i,
  reason:
    /\b(?:because|so that|so you|so your|since|which means|that means|this means|helps?|the reason|otherwise|in order to|due to|causes?)\b/i,
  "yes-no":
    /^(?:yes|no|not|never|always|don't|do not|avoid|it's fine|that's fine|absolutely|of course|only if|you can|you can't)\b|\b(?:is fine|is ok|is okay|is normal|counts|allowed|no problem)\b/i,
  procedure:
    /^(?:(?:first|then|next|start|try|use|put|keep|set|take|give|write|ask|make|do|don't|stop|go|wait|move|add|choose|pick|plan|leave|say|tell|run|walk|book|check|turn|switch|open|close|drink|eat|place|hold|offer|skip|cut|drop|repeat|aim|lay|send|note|list|track)\b)|\b(?:should|need to|you can|step|steps)\b/i,
};

/** True when `text` holds the kind of fact `kind` asks for. */
export function holdsKind(text: string, kind: AnswerKind): boolean {
  return PATTERNS[kind].test(text);
}
