// Reads a user's message for a crisis — self-harm or suicide, harm to others, abuse, a medical
// emergency — in English, Spanish, Portuguese, French and German, before anything else happens to it.
// Patterns, not a model: the answer must be the same whether or not a model runs, within microseconds,
// and must never depend on the bridge being up. A match is dropped when the words just before it deny
// it ("I'm not suicidal") or when the message marks it as a figure of speech ("I'll kill myself if I
// eat another cookie lol"); violent idioms ("this workout is killing me", "I could murder a pizza")
// never match in the first place, because every pattern names a person as the one at risk.
import {
  CRISIS_PATTERNS,
  type CrisisKind,
  type CrisisLanguage,
  type LanguagePatterns,
} from "./crisis-patterns";

/** What was detected, and in which language, so the reply can be in it. */
export interface CrisisSignal {
  kind: CrisisKind;
  language: CrisisLanguage;
}

/** Longer messages are read only this far: the detector runs on every message, so its cost is bounded. */
const MAX_CHARS = 4_000;
/** Words before a match that may deny it, within the same clause. */
const NEGATION_WINDOW = 4;
/** Characters either side of a threat to oneself in which a condition makes it hyperbole. */
const CONDITION_REACH = 30;
/** Words that take back a joke marker: "I'm not joking", "lo digo en serio". */
const EARNEST =
  /\b(?:not joking|no joke|not kidding|im serious|i m serious|i mean it|en serio|no es broma|nao e brincadeira|nao estou brincando|to falando serio|je suis serieux|je suis serieuse|sans rire|je rigole pas|ich meine es ernst|kein scherz|kein witz|ernsthaft)\b/;
/** The verbs of "X will kill me", the one threat that is also an everyday idiom. */
const KILLING = /\b(?:kill|murder|matar|matarme|mata|mato|tuer|tuera|tuerait|tue|umbringen|um)\b/;
/** Kinds in the order of urgency, for a message that matches more than one. */
const URGENCY: readonly CrisisKind[] = [
  "medical_emergency",
  "self_harm",
  "harm_to_others",
  "abuse",
];

/**
 * Lower case without accents or apostrophes, words separated by single spaces, and clause ends (. , ; :
 * ! ? and line breaks) kept as " . " so a negation never reaches across a clause.
 */
export function normaliseForSafety(text: string): string {
  return ` ${text
    .slice(0, MAX_CHARS)
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[’'`´]/g, "")
    .replace(/[.,;:!?¡¿\n\r]+/g, " . ")
    .replace(/[^\p{L}\p{N}. ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()} `;
}

/** Whether the few words before `index` (not crossing a clause end) deny what follows. */
function negated(normalised: string, index: number, negators: RegExp): boolean {
  const clause = normalised.slice(0, index).split(" . ").pop() ?? "";
  const words = clause.trim().split(" ").filter(Boolean).slice(-NEGATION_WINDOW);
  return words.some((word) => negators.test(word));
}

/** Whether a condition stands within a few words of `match`, on either side, in the same clause. */
function conditionalBeside(
  normalised: string,
  match: RegExpExecArray,
  conditional: RegExp,
): boolean {
  const end = match.index + match[0].length;
  const before = normalised.slice(Math.max(0, match.index - CONDITION_REACH), match.index);
  const after = normalised.slice(end, end + CONDITION_REACH);
  // The match itself may hold an "if" ("better off if I wasn't here"); only what stands around it counts.
  return (
    conditional.test(before.split(" . ").pop() ?? "") ||
    conditional.test(` ${after.split(" . ")[0] ?? ""}`)
  );
}

/**
 * A threat under a condition: "I'll kill myself if I have to run another hill" is hyperbole, and so is
 * "my mum will kill me if I miss dinner again"; "he'll kill me if I leave him" is not, and a
 * threat to hit ("they hit me when my grades are bad") never is.
 */
function figureOfSpeech(
  kind: CrisisKind,
  normalised: string,
  match: RegExpExecArray,
  patterns: LanguagePatterns,
): boolean {
  if (kind !== "self_harm" && !(kind === "abuse" && KILLING.test(match[0]))) return false;
  if (!conditionalBeside(normalised, match, patterns.conditional)) return false;
  return kind === "self_harm" || !patterns.leaving.test(normalised);
}

/** The crisis `text` speaks of, or null. */
export function detectCrisis(text: string): CrisisSignal | null {
  const normalised = normaliseForSafety(text);
  // Emoji laughter is gone from the normalised text; read it from the original.
  const laughing = /[😂🤣😆😅]/u.test(text);
  const earnest = EARNEST.test(normalised);
  const found: CrisisSignal[] = [];
  for (const patterns of CRISIS_PATTERNS) {
    const joking = !earnest && (laughing || patterns.hyperbole.test(normalised));
    for (const kind of URGENCY) {
      for (const pattern of patterns.kinds[kind]) {
        const match = pattern.exec(normalised);
        if (!match) continue;
        if (negated(normalised, match.index, patterns.negators)) continue;
        // A medical emergency is never a figure of speech; threats of violence often are.
        if (joking && kind !== "medical_emergency") continue;
        if (!earnest && figureOfSpeech(kind, normalised, match, patterns)) continue;
        found.push({ kind, language: patterns.language });
        break;
      }
    }
  }
  found.sort((a, b) => URGENCY.indexOf(a.kind) - URGENCY.indexOf(b.kind));
  return found[0] ?? null;
}
