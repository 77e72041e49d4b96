// What the assistant says about a commitment or reminder, in the languages the commitment reader
// understands (English and Spanish): when it is due on the user's clock ("tomorrow at 8:00", "mañana a
// las 8:00"), the one-line confirmation, the follow-up when it is due, its Done / Partly / Not yet
// buttons and the thanks for each. A commitment is answered in the language it was written in.
import type { CommitmentOutcome } from "@coach/contracts/commitments";
import type { ReplyLanguage } from "../lib/reply-language";
import type { ClockReading } from "./local-clock";

/** The languages the commitment reader understands. */
export type CommitmentLanguage = Extract<ReplyLanguage, "en" | "es">;

/** How often, as the reader found it: `count` times per `period`. */
export type Often = { count: number; period: string };

export type CommitmentTexts = {
  /** `what` of a reminder that names nothing to be reminded of. */
  anyReminder: string;
  when: (at: ClockReading) => string;
  reminderSet: (when: string, what: string | null) => string;
  noted: (what: string, often: Often | null, when: string) => string;
  reminderDue: (what: string | null) => string;
  commitmentDue: (what: string, often: Often | null) => string;
  outcomes: Record<CommitmentOutcome, string>;
  thanks: Record<CommitmentOutcome, string>;
};

const EN_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const ES_WEEKDAYS = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
const ES_MONTHS = "ene feb mar abr may jun jul ago sep oct nov dic".split(" ");

/** How far away `at` is, in words: today, tomorrow, a weekday within the week, else its date. */
function dayWords(
  at: ClockReading,
  words: {
    today: string;
    tomorrow: string;
    weekday: (weekday: number) => string;
    date: (day: number, month: number) => string;
  },
): string {
  if (at.days === 0) return words.today;
  if (at.days === 1) return words.tomorrow;
  return at.days < 7 ? words.weekday(at.weekday) : words.date(at.day, at.month);
}

function enOften({ count, period }: Often): string {
  if (count === 1 && period === "day") return "every day";
  const times = count === 1 ? "once" : count === 2 ? "twice" : `${count} times`;
  return `${times} a ${period}`;
}

function esOften({ count, period }: Often): string {
  if (count === 1 && period === "day") return "cada día";
  const times = count === 1 ? "una vez" : `${count} veces`;
  return `${times} ${period === "day" ? "al día" : period === "month" ? "al mes" : "a la semana"}`;
}

export const COMMITMENT_TEXTS: Record<CommitmentLanguage, CommitmentTexts> = {
  en: {
    anyReminder: "your reminder",
    when: (at) =>
      `${dayWords(at, {
        today: "today",
        tomorrow: "tomorrow",
        weekday: (w) => `on ${EN_WEEKDAYS[w]}`,
        date: (day, month) => `on ${day} ${EN_MONTHS[month - 1]}`,
      })} at ${at.clock}`,
    reminderSet: (when, what) =>
      what ? `Got it: I'll remind you ${when} (${what}).` : `Got it: I'll remind you ${when}.`,
    noted: (what, often, when) =>
      often
        ? `Noted: ${what} ${enOften(often)}. I'll check in with you ${when}.`
        : `Noted: ${what}. I'll check in with you ${when}.`,
    reminderDue: (what) =>
      what
        ? `Reminder: ${what}. Did you get to it?`
        : "Here's the reminder you asked for. Did you get to it?",
    commitmentDue: (what, often) =>
      often
        ? `You planned to ${what} (${often.count === 1 && often.period === "day" ? "every day" : `${often.count}× a ${often.period}`}). How did it go?`
        : `You planned to ${what}. How did it go?`,
    outcomes: { done: "Done", partly: "Partly", not_yet: "Not yet" },
    thanks: {
      done: "Well done! I've noted it.",
      partly: "Noted: partly is still progress.",
      not_yet: "Noted. No judgement; what got in the way?",
    },
  },
  es: {
    anyReminder: "tu recordatorio",
    when: (at) =>
      `${dayWords(at, {
        today: "hoy",
        tomorrow: "mañana",
        weekday: (w) => `el ${ES_WEEKDAYS[w]}`,
        date: (day, month) => `el ${day} de ${ES_MONTHS[month - 1]}`,
      })} ${at.hour === 1 || at.hour === 13 ? "a la" : "a las"} ${at.clock}`,
    reminderSet: (when, what) =>
      what ? `Entendido: te lo recordaré ${when} (${what}).` : `Entendido: te avisaré ${when}.`,
    noted: (what, often, when) =>
      often
        ? `Anotado: ${what}, ${esOften(often)}. Te preguntaré cómo te fue ${when}.`
        : `Anotado: ${what}. Te preguntaré cómo te fue ${when}.`,
    reminderDue: (what) =>
      what
        ? `Recordatorio: ${what}. ¿Pudiste hacerlo?`
        : "Aquí tienes el recordatorio que me pediste. ¿Pudiste hacerlo?",
    commitmentDue: (what, often) =>
      often
        ? `Tenías previsto: ${what} (${esOften(often)}). ¿Cómo te fue?`
        : `Tenías previsto: ${what}. ¿Cómo te fue?`,
    outcomes: { done: "Hecho", partly: "En parte", not_yet: "Todavía no" },
    thanks: {
      done: "¡Bien hecho! Lo he anotado.",
      partly: "Anotado: en parte también es avanzar.",
      not_yet: "Anotado. Sin juicios: ¿qué te lo impidió?",
    },
  },
};

/** The language whose button reads `label` (a pressed Done / Partly / Not yet), English when none. */
export function outcomeLanguage(label: string): CommitmentLanguage {
  const languages = Object.keys(COMMITMENT_TEXTS) as CommitmentLanguage[];
  return (
    languages.find((language) =>
      Object.values(COMMITMENT_TEXTS[language].outcomes).includes(label),
    ) ?? "en"
  );
}
