// Personal data that must not reach an operator's logs or metrics: e-mail addresses, phone numbers,
// payment card numbers and IBANs inside any text are replaced by a placeholder naming what was there.
// Shared by the edge's and the bridge's loggers, so a message quoted in an error is masked on both.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Country code, check digits, then 11 to 30 letters or digits, in groups of four or not. */
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
/** 13 to 19 digits, in groups separated by single spaces or dashes; kept only when Luhn-valid. */
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;
/** International numbers ("+44 7700 900123") and the usual national shapes ("(555) 123-4567", "07700 900123"). */
const PHONES = [
  /\+\d{1,3}[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}\b/g,
  /\(\d{3}\) ?\d{3}[ .-]\d{4}\b/g,
  /\b\d{3}[.-]\d{3}[.-]\d{4}\b/g,
  /\b0\d{2,4}[ -]\d{3,4}[ -]?\d{3,4}\b/g,
];

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `text` with every e-mail address, IBAN, card number and phone number replaced by a placeholder. */
export function maskPersonalData(text: string): string {
  let masked = text.replace(EMAIL, "[email]").replace(IBAN, "[iban]");
  masked = masked.replace(CARD_CANDIDATE, (run) =>
    luhnValid(run.replace(/\D/g, "")) ? "[card]" : run,
  );
  for (const phone of PHONES) masked = masked.replace(phone, "[phone]");
  return masked;
}

/**
 * `text` with card numbers and IBANs masked: what the edge sends to the model in every workspace, since
 * no coaching answer needs them and a model's host keeps what it is sent.
 */
export function maskPaymentData(text: string): string {
  return text
    .replace(IBAN, "[iban]")
    .replace(CARD_CANDIDATE, (run) => (luhnValid(run.replace(/\D/g, "")) ? "[card]" : run));
}

/** `value` with `maskPersonalData` applied to every string inside it (objects and arrays walked). */
export function maskPersonalFields(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPersonalData(value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => maskPersonalFields(item, depth + 1));
  if (value instanceof Error)
    return {
      name: value.name,
      message: maskPersonalData(value.message),
      stack: value.stack ? maskPersonalData(value.stack) : undefined,
    };
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, maskPersonalFields(item, depth + 1)]),
  );
}
