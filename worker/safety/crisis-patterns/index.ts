// Every language the crisis detector reads, in the order they are tried.
import { german } from "./de";
import { english } from "./en";
import { spanish } from "./es";
import { french } from "./fr";
import { portuguese } from "./pt";
import type { LanguagePatterns } from "./types";

export type { CrisisKind, CrisisLanguage, LanguagePatterns } from "./types";

export const CRISIS_PATTERNS: readonly LanguagePatterns[] = [
  english,
  spanish,
  portuguese,
  french,
  german,
];
