// A check-in's own words in each language the platform writes: the hint under a scale question and the
// short thanks once it is answered (warmer at the top of the scale, gentle at the bottom). The question
// and the choices are the creator's, sent as written.
import type { ReplyLanguage } from "../../worker/lib/reply-language";

type CheckinTexts = {
  /** `labels` is the scale's own labels ("1 = awful, 5 = great"), empty when it has none. */
  scaleHint: (min: number, max: number, labels: string) => string;
  choiceNoted: (label: string) => string;
  highNoted: (value: number) => string;
  lowNoted: (value: number) => string;
  noted: (value: number) => string;
};

const inParentheses = (labels: string): string => (labels ? ` (${labels})` : "");

export const CHECKIN_TEXTS: Record<ReplyLanguage, CheckinTexts> = {
  en: {
    scaleHint: (min, max, labels) =>
      `Reply with a number from ${min} to ${max}${inParentheses(labels)}.`,
    choiceNoted: (label) => `Thanks! I've noted "${label}".`,
    highNoted: (value) => `Great to hear! I've noted your ${value}.`,
    lowNoted: (value) => `Thanks for being honest. I've noted your ${value}.`,
    noted: (value) => `Thanks! I've noted your ${value}.`,
  },
  es: {
    scaleHint: (min, max, labels) =>
      `Responde con un número del ${min} al ${max}${inParentheses(labels)}.`,
    choiceNoted: (label) => `¡Gracias! He anotado «${label}».`,
    highNoted: (value) => `¡Qué bien! He anotado tu ${value}.`,
    lowNoted: (value) => `Gracias por tu sinceridad. He anotado tu ${value}.`,
    noted: (value) => `¡Gracias! He anotado tu ${value}.`,
  },
  pt: {
    scaleHint: (min, max, labels) =>
      `Responda com um número de ${min} a ${max}${inParentheses(labels)}.`,
    choiceNoted: (label) => `Obrigado! Anotei "${label}".`,
    highNoted: (value) => `Que bom saber! Anotei o seu ${value}.`,
    lowNoted: (value) => `Obrigado pela sinceridade. Anotei o seu ${value}.`,
    noted: (value) => `Obrigado! Anotei o seu ${value}.`,
  },
  fr: {
    scaleHint: (min, max, labels) =>
      `Répondez par un nombre de ${min} à ${max}${inParentheses(labels)}.`,
    choiceNoted: (label) => `Merci ! J'ai noté « ${label} ».`,
    highNoted: (value) => `Ça fait plaisir ! J'ai noté votre ${value}.`,
    lowNoted: (value) => `Merci pour votre franchise. J'ai noté votre ${value}.`,
    noted: (value) => `Merci ! J'ai noté votre ${value}.`,
  },
  de: {
    scaleHint: (min, max, labels) =>
      `Antworte mit einer Zahl von ${min} bis ${max}${inParentheses(labels)}.`,
    choiceNoted: (label) => `Danke! Ich habe „${label}“ notiert.`,
    highNoted: (value) => `Schön zu hören! Ich habe deine ${value} notiert.`,
    lowNoted: (value) => `Danke für deine Ehrlichkeit. Ich habe deine ${value} notiert.`,
    noted: (value) => `Danke! Ich habe deine ${value} notiert.`,
  },
};
