// The room's own words to a user on a channel, in each language the platform writes: the fixed reply
// to a request for a person and the one "will answer shortly" message of a slow turn. The crisis reply
// has its own catalogue (worker/safety/crisis-reply.ts); the widget words notices itself by their code.
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import catalog from "./room-texts.messages.json";

type RoomTexts = {
  /** The assistant's one-sentence reply to a request for a person; no model is asked. */
  humanRequested: string;
  /** Sent once per turn on a channel when the coach is busy or offline; the answer follows when ready. */
  willAnswerShortly: string;
};

export const ROOM_TEXTS: Record<ReplyLanguage, RoomTexts> = catalog;
