// Recognises a user asking for a person instead of the assistant, in English, Spanish, Portuguese,
// French and German whatever languages the persona speaks ("talk to a human", "quiero hablar con una
// persona", "je veux parler à un conseiller"), a bot command (/human, /humano, /mensch…), or a
// message that is only "human" or "agent". Deliberately narrow: a false alarm costs the creator a
// look, a miss costs the user an answer from the assistant, who still can be taken over later.
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import { normaliseForSafety } from "../../worker/safety/detect-crisis";

/** Telegram-style commands, also typed in the widget or on WhatsApp. */
const COMMAND =
  /^\/(human|person|agent|humano|persona|agente|pessoa|atendente|humain|conseiller|mensch|mitarbeiter)(@\w+)?$/;
const COMMAND_LANGUAGE: Record<string, ReplyLanguage> = {
  humano: "es",
  persona: "es",
  agente: "es",
  pessoa: "pt",
  atendente: "pt",
  humain: "fr",
  conseiller: "fr",
  mensch: "de",
  mitarbeiter: "de",
};

/** Patterns against `normaliseForSafety`'s text: lower case, no accents or apostrophes, no clause marks. */
const PATTERNS: Record<ReplyLanguage, RegExp[]> = {
  en: [
    // The whole message is a request: "human", "human please", "agent!".
    /^(a )?(human|agent|operator|real person)( please)?$/,
    // "talk to a human", "speak to someone", "chat with a real person", "connect me with an agent".
    /\b(talk|speak|chat|connect me|put me through|get me through)( directly)? (to|with) (a |an |the |some )?(real |actual |live )?(human|humans|person|someone|somebody|agent|operator)\b/,
    // "a real person", "an actual human", "a live agent", "a human being".
    /\b(real|actual|live) (person|human|humans|people|agent)\b/,
    /\bhuman being\b/,
    // "I want a human"; "need a person".
    /\b(want|need|like|prefer) (a |an )?(human|person)\b/,
  ],
  es: [
    /^(un |una )?(humano|agente|operador|operadora|persona real)( por favor)?$/,
    // "quiero hablar con una persona", "ponme con un agente", "hablar con alguien real".
    /\b(hablar|chatear|conversar|comunicarme|ponme|pasame)( directamente)? con (un |una |el |la |alguna |algun )?(humano|persona|agente|operador|operadora|alguien)\b/,
    /\b(persona|humano|agente) (real|de verdad)\b/,
    /\bser humano\b/,
    /\b(quiero|necesito|prefiero) (un |una )?(humano|persona)\b/,
  ],
  pt: [
    /^(um |uma )?(humano|atendente|agente|operador|pessoa real)( por favor)?$/,
    // "quero falar com uma pessoa", "falar com um atendente".
    /\b(falar|conversar)( diretamente)? com (um |uma |o |a |alguma |algum )?(humano|pessoa|atendente|agente|operador|alguem)\b/,
    /\b(pessoa|humano|atendente) (real|de verdade)\b/,
    /\bser humano\b/,
    /\b(quero|preciso|prefiro) (de )?(um |uma )?(humano|pessoa|atendente)\b/,
  ],
  fr: [
    /^(un |une )?(humain|agent|conseiller|conseillere|operateur|vraie personne)( svp| stp| sil vous plait)?$/,
    // "je veux parler à un conseiller", "parler avec quelqu'un", "discuter avec une vraie personne".
    /\b(parler|discuter|echanger)( directement)? (a|avec) (un |une |le |la )?(vrai |vraie )?(humain|personne|conseiller|conseillere|agent|operateur|quelquun)\b/,
    /\b(vraie personne|personne reelle|vrai humain|etre humain)\b/,
    /\b(je veux|je voudrais|jaimerais|je prefere) (un |une )?(humain|personne|conseiller)\b/,
  ],
  de: [
    /^(ein |einen )?(mensch|menschen|mitarbeiter|mitarbeiterin|berater|beraterin|echte person)( bitte)?$/,
    // "ich möchte mit einem Menschen sprechen", "mit jemandem reden", "verbinde mich mit einem Mitarbeiter".
    /\bmit (einem |einer |dem |der )?(echten |richtigen |realen )?(menschen|person|mitarbeiter|mitarbeiterin|berater|beraterin|jemandem) (sprechen|reden|schreiben|chatten)\b/,
    /\bverbinde mich mit\b/,
    /\b(echte|echten|echter|richtige|richtigen|reale|realen) (person|mensch|menschen)\b/,
    /\bich (will|mochte|brauche) (einen |eine )?(menschen|mensch|person|mitarbeiter)\b/,
  ],
};

/** Longer messages are questions, not requests for a person. */
const MAX_CHARS = 300;

/** The language the user asked for a person in, or null when they did not. */
export function asksForHuman(text: string): ReplyLanguage | null {
  if (text.length > MAX_CHARS) return null;
  const command = COMMAND.exec(text.trim().toLowerCase());
  if (command) return COMMAND_LANGUAGE[command[1] ?? ""] ?? "en";
  const normalised = normaliseForSafety(text).replace(/ \. /g, " ").replace(/\s+/g, " ").trim();
  for (const [language, patterns] of Object.entries(PATTERNS) as [ReplyLanguage, RegExp[]][])
    if (patterns.some((pattern) => pattern.test(normalised))) return language;
  return null;
}
