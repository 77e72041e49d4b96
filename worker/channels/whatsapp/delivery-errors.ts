// What a `failed` status from WhatsApp means, in words a coach can act on, for the codes a coaching
// number meets (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). 131026 also means
// the person cannot be reached at all, so they are marked unreachable like a blocked Telegram bot.
const EXPLAINED: Readonly<Record<number, string>> = {
  131047:
    "Outside WhatsApp's 24-hour window: they last wrote more than 24 hours ago, so only an approved template reaches them.",
  131026:
    "WhatsApp cannot deliver to this number (not on WhatsApp, an old app version, or they have not accepted the terms).",
  131049: "WhatsApp held the message back to protect the person from too many business messages.",
  130429: "WhatsApp's rate limit: the number sent too fast; the message was not delivered.",
  131056: "Too many messages to this person in a short time; the message was not delivered.",
  131050: "The person asked this business to stop sending marketing messages.",
};

/** Codes after which nothing more should be sent to the person until they write again. */
export const UNREACHABLE_CODES: ReadonlySet<number> = new Set([131026]);

/** The failure as the inbox shows it: the explanation for a known code, else Graph's own words. */
export function describeDeliveryError(code: number | undefined, title: string | undefined): string {
  const known = code === undefined ? undefined : EXPLAINED[code];
  if (known) return `${code} ${known}`;
  return `${code ?? ""} ${title ?? "failed"}`.trim();
}
