/**
 * Reads a client's question the way the retrieval needs it: its topic words, each weighted by how much
 * it says (a rare word like "treadmill" says more than "day"), and the kind of answer it asks for
 * ("how long" wants a duration, "what time" a time), so the answerer can prefer sentences that hold one.
 */
import { contentTokens, type Token } from "../text/tokens";
import type { WordVectors } from "../text/word-vectors";

/** Kinds of answer a question can ask for. */
export type AnswerKind =
  "duration" | "time" | "quantity" | "frequency" | "reason" | "yes-no" | "procedure";

/** A topic word of the question. */
export interface QuestionTerm extends Token {
  /** How much the word tells about the topic, from its rarity in general English (about 0.3–8). */
  weight: number;
}

/** An analysed question. */
export interface Question {
  text: string;
  terms: QuestionTerm[];
  kinds: ReadonlySet<AnswerKind>;
  /**
   * Stems of the words in the clauses that ask ("…how long is it supposed to take?"), as against those
   * that tell the story around them ("our bedtime routine drags on for an hour"): the piece that answers
   * usually echoes the asking words.
   */
  askStems: ReadonlySet<string>;
}

const WH_START =
  /^(?:how|what|when|where|which|why|who|whom|whose|is|are|am|can|could|should|shall|do|does|did|will|would|may|must|have|has|any)\b/i;

/** The asking clauses of a question: those ending in "?" or opening with a question word. */
export function askingClauses(text: string): string[] {
  const clauses = text
    .split(
      /(?<=[.!?;])\s+|\s*,\s*(?:but|so|and)\s+|\s+(?:but|so)\s+(?=(?:how|what|when|where|which|why|is|can|should|do)\b)/i,
    )
    .map((c) => c.trim())
    .filter(Boolean);
  const asking = clauses.filter((c) => c.endsWith("?") || WH_START.test(c));
  return asking.length > 0 ? asking : clauses;
}

const KIND_PATTERNS: [AnswerKind, RegExp][] = [
  [
    "duration",
    /\bhow long\b|\bfor how (?:many|much)\b|\bhow many (?:seconds|minutes|mins|hours|hrs|days|nights|weeks|months|years|sessions)\b|\bhow much (?:time|longer|sleep)\b|\bduration\b|\bhow early\b|\bhow late\b|\bhow soon\b/,
  ],
  [
    "time",
    /\bwhat time\b|\bwhen\b|\bwhich (?:day|days|time|night|month|week)\b|\bwhat (?:day|days|age|hour)\b|\bhow old\b|\bat what\b|\bby what\b|\bdeadline\b|\bhow early\b|\bhow late\b/,
  ],
  [
    "quantity",
    /\bhow (?:many|much|far|big|small|high|low|hot|cold|warm|fast|slow|heavy|often)\b|\bwhat (?:temp|temperature|number|amount|size|distance|pace|speed|percentage|weight|length)\b|\bhow (?:much|many)\b/,
  ],
  [
    "frequency",
    /\bhow often\b|\bhow many times\b|\bhow frequently\b|\bevery how\b|\bhow regularly\b|\bper (?:day|week|month)\b/,
  ],
  ["reason", /\bwhy\b|\bhow come\b|\bwhat(?:'s| is) the (?:point|reason)\b/],
  [
    "yes-no",
    /^(?:\s*(?:so|and|but|ok|okay|hi|hey|also|quick question)[,!.]?\s+)*(?:is|are|am|can|could|should|shall|do|does|did|will|would|may|must|have|has)\b/,
  ],
  [
    "procedure",
    /\bhow (?:do|can|should|would|could) (?:i|we|you|he|she|they|one)\b|\bwhat (?:do|should|can|could) (?:i|we|you)\b|\bwhat to do\b|\bany (?:tips|advice|ideas)\b|\bbest way\b|\bhow to\b/,
  ],
];

/** Weight of a word from its frequency rank in general English; unknown words count as rare. */
export function termWeight(word: string, vectors: WordVectors | null): number {
  if (/^\d+$/.test(word)) return 2.5;
  const rank = vectors?.rank(word);
  if (rank === undefined) return vectors ? 6 : 4;
  return Math.max(0.3, Math.log((rank + 100) / 100));
}

/** The kinds of answer the question asks for. */
export function answerKinds(text: string): Set<AnswerKind> {
  const lower = text.toLowerCase().replaceAll("’", "'");
  return new Set(KIND_PATTERNS.filter(([, pattern]) => pattern.test(lower)).map(([kind]) => kind));
}

// "long" in "how long" or "time" in "what time" name the kind of answer, not the topic.
const KIND_WORDS =
  /\b(how|what|which)\s+(long|many|much|often|early|late|soon|old|far|frequently|time|times)\b/gi;

/** Analyses a question; repeated words count once. */
export function analyseQuestion(text: string, vectors: WordVectors | null): Question {
  const seen = new Set<string>();
  const terms: QuestionTerm[] = [];
  for (const token of contentTokens(text.replace(KIND_WORDS, "$1"))) {
    if (seen.has(token.stem)) continue;
    seen.add(token.stem);
    terms.push({ ...token, weight: termWeight(token.word, vectors) });
  }
  const askStems = new Set(
    askingClauses(text.replace(KIND_WORDS, "$1")).flatMap((clause) =>
      contentTokens(clause).map((t) => t.stem),
    ),
  );
  return { text, terms, kinds: answerKinds(text), askStems };
}
