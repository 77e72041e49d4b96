// What a person linking their channels is told, in each language the platform writes: the code to
// send from their other chat app, and the outcome of sending one (linked, already linked, not valid or
// expired, too many attempts). The commands keep their channel's spelling (/link, LINK) in every language.
import type { ReplyLanguage } from "../lib/reply-language";
import type { LinkOutcome } from "./channel-linking";

type LinkTexts = {
  code: (code: string, command: string) => string;
  linked: string;
  alreadyLinked: string;
  invalid: (command: string) => string;
  rateLimited: (minutes: number) => string;
};

export const LINK_TEXTS: Record<ReplyLanguage, LinkTexts> = {
  en: {
    code: (code, command) =>
      `Your link code is ${code}. Within 10 minutes, send "${command} ${code}" from your other chat app (Telegram or WhatsApp) to continue this conversation there.`,
    linked: "Linked! This chat now continues your conversation, with your history and progress.",
    alreadyLinked: "This chat is already linked to that conversation.",
    invalid: (command) =>
      `That code is not valid or has expired. Send "${command}" in your other chat to get a new one.`,
    rateLimited: (minutes) =>
      `Too many link attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`,
  },
  es: {
    code: (code, command) =>
      `Tu código de enlace es ${code}. En los próximos 10 minutos, envía «${command} ${code}» desde tu otra app de mensajería (Telegram o WhatsApp) para seguir esta conversación allí.`,
    linked: "¡Listo! Este chat continúa ahora tu conversación, con tu historial y tu progreso.",
    alreadyLinked: "Este chat ya está enlazado con esa conversación.",
    invalid: (command) =>
      `Ese código no es válido o ha caducado. Envía «${command}» en tu otro chat para recibir uno nuevo.`,
    rateLimited: (minutes) =>
      `Demasiados intentos de enlace. Espera ${minutes} ${minutes === 1 ? "minuto" : "minutos"} y vuelve a intentarlo.`,
  },
  pt: {
    code: (code, command) =>
      `O seu código de ligação é ${code}. Nos próximos 10 minutos, envie "${command} ${code}" a partir da sua outra app de mensagens (Telegram ou WhatsApp) para continuar esta conversa lá.`,
    linked:
      "Ligado! Este chat continua agora a sua conversa, com o seu histórico e o seu progresso.",
    alreadyLinked: "Este chat já está ligado a essa conversa.",
    invalid: (command) =>
      `Esse código não é válido ou já expirou. Envie "${command}" no seu outro chat para receber um novo.`,
    rateLimited: (minutes) =>
      `Demasiadas tentativas de ligação. Aguarde ${minutes} ${minutes === 1 ? "minuto" : "minutos"} e tente de novo.`,
  },
  fr: {
    code: (code, command) =>
      `Votre code de liaison est ${code}. Dans les 10 minutes, envoyez « ${command} ${code} » depuis votre autre messagerie (Telegram ou WhatsApp) pour y poursuivre cette conversation.`,
    linked:
      "C'est relié ! Ce chat poursuit désormais votre conversation, avec votre historique et vos progrès.",
    alreadyLinked: "Ce chat est déjà relié à cette conversation.",
    invalid: (command) =>
      `Ce code n'est pas valide ou a expiré. Envoyez « ${command} » dans votre autre messagerie pour en obtenir un nouveau.`,
    rateLimited: (minutes) =>
      `Trop de tentatives de liaison. Patientez ${minutes} minute${minutes === 1 ? "" : "s"}, puis réessayez.`,
  },
  de: {
    code: (code, command) =>
      `Dein Verknüpfungscode ist ${code}. Sende innerhalb von 10 Minuten „${command} ${code}“ aus deiner anderen Chat-App (Telegram oder WhatsApp), um dieses Gespräch dort fortzusetzen.`,
    linked:
      "Verknüpft! Dieser Chat setzt jetzt dein Gespräch fort, mit deinem Verlauf und Fortschritt.",
    alreadyLinked: "Dieser Chat ist bereits mit diesem Gespräch verknüpft.",
    invalid: (command) =>
      `Dieser Code ist ungültig oder abgelaufen. Sende „${command}“ in deinem anderen Chat, um einen neuen zu bekommen.`,
    rateLimited: (minutes) =>
      `Zu viele Verknüpfungsversuche. Bitte warte ${minutes} ${minutes === 1 ? "Minute" : "Minuten"} und versuche es dann noch einmal.`,
  },
};

/** The code to send from the other channel, with that channel's command (`/link` or `LINK`). */
export function linkCodeReply(code: string, command: string, language: ReplyLanguage): string {
  return LINK_TEXTS[language].code(code, command);
}

/** What sending a code came to, with the other channel's command for asking a new one there. */
export function linkOutcomeReply(
  outcome: LinkOutcome,
  command: string,
  language: ReplyLanguage,
): string {
  const texts = LINK_TEXTS[language];
  switch (outcome.kind) {
    case "linked":
      return texts.linked;
    case "already_linked":
      return texts.alreadyLinked;
    case "invalid":
      return texts.invalid(command);
    case "rate_limited":
      return texts.rateLimited(Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)));
  }
}
