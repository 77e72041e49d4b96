// The widget's own words (buttons, labels, states). The creator's words (name, greeting, launcher
// text, suggested questions) come from the settings.

/** UI strings; one language for now, kept in one place so a translation is one file. */
export const STRINGS = {
  open: "Open chat",
  close: "Close chat",
  send: "Send",
  stop: "Stop",
  input: "Your message",
  placeholder: "Type your message…",
  conversation: "Conversation",
  sending: "Sending…",
  sent: "Delivered",
  read: "Read",
  failed: "Not sent.",
  retry: "Retry",
  sources: "Sources",
  typing: "is typing…",
  connecting: "Connecting…",
  reconnecting: "Connection lost. Reconnecting…",
  unavailable: "The chat is not available on this site.",
  you: "You",
  /** After a team member's name on the messages they write while they have taken over. */
  coach: "(coach)",
  /** Their name when the server has none. */
  team: "The coaching team",
  stopped: "(stopped)",
  suggestions: "Suggested questions",
  quickReplies: "Quick replies",
  chattingAs: "Chatting as",
} as const;

/**
 * The words of the coaching program's bar (`data-program`): joining, leaving, and what went wrong. Apart
 * from STRINGS because only the panel uses them, so they stay out of the loader every page downloads.
 */
export const PROGRAM_STRINGS = {
  label: "Coaching program",
  loading: "Loading the coaching program…",
  join: "Join",
  enrolledIn: "You're enrolled in",
  leave: "Stop coaching messages",
  confirmLeave: "Stop all coaching messages, here and on every other channel?",
  confirmYes: "Yes, stop them",
  cancel: "Cancel",
  stoppedNote: "Coaching messages are stopped on every channel. You can join again any time.",
  completedIn: "You completed",
  notFound: "This coaching program is not available. Check the link, or ask the site's owner.",
  offline: "Could not reach the server. Check your connection and try again.",
  failed: "Something went wrong. Please try again.",
} as const;

/**
 * The words around an answer: its numbered sources and what it rests on. Panel-only, like
 * PROGRAM_STRINGS; `name` is the assistant's name from the creator's settings.
 */
export const ANSWER_STRINGS = {
  /** The accessible name of marker [n]: "Source 2: Sleep guide". */
  source: "Source",
  page: "page",
  /** Under an answer the built-in answerer wrote: its sentences are the creator's own. */
  quoted: (name: string) => `Quoted from ${name}’s material`,
  /** Above an answer from general knowledge (adaptive personas), so nobody takes it for the coach's method. */
  general: (name: string) => `General knowledge, not from ${name}’s material`,
  /** Above the creator's own corrected answer, given word for word. */
  curated: (name: string) => `${name}’s own answer`,
} as const;
