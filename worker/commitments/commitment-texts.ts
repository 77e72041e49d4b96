// What the assistant says about a commitment or reminder, in every language the platform writes: when
// it is due on the user's clock ("tomorrow at 8:00", "mañana a las 8:00"), how often ("three times a
// week"), the one-line confirmation, the follow-up when it is due, its Done / Partly / Not yet buttons
// and the thanks for each. The words are in commitment-texts.messages.json; which of them a moment
// takes is decided here. The reader understands English and Spanish; a commitment is answered in the
// language it was written in when the persona speaks it, else in the persona's first (parse-commitment.ts).
import type { Commitment, CommitmentOutcome } from "@coach/contracts/commitments";
import {
  formatMessage,
  formatPlural,
  type MessageParams,
  type PluralForms,
} from "@coach/contracts/messages";
import type { ReplyLanguage } from "../lib/reply-language";
import catalog from "./commitment-texts.messages.json";
import type { ClockReading } from "./local-clock";

/** The languages the commitment reader understands. */
export type CommitmentLanguage = Extract<ReplyLanguage, "en" | "es">;

type Period = NonNullable<Commitment["period"]>;

/** The words a due time is told in: `{date}` (today, a weekday, a date) `at` `{time}`. */
type WhenWords = {
  today: string;
  tomorrow: string;
  /** "on Monday", Sunday first as ClockReading counts weekdays; the article is the weekday's own. */
  onWeekday: string[];
  /** A date more than a week away: `{day}` of `{month}`. */
  onDate: string;
  /** January first. */
  months: string[];
  /** The clock: `{hour}` (0-23) and `{minute}` (two digits). */
  time: string;
  at: string;
  /** `at` when the hour is one o'clock (1 or 13), which Spanish and Portuguese say in the singular. */
  atOneOClock: string;
};

/** How often a commitment repeats: every day, else `{times}` per period. */
type OftenWords = {
  everyDay: string;
  perPeriod: Record<Period, string>;
};

/** What is said of a commitment or reminder at one moment: when it is recorded, or when it is due. */
type MomentTexts = {
  /** A reminder, and one that names `{what}`; a confirmation also says `{when}`. */
  reminder: string;
  reminderWithWhat: string;
  /** A commitment, `{what}`, and one that repeats `{often}`; a confirmation also says `{when}`. */
  commitment: string;
  commitmentWithOften: string;
  /** The `{times}` of how often; `twice` for two, where a language has its own word ("twice"). */
  times: PluralForms;
  twice: string;
};

export type CommitmentTexts = {
  /** `what` of a reminder that names nothing to be reminded of. */
  anyReminder: string;
  noted: MomentTexts;
  due: MomentTexts;
  outcomes: Record<CommitmentOutcome, string>;
  thanks: Record<CommitmentOutcome, string>;
  when: WhenWords;
  often: OftenWords;
};

export const COMMITMENT_TEXTS: Record<ReplyLanguage, CommitmentTexts> = catalog;

/** A commitment or reminder, as much of it as its texts say. */
export type SaidCommitment = Pick<Commitment, "kind" | "what"> & {
  count?: number | null;
  period?: Period | null;
};

/** How far away `at` is, in words: today, tomorrow, a weekday within the week, else its date. */
function dateText(words: WhenWords, at: ClockReading): string {
  if (at.days === 0) return words.today;
  if (at.days === 1) return words.tomorrow;
  if (at.days < 7) return words.onWeekday[at.weekday] ?? "";
  return formatMessage(words.onDate, { day: at.day, month: words.months[at.month - 1] ?? "" });
}

/** `at` on the user's clock, told in `language`. */
export function whenText(language: ReplyLanguage, at: ClockReading): string {
  const words = COMMITMENT_TEXTS[language].when;
  const time = formatMessage(words.time, {
    hour: at.hour,
    minute: String(at.minute).padStart(2, "0"),
  });
  return formatMessage(at.hour % 12 === 1 ? words.atOneOClock : words.at, {
    date: dateText(words, at),
    time,
  });
}

/** How often `count` times per `period` is, in `language`, as `words` say the times. */
function oftenText(
  language: ReplyLanguage,
  words: MomentTexts,
  count: number,
  period: Period,
): string {
  const often = COMMITMENT_TEXTS[language].often;
  if (count === 1 && period === "day") return often.everyDay;
  return formatMessage(often.perPeriod[period], {
    times: count === 2 ? words.twice : formatPlural(language, words.times, count),
  });
}

/**
 * What is said of `commitment` in `language` when it is recorded (`noted`) or when it is due (`due`):
 * a reminder with what it names, a commitment with how often it repeats, each when there is one.
 * `params` fill the moment's own placeholders (a confirmation's `{when}`).
 */
export function commitmentText(
  language: ReplyLanguage,
  moment: "noted" | "due",
  commitment: SaidCommitment,
  params: MessageParams = {},
): string {
  const words = COMMITMENT_TEXTS[language][moment];
  const { what, count } = commitment;
  if (commitment.kind === "reminder")
    return isAnyReminder(what)
      ? formatMessage(words.reminder, params)
      : formatMessage(words.reminderWithWhat, { ...params, what });
  if (!count) return formatMessage(words.commitment, { ...params, what });
  const often = oftenText(language, words, count, commitment.period ?? "week");
  return formatMessage(words.commitmentWithOften, { ...params, what, often });
}

/** The language whose button reads `label` (a pressed Done / Partly / Not yet), English when none. */
export function outcomeLanguage(label: string): ReplyLanguage {
  const languages = Object.keys(COMMITMENT_TEXTS) as ReplyLanguage[];
  return (
    languages.find((language) =>
      Object.values(COMMITMENT_TEXTS[language].outcomes).includes(label),
    ) ?? "en"
  );
}

/** Whether `what` is the stand-in of a reminder that named nothing, in whichever language it was read. */
export function isAnyReminder(what: string): boolean {
  return Object.values(COMMITMENT_TEXTS).some((texts) => texts.anyReminder === what);
}
