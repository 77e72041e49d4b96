// The links that take a person straight into a program on each platform.

/** Telegram opens the bot and sends `/start <slug>`, which enrols them (deep linking). */
export function telegramJoinLink(botUsername: string, slug: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(slug)}`;
}

/**
 * WhatsApp opens a chat with the number with the keyword typed in; wa.me wants the number in full
 * international form with digits only ("+1 555-0100" → 15550100).
 */
export function whatsappJoinLink(displayPhoneNumber: string, keyword: string): string {
  const digits = displayPhoneNumber.replace(/\D/g, "");
  return `https://wa.me/${digits}?text=${encodeURIComponent(keyword)}`;
}
