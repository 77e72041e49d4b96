// A check-in's own words in each language the platform writes: the hint under a scale question and the
// short thanks once it is answered (warmer at the top of the scale, gentle at the bottom). The question
// and the choices are the creator's, sent as written.
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import catalog from "./checkin-texts.messages.json";

type CheckinTexts = {
  /** How to answer a scale from `{min}` to `{max}` that has no labels of its own. */
  scaleHint: string;
  /** The same with the scale's own `{labels}` ("1 = awful, 5 = great"). */
  scaleHintWithLabels: string;
  /** The thanks for a choice, named by its `{label}`. */
  choiceNoted: string;
  /** The thanks for a `{value}` at the top of the scale. */
  highNoted: string;
  /** The thanks for a `{value}` at the bottom of the scale. */
  lowNoted: string;
  /** The thanks for a `{value}` in between. */
  noted: string;
};

export const CHECKIN_TEXTS: Record<ReplyLanguage, CheckinTexts> = catalog;
