// The room's own words to a user on a channel, in each language the platform writes: the fixed reply
// to a request for a person and the one "will answer shortly" message of a slow turn. The crisis reply
// has its own catalogue (worker/safety/crisis-reply.ts); the widget words notices itself by their code.
import type { ReplyLanguage } from "../../worker/lib/reply-language";

/** The assistant's one-sentence reply to a request for a person; no model is asked. */
export const HUMAN_REQUESTED_REPLY: Record<ReplyLanguage, string> = {
  en: "I've let the coach know you'd like to talk to a person; they'll reply here as soon as they can.",
  es: "He avisado al coach de que quieres hablar con una persona; te responderá aquí en cuanto pueda.",
  pt: "Avisei o coach de que quer falar com uma pessoa; vai responder aqui assim que puder.",
  fr: "J'ai prévenu le coach que vous souhaitez parler à une personne ; il vous répondra ici dès que possible.",
  de: "Ich habe dem Coach Bescheid gegeben, dass du mit einem Menschen sprechen möchtest; er antwortet dir hier, sobald er kann.",
};

/** Sent once per turn on a channel when the coach is busy or offline; the answer follows when ready. */
export const WILL_ANSWER_SHORTLY: Record<ReplyLanguage, string> = {
  en: "The coach is busy right now. Your answer will follow shortly.",
  es: "El coach está ocupado ahora mismo. Tu respuesta llegará en breve.",
  pt: "O coach está ocupado neste momento. A sua resposta chega em breve.",
  fr: "Le coach est occupé en ce moment. Votre réponse arrive sous peu.",
  de: "Der Coach ist gerade beschäftigt. Deine Antwort kommt gleich.",
};
