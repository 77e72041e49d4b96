// Recognises a user asking for a person instead of the assistant: "talk to a human", "real person",
// "speak to someone", "I need a human", Telegram's /human, or a message that is only "human" or
// "agent". Deliberately narrow: a false alarm costs the creator a look, a miss costs the user an
// answer from the assistant, who still can be taken over later.

const PATTERNS: RegExp[] = [
  // Telegram-style commands, also typed in the widget or on WhatsApp.
  /^\/(human|person|agent)(@\w+)?$/,
  // The whole message is a request: "human", "human please", "agent!".
  /^(a )?(human|agent|operator|real person)( please)?$/,
  // "talk to a human", "speak to someone", "chat with a real person", "connect me with an agent".
  /\b(talk|speak|chat|connect me|put me through|get me through)( directly)? (to|with) (a |an |the |some )?(real |actual |live )?(human|humans|person|someone|somebody|agent|operator)\b/,
  // "a real person", "an actual human", "a live agent", "a human being".
  /\b(real|actual|live) (person|human|humans|people|agent)\b/,
  /\bhuman being\b/,
  // "I want a human", "I'd like to talk to a person" is above; "need a person".
  /\b(want|need|like|prefer) (a |an )?(human|person)\b/,
];

/** Lower case, apostrophes and punctuation folded, spaces collapsed. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9/@_ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the user is asking to talk to a person. */
export function asksForHuman(text: string): boolean {
  if (text.length > 300) return false;
  const normalised = normalise(text);
  return PATTERNS.some((pattern) => pattern.test(normalised));
}

/** The assistant's one-sentence reply; no model is asked. */
export const HUMAN_REQUESTED_REPLY =
  "I've let the coach know you'd like to talk to a person; they'll reply here as soon as they can.";
