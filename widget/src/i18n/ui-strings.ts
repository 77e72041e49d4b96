// The chat panel's own words (buttons, labels, states, and the notices the room sends by code): their
// type, and each widget language's words from the catalog beside it. The creator's words (name,
// greeting, launcher text, suggested questions) come from the settings; a notice's English `message`
// stays for other clients, the widget says it by its code.
import type { NoticeCode } from "@coach/contracts/socket";
import type { WidgetLanguage } from "./languages";
import catalog from "./ui-strings.messages.json";

export type UiStrings = {
  close: string;
  send: string;
  stop: string;
  input: string;
  placeholder: string;
  conversation: string;
  sending: string;
  sent: string;
  read: string;
  failed: string;
  retry: string;
  sources: string;
  /** `{who}`: the name of whoever is typing. */
  typing: string;
  connecting: string;
  reconnecting: string;
  unavailable: string;
  you: string;
  /** After a team member's name on the messages they write while they have taken over. */
  coach: string;
  /** Their name when the server has none. */
  team: string;
  stopped: string;
  suggestions: string;
  quickReplies: string;
  /** `{name}`: the visitor's own name, as the creator's site signed them in. */
  chattingAs: string;
  notices: Record<Exclude<NoticeCode, "human_joined">, string>;
  /** `{name}`: the team member who has taken over the conversation. */
  humanJoined: string;
};

export const UI_STRINGS: Record<WidgetLanguage, UiStrings> = catalog;
