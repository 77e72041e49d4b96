// What a person is told when their plan (or the creator's workspace) does not cover what they asked
// for, in each language the platform writes its own words in: kind, plain about why, and with the way
// forward. `{link}` is the person's upgrade link, `{channel}` the channel's name, `{program}` a program's.
import type { ChannelKind } from "../db/enums";
import type { ReplyLanguage } from "../lib/reply-language";

/** A plan's `includes.channels` leaves out the channel the person wrote on. */
export const CHANNEL_NOT_INCLUDED: Record<ReplyLanguage, string> = {
  en: "Thank you for your message! Your current plan doesn't include conversations on {channel}. You can choose a plan that does here: {link}",
  es: "¡Gracias por tu mensaje! Tu plan actual no incluye conversaciones en {channel}. Puedes elegir un plan que las incluya aquí: {link}",
  pt: "Obrigado pela sua mensagem! O seu plano atual não inclui conversas em {channel}. Pode escolher um plano que as inclua aqui: {link}",
  fr: "Merci pour votre message ! Votre formule actuelle ne comprend pas les échanges sur {channel}. Vous pouvez choisir une formule qui les comprend ici : {link}",
  de: "Danke für deine Nachricht! Dein aktueller Plan umfasst keine Gespräche über {channel}. Hier kannst du einen Plan wählen, der sie umfasst: {link}",
};

/** How each channel is named inside those sentences. */
export const CHANNEL_NAMES: Record<ReplyLanguage, Record<ChannelKind, string>> = {
  en: { web: "the web chat", telegram: "Telegram", whatsapp: "WhatsApp" },
  es: { web: "el chat web", telegram: "Telegram", whatsapp: "WhatsApp" },
  pt: { web: "o chat web", telegram: "Telegram", whatsapp: "WhatsApp" },
  fr: { web: "le chat du site", telegram: "Telegram", whatsapp: "WhatsApp" },
  de: { web: "den Web-Chat", telegram: "Telegram", whatsapp: "WhatsApp" },
};

/** A paid program's join (`/start <name>`, a WhatsApp keyword) without a plan that includes it. */
export const PROGRAM_NEEDS_PLAN: Record<ReplyLanguage, string> = {
  en: '"{program}" is part of a membership plan, so I couldn\'t sign you up yet. You can join a plan that includes it here: {link} Then send the same message again.',
  es: "«{program}» forma parte de un plan de membresía, así que aún no he podido inscribirte. Puedes unirte a un plan que lo incluya aquí: {link} Después envía el mismo mensaje otra vez.",
  pt: '"{program}" faz parte de um plano de assinatura, por isso ainda não consegui inscrevê-lo. Pode aderir a um plano que o inclua aqui: {link} Depois envie a mesma mensagem outra vez.',
  fr: "« {program} » fait partie d'une formule d'adhésion : je n'ai donc pas encore pu vous inscrire. Vous pouvez choisir une formule qui le comprend ici : {link} Puis renvoyez le même message.",
  de: "„{program}“ gehört zu einem Mitgliedsplan, deshalb konnte ich dich noch nicht anmelden. Hier kannst du einem Plan beitreten, der es umfasst: {link} Schick danach dieselbe Nachricht noch einmal.",
};

/** The creator's workspace used up its platform plan's answers for the month. */
export const WORKSPACE_ANSWERS_USED_UP: Record<ReplyLanguage, string> = {
  en: "Thank you for your message! I can't answer right now: this coaching space has reached its answers for the month. I've let the coach know, so please write again a little later.",
  es: "¡Gracias por tu mensaje! Ahora mismo no puedo responder: este espacio de coaching ha llegado a sus respuestas del mes. Ya se lo he avisado al coach; vuelve a escribir un poco más tarde.",
  pt: "Obrigado pela sua mensagem! Neste momento não consigo responder: este espaço de coaching chegou ao limite de respostas do mês. Já avisei o coach; volte a escrever um pouco mais tarde.",
  fr: "Merci pour votre message ! Je ne peux pas répondre pour l'instant : cet espace de coaching a atteint ses réponses du mois. J'ai prévenu le coach ; réécrivez-moi un peu plus tard.",
  de: "Danke für deine Nachricht! Ich kann gerade nicht antworten: Dieser Coaching-Bereich hat seine Antworten für diesen Monat erreicht. Ich habe dem Coach Bescheid gegeben; schreib bitte etwas später noch einmal.",
};
