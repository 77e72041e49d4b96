// What a coaching rule sends when the creator wrote no text of their own: a nudge back to the program or
// a supportive message after scores dropped. The model is asked to write it in the creator's voice and
// in the contact's language; the built-in text in that language (nudge-texts.messages.json) goes out
// whenever the model cannot help. What the model is asked stays here: it is written for the model, in
// English, and no person reads it.
import type { RuleThen } from "@coach/contracts/coaching-rules";
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import catalog from "./nudge-texts.messages.json";

/** Each language's name as an instruction to the model names it. */
const LANGUAGE_NAMES: Record<ReplyLanguage, string> = {
  en: "English",
  es: "Spanish",
  pt: "Portuguese",
  fr: "French",
  de: "German",
};

/** The built-in text of each kind of rule message. */
const DEFAULT_TEXTS: Record<ReplyLanguage, Record<RuleThen["send"], string>> = catalog;

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
    text: DEFAULT_TEXTS[language][send],
    prompt: `${PROMPTS[send]} Write it in ${LANGUAGE_NAMES[language]}.`,
  };
}
