// What a coaching rule sends when the creator wrote no text of their own: a nudge back to the program or
// a supportive message after scores dropped. The model is asked to write it in the creator's voice and
// in the contact's language; the text below, in that language, goes out whenever the model cannot help.
import type { RuleThen } from "@coach/contracts/coaching-rules";
import type { ReplyLanguage } from "../../worker/lib/reply-language";

/** Each language's name as an instruction to the model names it. */
const LANGUAGE_NAMES: Record<ReplyLanguage, string> = {
  en: "English",
  es: "Spanish",
  pt: "Portuguese",
  fr: "French",
  de: "German",
};

const DEFAULT_TEXTS: Record<RuleThen["send"], Record<ReplyLanguage, string>> = {
  nudge: {
    en: "Hi! Just checking in: how are things going? Even a small step today counts.",
    es: "¡Hola! Solo quería saber cómo te va. Hasta un pequeño paso hoy cuenta.",
    pt: "Olá! Só para saber como estão a correr as coisas. Até um pequeno passo hoje conta.",
    fr: "Bonjour ! Je prends de vos nouvelles : comment ça se passe ? Même un petit pas aujourd'hui compte.",
    de: "Hallo! Ich wollte mal hören, wie es bei dir läuft. Auch ein kleiner Schritt heute zählt.",
  },
  supportive: {
    en: "It sounds like things have been harder lately, and that's okay. Want to tell me what's getting in the way?",
    es: "Parece que las cosas han sido más difíciles últimamente, y no pasa nada. ¿Quieres contarme qué te lo está poniendo difícil?",
    pt: "Parece que as coisas têm estado mais difíceis ultimamente, e não faz mal. Quer contar-me o que está a dificultar?",
    fr: "On dirait que les choses ont été plus difficiles ces derniers temps, et c'est normal. Voulez-vous me dire ce qui vous freine ?",
    de: "Es klingt, als wäre es in letzter Zeit schwerer gewesen, und das ist okay. Magst du mir erzählen, was dir im Weg steht?",
  },
};

const PROMPTS: Record<RuleThen["send"], string> = {
  nudge:
    "Write a short, warm nudge inviting the user back to their coaching program. One or two sentences, no pressure.",
  supportive:
    "The user's check-in scores have dropped. Write a short, kind, supportive message that acknowledges it and invites them to share what is hard. Two sentences at most.",
};

/** The built-in text of a rule's message in `language`, and what the model is asked to write. */
export function defaultRuleMessage(
  send: RuleThen["send"],
  language: ReplyLanguage,
): { text: string; prompt: string } {
  return {
    text: DEFAULT_TEXTS[send][language],
    prompt: `${PROMPTS[send]} Write it in ${LANGUAGE_NAMES[language]}.`,
  };
}
