// What the assistant says about a commitment or reminder, in every language the platform writes: when
// it is due on the user's clock ("tomorrow at 8:00", "mañana a las 8:00"), the one-line confirmation,
// the follow-up when it is due, its Done / Partly / Not yet buttons and the thanks for each. The reader
// understands English and Spanish; a commitment is answered in the language it was written in when the
// persona speaks it, else in the persona's first (parse-commitment.ts).
import type { CommitmentOutcome } from "@coach/contracts/commitments";
import type { ReplyLanguage } from "../lib/reply-language";
import type { ClockReading } from "./local-clock";
import { deOften, frOften, ptOften, WEEKDAYS_AND_MONTHS } from "./commitment-words";

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

export const COMMITMENT_TEXTS: Record<ReplyLanguage, CommitmentTexts> = {
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
  pt: {
    anyReminder: "o seu lembrete",
    when: (at) => {
      const { weekdays, months } = WEEKDAYS_AND_MONTHS.pt;
      // "no domingo", "na segunda-feira": Saturday and Sunday are masculine, the other days feminine.
      const on = (w: number) => `${w === 0 || w === 6 ? "no" : "na"} ${weekdays[w]}`;
      return `${dayWords(at, {
        today: "hoje",
        tomorrow: "amanhã",
        weekday: on,
        date: (day, month) => `a ${day} de ${months[month - 1]}`,
      })} ${at.hour === 1 || at.hour === 13 ? "à" : "às"} ${at.clock}`;
    },
    reminderSet: (when, what) =>
      what
        ? `Combinado: envio-lhe um lembrete ${when} (${what}).`
        : `Combinado: envio-lhe um lembrete ${when}.`,
    noted: (what, often, when) =>
      often
        ? `Anotado: ${what}, ${ptOften(often)}. Pergunto-lhe como correu ${when}.`
        : `Anotado: ${what}. Pergunto-lhe como correu ${when}.`,
    reminderDue: (what) =>
      what
        ? `Lembrete: ${what}. Conseguiu fazê-lo?`
        : "Aqui está o lembrete que pediu. Conseguiu fazê-lo?",
    commitmentDue: (what, often) =>
      often
        ? `Tinha planeado: ${what} (${ptOften(often)}). Como correu?`
        : `Tinha planeado: ${what}. Como correu?`,
    outcomes: { done: "Feito", partly: "Em parte", not_yet: "Ainda não" },
    thanks: {
      done: "Muito bem! Fica anotado.",
      partly: "Anotado: em parte também é progresso.",
      not_yet: "Anotado. Sem julgamentos: o que se meteu no caminho?",
    },
  },
  fr: {
    anyReminder: "votre rappel",
    when: (at) => {
      const { weekdays, months } = WEEKDAYS_AND_MONTHS.fr;
      return `${dayWords(at, {
        today: "aujourd'hui",
        tomorrow: "demain",
        weekday: (w) => `${weekdays[w]}`,
        date: (day, month) => `le ${day} ${months[month - 1]}`,
      })} à ${at.clock.replace(":", " h ")}`;
    },
    reminderSet: (when, what) =>
      what
        ? `C'est noté : je vous le rappellerai ${when} (${what}).`
        : `C'est noté : je vous ferai signe ${when}.`,
    noted: (what, often, when) =>
      often
        ? `C'est noté : ${what}, ${frOften(often)}. Je vous demanderai comment ça s'est passé ${when}.`
        : `C'est noté : ${what}. Je vous demanderai comment ça s'est passé ${when}.`,
    reminderDue: (what) =>
      what
        ? `Rappel : ${what}. Avez-vous pu le faire ?`
        : "Voici le rappel que vous m'avez demandé. Avez-vous pu le faire ?",
    commitmentDue: (what, often) =>
      often
        ? `Vous aviez prévu : ${what} (${frOften(often)}). Comment ça s'est passé ?`
        : `Vous aviez prévu : ${what}. Comment ça s'est passé ?`,
    outcomes: { done: "Fait", partly: "En partie", not_yet: "Pas encore" },
    thanks: {
      done: "Bravo ! C'est noté.",
      partly: "C'est noté : en partie, c'est déjà un progrès.",
      not_yet: "C'est noté. Sans jugement : qu'est-ce qui vous en a empêché ?",
    },
  },
  de: {
    anyReminder: "deine Erinnerung",
    when: (at) => {
      const { weekdays, months } = WEEKDAYS_AND_MONTHS.de;
      return `${dayWords(at, {
        today: "heute",
        tomorrow: "morgen",
        weekday: (w) => `am ${weekdays[w]}`,
        date: (day, month) => `am ${day}. ${months[month - 1]}`,
      })} um ${at.clock} Uhr`;
    },
    reminderSet: (when, what) =>
      what
        ? `Alles klar: Ich erinnere dich ${when} (${what}).`
        : `Alles klar: Ich melde mich ${when}.`,
    noted: (what, often, when) =>
      often
        ? `Notiert: ${what}, ${deOften(often)}. Ich frage dich ${when}, wie es gelaufen ist.`
        : `Notiert: ${what}. Ich frage dich ${when}, wie es gelaufen ist.`,
    reminderDue: (what) =>
      what
        ? `Erinnerung: ${what}. Hast du es geschafft?`
        : "Hier ist die Erinnerung, um die du gebeten hast. Hast du es geschafft?",
    commitmentDue: (what, often) =>
      often
        ? `Du hattest vor: ${what} (${deOften(often)}). Wie ist es gelaufen?`
        : `Du hattest vor: ${what}. Wie ist es gelaufen?`,
    outcomes: { done: "Erledigt", partly: "Teilweise", not_yet: "Noch nicht" },
    thanks: {
      done: "Gut gemacht! Ich hab's notiert.",
      partly: "Notiert: Teilweise ist auch ein Fortschritt.",
      not_yet: "Notiert. Ganz ohne Wertung: Was ist dir dazwischengekommen?",
    },
  },
};

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
