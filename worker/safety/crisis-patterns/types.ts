// The shape of one language's crisis patterns. Patterns are written against the normalised text of
// `normaliseForSafety` (lower case, no accents, no apostrophes, words separated by single spaces), so
// "don't", "dont" and "do n't" are one spelling and "não" is "nao".
import type { CrisisKind, CrisisLanguage } from "@coach/contracts/safety-settings";

/** What a message may be about, and the languages the detector reads (shared with the dashboard). */
export type { CrisisKind, CrisisLanguage };

/** One language's patterns. */
export interface LanguagePatterns {
  language: CrisisLanguage;
  /** Statements of a crisis, by kind. A pattern that names its own negation ("don't want to live") is a crisis as written. */
  kinds: Record<CrisisKind, RegExp[]>;
  /** Words that, just before a match, deny it ("I'm not suicidal", "I would never hurt myself"). */
  negators: RegExp;
  /** Laughter and joking that make a violent phrase a figure of speech ("I'm going to kill him lol"). */
  hyperbole: RegExp;
  /** A condition that makes a threat against oneself hyperbole ("I'll kill myself if I eat another cookie"). */
  conditional: RegExp;
  /** A condition that makes someone's threat real: leaving them, telling anyone, calling the police. */
  leaving: RegExp;
}
