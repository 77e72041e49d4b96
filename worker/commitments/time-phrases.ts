// Finds the time expressions of one English sentence ("tomorrow at 8", "in 2 hours", "on friday",
// "this week", "three times") as spans, without deciding yet what they mean. A sentence with two
// expressions of one kind, or a time word left over that none of them explains, is ambiguous: the
// caller then records nothing rather than guessing.

export const WEEKDAY_NAMES = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;
export type DayPart = "morning" | "afternoon" | "evening" | "night";

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  once: 1,
  twice: 2,
  thrice: 3,
};
const NUMBER = `(?:\\d{1,4}|${Object.keys(NUMBER_WORDS)
  .filter((w) => !["once", "twice", "thrice"].includes(w))
  .join("|")})`;

/** "2", "two", "a" → 2, 2, 1; anything else → null. */
export function readNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

export type DayPhrase =
  | { kind: "today" | "tonight" | "tomorrow" | "day_after_tomorrow"; part: DayPart | null }
  | { kind: "weekday"; weekday: number; part: DayPart | null };
/** `meridiem` is null for a bare hour ("at 8"), which the caller resolves by context. */
export type TimePhrase = { hour: number; minute: number; meridiem: "am" | "pm" | null };
export type RelativePhrase = { amount: number; unit: "minute" | "hour" | "day" | "week" };
export type WindowPhrase = { which: "this" | "next"; span: "week" | "weekend" | "month" };
export type FrequencyPhrase = { count: number; per: "day" | "week" | "month" | null };

export type TimePhrases = {
  day: DayPhrase | null;
  /** "this morning" (today) or "in the morning" (the next one). */
  part: { part: DayPart; today: boolean } | null;
  time: TimePhrase | null;
  relative: RelativePhrase | null;
  window: WindowPhrase | null;
  frequency: FrequencyPhrase | null;
  /** The sentence with every recognised expression cut out. */
  rest: string;
};

const DAY_RE = new RegExp(
  String.raw`\b(?:on |by |before |until )?(?:(the day after tomorrow)|(today)|(tonight)|(tomorrow|tmrw|tmr)|(?:(?:next|this|coming|the coming) )?(${WEEKDAY_NAMES.join("|")}))(?: (morning|afternoon|evening|night))?\b`,
  "g",
);
const PART_RE = /\b(this|in the) (morning|afternoon|evening)\b/g;
const TIME_RE = new RegExp(
  [
    String.raw`\b(?:at |by |around |@ ?)?(noon|midday|midnight)\b`,
    String.raw`(?:\b(?:at |by |around )|@ ?|\b)(\d{1,2}):(\d{2})(?: ?([ap])\.?m\b\.?)?`,
    String.raw`(?:\b(?:at |by |around )|@ ?|\b)(\d{1,2}) ?([ap])\.?m\b\.?`,
    String.raw`\b(?:at|around) (\d{1,2})(?: o'?clock)?\b(?! ?(?:times|x\b|minutes?|mins?|hours?|hrs?|days?|weeks?|%|km|k\b|miles?|pages?|words?|reps?|:))`,
  ].join("|"),
  "g",
);
const RELATIVE_RE = new RegExp(
  String.raw`\bin (?:(half an hour)|(${NUMBER}) (minutes?|mins?|hours?|hrs?|days?|weeks?))\b`,
  "g",
);
const WINDOW_RE =
  /\b(?:by the end of |before the end of |over )?(this|next) (week|weekend|month)\b/g;
const FREQUENCY_RE = new RegExp(
  String.raw`\b(?:(?:(once|twice|thrice)|(${NUMBER}) times)(?: (?:a|per|each|every) (day|week|month))?|(every ?day|daily|each day|every (?:morning|evening|night)))\b`,
  "g",
);
/** Time words that, left over after the known expressions are cut out, make the sentence ambiguous. */
const LEFTOVER_TIME_WORDS =
  /\b(today|tonight|tomorrow|tmrw|yesterday|week|weekend|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|later|soon|next|o'?clock|hours?|minutes?|times|noon|midnight)\b|\b\d{1,2}:\d{2}\b|\b\d{1,2} ?[ap]\.?m\b/;

type Span = { start: number; end: number };

function findAll(text: string, re: RegExp): RegExpExecArray[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)];
}

function unit(word: string): RelativePhrase["unit"] {
  if (word.startsWith("m")) return "minute";
  if (word.startsWith("h")) return "hour";
  if (word.startsWith("d")) return "day";
  return "week";
}

function dayPhrase(m: RegExpExecArray): DayPhrase {
  const part = (m[6] as DayPart | undefined) ?? null;
  if (m[1]) return { kind: "day_after_tomorrow", part };
  if (m[2]) return { kind: "today", part };
  if (m[3]) return { kind: "tonight", part };
  if (m[4]) return { kind: "tomorrow", part };
  return {
    kind: "weekday",
    weekday: WEEKDAY_NAMES.indexOf(m[5] as (typeof WEEKDAY_NAMES)[number]),
    part,
  };
}

function timePhrase(m: RegExpExecArray): TimePhrase | "invalid" {
  const meridiem = (letter: string | undefined) => (letter ? (letter === "a" ? "am" : "pm") : null);
  let t: TimePhrase;
  if (m[1])
    t =
      m[1] === "midnight"
        ? { hour: 0, minute: 0, meridiem: "am" }
        : { hour: 12, minute: 0, meridiem: "pm" };
  else if (m[2]) t = { hour: Number(m[2]), minute: Number(m[3]), meridiem: meridiem(m[4]) };
  else if (m[5]) t = { hour: Number(m[5]), minute: 0, meridiem: meridiem(m[6]) };
  else t = { hour: Number(m[7]), minute: 0, meridiem: null };
  if (t.minute > 59 || t.hour > 23) return "invalid";
  if (t.meridiem && (t.hour === 0 || t.hour > 12)) return "invalid";
  return t;
}

/**
 * The time expressions of `sentence` (lower case, normalised spaces), or null when it holds two of a
 * kind, an impossible time ("25:00", "13pm"), or a time word no expression explains.
 */
export function findTimePhrases(
  sentence: string,
  options: { frequencies: boolean },
): TimePhrases | null {
  const spans: Span[] = [];
  const take = (re: RegExp): RegExpExecArray | null | "many" => {
    const all = findAll(sentence, re).filter(
      (m) => !spans.some((s) => m.index < s.end && m.index + m[0].length > s.start),
    );
    if (all.length > 1) return "many";
    const m = all[0];
    if (m) spans.push({ start: m.index, end: m.index + m[0].length });
    return m ?? null;
  };

  const relative = take(RELATIVE_RE);
  const window = take(WINDOW_RE);
  const frequency = options.frequencies ? take(FREQUENCY_RE) : null;
  const day = take(DAY_RE);
  const part = take(PART_RE);
  const time = take(TIME_RE);
  if ([relative, window, frequency, day, part, time].includes("many")) return null;

  let parsedTime: TimePhrase | null = null;
  if (time && time !== "many") {
    const t = timePhrase(time);
    if (t === "invalid") return null;
    parsedTime = t;
  }
  let parsedRelative: RelativePhrase | null = null;
  if (relative && relative !== "many") {
    if (relative[1]) parsedRelative = { amount: 30, unit: "minute" };
    else {
      const amount = readNumber(relative[2] ?? "");
      if (amount === null) return null;
      parsedRelative = { amount, unit: unit(relative[3] ?? "") };
    }
  }
  let parsedFrequency: FrequencyPhrase | null = null;
  if (frequency && frequency !== "many") {
    if (frequency[4]) parsedFrequency = { count: 1, per: "day" };
    else {
      const count = readNumber(frequency[1] ?? frequency[2] ?? "");
      if (count === null) return null;
      parsedFrequency = {
        count,
        per: (frequency[3] as FrequencyPhrase["per"] | undefined) ?? null,
      };
    }
  }

  let rest = sentence;
  for (const s of [...spans].sort((a, b) => b.start - a.start))
    rest = `${rest.slice(0, s.start)} ${rest.slice(s.end)}`;
  rest = rest.replace(/\s+/g, " ").trim();
  if (LEFTOVER_TIME_WORDS.test(rest)) return null;

  return {
    day: day && day !== "many" ? dayPhrase(day) : null,
    part: part && part !== "many" ? { part: part[2] as DayPart, today: part[1] === "this" } : null,
    time: parsedTime,
    relative: parsedRelative,
    window:
      window && window !== "many"
        ? { which: window[1] as "this" | "next", span: window[2] as WindowPhrase["span"] }
        : null,
    frequency: parsedFrequency,
    rest,
  };
}
