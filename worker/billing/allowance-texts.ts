// What a person is told when their plan's answers for the month are used up, in each language the
// platform writes its own words in: kind, plain about what happened, and with the way forward.
import type { ReplyLanguage } from "../lib/reply-language";

/** `{link}` is the upgrade link. */
export const ALLOWANCE_USED_UP: Record<ReplyLanguage, string> = {
  en: "You've used all the answers your plan includes this month — thank you for coaching with me! To keep going now, you can upgrade here: {link} Otherwise your answers start again next month.",
  es: "Has usado todas las respuestas que incluye tu plan este mes — ¡gracias por entrenar conmigo! Para seguir ahora, puedes mejorar tu plan aquí: {link} Si no, tus respuestas vuelven el mes que viene.",
  pt: "Usou todas as respostas que o seu plano inclui este mês — obrigado por treinar comigo! Para continuar já, pode fazer upgrade aqui: {link} Caso contrário, as suas respostas voltam no próximo mês.",
  fr: "Vous avez utilisé toutes les réponses comprises dans votre formule ce mois-ci — merci de votre confiance ! Pour continuer dès maintenant, vous pouvez passer à la formule supérieure ici : {link} Sinon, vos réponses reviennent le mois prochain.",
  de: "Du hast alle Antworten deines Plans für diesen Monat genutzt — danke fürs Coaching mit mir! Um gleich weiterzumachen, kannst du hier upgraden: {link} Sonst geht es nächsten Monat wieder weiter.",
};
