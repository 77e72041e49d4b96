// How the commitment reader reads Spanish: the openers of a reminder request ("recuérdame…") and of a
// promise ("voy a…", "me comprometo a…", or a sentence led by its time, as Spanish says the near
// future: "mañana a las 7 salgo a correr"), and the Spanish time expressions rewritten as the English
// ones time-phrases.ts reads ("el lunes" → "on monday", "cada día" → "every day"), so both languages
// resolve dates with one set of rules. What is promised stays in the person's own words.
import type { Grammar } from "./parse-commitment";

const NUMBERS: Record<string, string> = {
  un: "a",
  una: "a",
  uno: "one",
  dos: "two",
  tres: "three",
  cuatro: "four",
  cinco: "five",
  seis: "six",
  siete: "seven",
  ocho: "eight",
  nueve: "nine",
  diez: "ten",
  once: "eleven",
  doce: "twelve",
  quince: "fifteen",
  veinte: "twenty",
  treinta: "thirty",
};
const NUMBER = `(\\d{1,4}|${Object.keys(NUMBERS).join("|")})`;
const WEEKDAYS: Record<string, string> = {
  lunes: "monday",
  martes: "tuesday",
  miercoles: "wednesday",
  jueves: "thursday",
  viernes: "friday",
  sabado: "saturday",
  domingo: "sunday",
};
const PARTS: Record<string, string> = { mañana: "morning", tarde: "afternoon", noche: "evening" };
const UNITS: Record<string, string> = {
  minuto: "minutes",
  hora: "hours",
  dia: "days",
  semana: "weeks",
};
const PERIODS: Record<string, string> = { dia: "day", semana: "week", mes: "month" };

const number = (word: string) => NUMBERS[word] ?? word;
const bare = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "");
const unitOf = (word: string) => UNITS[bare(word).replace(/s$/, "")] ?? word;

/** A time on the clock: "a las 7", "a la 1:30", "a las 7 y media de la tarde". */
function clock(hour: string, minute: string | undefined, half: string | undefined, part?: string) {
  const mm = minute ?? (half === "media" ? "30" : half === "cuarto" ? "15" : undefined);
  if (part === "noche" && hour === "12" && !mm) return "at midnight";
  const meridiem = !part ? "" : /mañana|madrugada/.test(part) ? "am" : "pm";
  return `at ${hour}${mm ? `:${mm}` : ""}${meridiem}`;
}

/** Spanish time expressions and their English form, applied in this order. */
const REWRITES: [RegExp, (...groups: string[]) => string][] = [
  [/\bpasado mañana\b/g, () => "the day after tomorrow"],
  [/\b(?:cada|todos los) d[ií]as?\b|\ba diario\b|\bdiariamente\b/g, () => "every day"],
  [/\b(?:cada mañana|todas las mañanas)\b/g, () => "every morning"],
  [/\b(?:cada noche|todas las noches)\b/g, () => "every night"],
  [
    new RegExp(
      `\\b(una vez|${NUMBER} veces)(?: (?:a la|al|por|cada|por la|a el) (d[ií]a|semana|mes))?\\b`,
      "g",
    ),
    (_, times, count, per) =>
      `${times === "una vez" ? "once" : `${number(count ?? "")} times`}${per ? ` a ${PERIODS[bare(per)]}` : ""}`,
  ],
  [
    /\bmañana por la (mañana|tarde|noche)\b/g,
    (_, p) => `tomorrow ${p === "noche" ? "night" : PARTS[p ?? ""]}`,
  ],
  [
    /\besta (mañana|tarde|noche)\b/g,
    (_, p) => (p === "noche" ? "tonight" : `this ${PARTS[p ?? ""]}`),
  ],
  [/\b(?:por|en) la (mañana|tarde|noche)\b/g, (_, p) => `in the ${PARTS[p ?? ""]}`],
  [
    /\b(?:a|sobre|hacia) (?:las|la) (\d{1,2})(?::(\d{2}))?(?: y (media|cuarto))?(?: en punto)?(?: de la (mañana|madrugada|tarde|noche))?/g,
    (_, h, m, half, part) => clock(h ?? "", m, half, part),
  ],
  [/\b(?:al|a) mediod[ií]a\b/g, () => "at noon"],
  [/\ba medianoche\b/g, () => "at midnight"],
  [/\bmañana\b/g, () => "tomorrow"],
  [/\bhoy\b/g, () => "today"],
  [
    /(?<!\blos )\b(?:el |este )?(?:(pr[oó]ximo) )?(lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo)( que viene| pr[oó]ximo)?\b/g,
    (_, next, day, after) => `${next || after ? "next" : "on"} ${WEEKDAYS[bare(day ?? "")]}`,
  ],
  [
    new RegExp(
      `\\b(?:en|dentro de) (?:(media hora)|${NUMBER} (minutos?|horas?|d[ií]as?|semanas?))\\b`,
      "g",
    ),
    (_, half, n, unit) =>
      half ? "in half an hour" : `in ${number(n ?? "")} ${unitOf(unit ?? "")}`,
  ],
  [
    /\b(?:el|este) fin de semana que viene\b|\bel pr[oó]ximo fin de semana\b/g,
    () => "next weekend",
  ],
  [/\b(?:este|el) fin de semana\b/g, () => "this weekend"],
  [/\b(?:la semana que viene|la pr[oó]xima semana|la semana pr[oó]xima)\b/g, () => "next week"],
  [/\b(?:antes del final de |durante )?esta semana\b/g, () => "this week"],
  [/\b(?:el mes que viene|el pr[oó]ximo mes)\b/g, () => "next month"],
  [/\b(?:antes del final de |durante )?este mes\b/g, () => "this month"],
];

/** Words that open a sentence before its time: "vale, mañana…", "pues el lunes…". */
const LEAD = "(?:(?:vale|ok|s[ií]|bueno|pues|y|venga|entonces)[,!]? +)*";
const TIME_FIRST =
  "(?:pasado mañana|mañana|hoy|esta (?:mañana|tarde|noche|semana)|este (?:fin de semana|mes)|el (?:pr[oó]ximo )?(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo|fin de semana)|(?:cada|todos los) d[ií]as?|todas las (?:mañanas|noches)|a diario|la (?:semana que viene|pr[oó]xima semana))";

export const SPANISH: Grammar = {
  language: "es",
  reminder: new RegExp(
    `^${LEAD}(?:(?:por favor|porfa|puedes|podr[ií]as)[,]? +)*(?:recu[eé]rdame|av[ií]same)(?: por favor| porfa)?(?: (.*))?$`,
  ),
  // A promise with an opener, or a sentence led by its time ("mañana a las 7 salgo a correr").
  commitment: new RegExp(
    `^${LEAD}(?:(?:voy a|me comprometo a|prometo|te prometo que|mi plan es|mi objetivo es|tengo pensado|intentar[eé]) +(.+)|(${TIME_FIRST}\\b.+))$`,
  ),
  notACommitment: /^(?:no|nunca|quiz[aá]s?|tal vez|a lo mejor|probablemente|pensar|pensarlo|ver)\b/,
  softeners: /^(?:(?:de verdad|tambi[eé]n|por fin|intentar|al menos) )+/,
  reminderRest: /^(?:que|de|a)\b|^\p{L}+(?:ar|er|ir)\b/u,
  // Led by its time, a promise is what the person says they do: a first-person verb ("salgo", "haré",
  // "voy a…").
  timeLedAction: /^(?:voy a |(?:me |lo |la |le )?\p{L}+(?:o|é)(?=\s|$))/u,
  leftover:
    /\b(?:hoy|mañana|ayer|semanas?|mes(?:es)?|años?|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bados?|domingos?|tarde|noche|luego|pronto|pr[oó]xim[oa]|horas?|minutos?|veces|vez)\b/,
  clean: (rest) =>
    rest
      .replace(/^(?:voy a|a|que|de)\s+/, "")
      .replace(/(?:[\s,]+(?:y|por favor|porfa|vale|ok))+$/, "")
      .replace(/^[\s,]+|[\s,]+$/g, ""),
  toEnglishTimes: (sentence) =>
    REWRITES.reduce((text, [pattern, english]) => text.replace(pattern, english), sentence),
};
