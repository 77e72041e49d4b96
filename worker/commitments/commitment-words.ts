// The words of Portuguese, French and German that the commitment texts are built from: weekdays
// (Sunday first, as ClockReading counts them), months, and how often ("three times a week").
import type { Often } from "./commitment-texts";

type Calendar = { weekdays: string[]; months: string[] };

export const WEEKDAYS_AND_MONTHS: Record<"pt" | "fr" | "de", Calendar> = {
  pt: {
    weekdays: [
      "domingo",
      "segunda-feira",
      "terça-feira",
      "quarta-feira",
      "quinta-feira",
      "sexta-feira",
      "sábado",
    ],
    months:
      "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(
        " ",
      ),
  },
  fr: {
    weekdays: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
    months:
      "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(
        " ",
      ),
  },
  de: {
    weekdays: ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"],
    months:
      "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(
        " ",
      ),
  },
};

export function ptOften({ count, period }: Often): string {
  if (count === 1 && period === "day") return "todos os dias";
  const times = count === 1 ? "uma vez" : count === 2 ? "duas vezes" : `${count} vezes`;
  return `${times} ${period === "day" ? "por dia" : period === "month" ? "por mês" : "por semana"}`;
}

export function frOften({ count, period }: Often): string {
  if (count === 1 && period === "day") return "tous les jours";
  const times = count === 1 ? "une fois" : `${count} fois`;
  return `${times} ${period === "day" ? "par jour" : period === "month" ? "par mois" : "par semaine"}`;
}

export function deOften({ count, period }: Often): string {
  if (count === 1 && period === "day") return "jeden Tag";
  const times = count === 1 ? "einmal" : count === 2 ? "zweimal" : `${count}-mal`;
  return `${times} ${period === "day" ? "am Tag" : period === "month" ? "im Monat" : "pro Woche"}`;
}
