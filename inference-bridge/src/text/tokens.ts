/**
 * Words as retrieval sees them. Text is lower-cased and split into words of letters and digits
 * (contractions kept whole, "n't" read as "not"); number words become digits ("eleven" → "11") so
 * "11 days" and "eleven days" match; each word also has a Porter stem, so "naps", "napping" and "nap"
 * meet. Stop words — function words and the filler of chat messages — carry no topic.
 */
import { stemmer } from "stemmer";
import { STOP_WORDS } from "./stop-words";
import { foldWordForm } from "./word-forms";

const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const NUMBER_WORDS = new Map<string, string>([
  ...UNITS.map((word, n) => [word, String(n)] as [string, string]),
  ...TENS.flatMap((word, n) => (word ? [[word, String(n * 10)] as [string, string]] : [])),
  ["hundred", "100"],
  ["thousand", "1000"],
  ["once", "1"],
  ["twice", "2"],
  ["dozen", "12"],
]);

/** A word of the text, its normalised form and its stem. */
export interface Token {
  /** Lower-cased surface form, number words as digits. */
  word: string;
  stem: string;
}

// Letters/digits runs, with an inner apostrophe (don't, parent's) kept inside the word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** Normalises one lower-cased word: curly apostrophes, possessives, number words, "n't". */
export function normaliseWord(raw: string): string {
  let word = raw.replaceAll("’", "'");
  if (word.endsWith("'s")) word = word.slice(0, -2);
  if (word.endsWith("n't"))
    word = word === "can't" ? "can" : word === "won't" ? "will" : word.slice(0, -3);
  return NUMBER_WORDS.get(word) ?? foldWordForm(word);
}

const stems = new Map<string, string>();

/** The Porter stem of a normalised word (memoised: the same words recur in every chunk). */
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /^\d/.test(word) ? word : stemmer(word);
    if (stems.size > 200_000) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

/** All words of a text, in order. Digits glued to letters ("3am", "10k") are split into both parts. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.toLowerCase().matchAll(WORD)) {
    for (const part of match[0].split(/(?<=\d)(?=\p{L})|(?<=\p{L})(?=\d)/u)) {
      const word = normaliseWord(part);
      if (word) out.push({ word, stem: stemOf(word) });
    }
  }
  return out;
}

/** True for words that carry no topic of their own. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The topic-bearing words of a text. */
export function contentTokens(text: string): Token[] {
  return tokenize(text).filter(
    (token) => /^\d+$/.test(token.word) || (token.word.length > 1 && !isStopWord(token.word)),
  );
}
