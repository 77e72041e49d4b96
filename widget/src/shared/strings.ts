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
  stopped: "(stopped)",
  suggestions: "Suggested questions",
  chattingAs: "Chatting as",
} as const;
