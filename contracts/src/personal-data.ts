// Personal data that must not reach an operator's logs or metrics: e-mail addresses, phone numbers,
// payment card numbers, IBANs and street addresses inside any text are replaced by a placeholder naming
// what was there. Shared by the edge's and the bridge's loggers, so a message quoted in an error is
// masked on both, and by the rooms, which mask the kinds a workspace chose in what the model is sent.

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
/**
 * Street addresses written the usual ways: a house number before a capitalised street name and its
 * kind ("221B Baker Street", "12 rue de la Paix"), or after the kind and the name ("Calle Mayor 12",
 * "Rua das Flores, 45", "Hauptstraße 5"). Lower-case phrases ("5 miles down the road") are left alone.
 */
const ADDRESSES = [
  /\b\d{1,5}[A-Za-z]? (?:\p{Lu}[\p{L}'.-]* ){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent)\b\.?/gu,
  /\b\d{1,4}(?: ?(?:bis|ter))?,? (?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Pp]lace|[Qq]uai) (?:(?:de la|de l'|des|du|de|d') ?)?\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*){0,3}/gu,
  /\b(?:[Cc]alle|[Cc]\/|[Aa]venida|[Aa]vda\.?|[Pp]aseo|[Pp]laza|[Rr]ua|[Tt]ravessa|[Pp]raça|[Ll]argo|[Ee]strada) (?:(?:de|del|da|das|do|dos|la|las|los) )*\p{Lu}[\p{L}'-]*(?: (?:de|del|da|das|do|dos|la|las|los|\p{Lu}[\p{L}'-]*))*,? (?:n\.?º ?)?\d{1,5}\b/gu,
  /(?<!\p{L})(?:\p{Lu}[\p{L}-]* )?(?:\p{Lu}[\p{L}-]*?(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse)|Stra(?:ß|ss)e|Str\.|Allee|Platz|Gasse) \d{1,4}[a-z]?\b/gu,
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

/** The kinds of personal data a text can be masked for. */
export type PersonalDataKind = "email" | "payment" | "phone" | "address";

/** Which kinds to mask; a kind left out or false stays as written. */
export type PersonalDataSelection = Partial<Record<PersonalDataKind, boolean>>;

const MASKERS: Record<PersonalDataKind, (text: string) => string> = {
  email: (text) => text.replace(EMAIL, "[email]"),
  payment: (text) =>
    text
      .replace(IBAN, "[iban]")
      .replace(CARD_CANDIDATE, (run) => (luhnValid(run.replace(/\D/g, "")) ? "[card]" : run)),
  phone: (text) => PHONES.reduce((masked, phone) => masked.replace(phone, "[phone]"), text),
  address: (text) =>
    ADDRESSES.reduce((masked, address) => masked.replace(address, "[address]"), text),
};

/** E-mail first (its digits could read as a phone number), payment data before phones (a card number has a phone's shape). */
const MASK_ORDER: readonly PersonalDataKind[] = ["email", "payment", "phone", "address"];

/** `text` with the kinds of personal data `selection` names replaced by a placeholder. */
export function maskSelectedData(text: string, selection: PersonalDataSelection): string {
  return MASK_ORDER.reduce(
    (masked, kind) => (selection[kind] ? MASKERS[kind](masked) : masked),
    text,
  );
}

const EVERY_KIND: PersonalDataSelection = {
  email: true,
  payment: true,
  phone: true,
  address: true,
};

/** `text` with every e-mail address, IBAN, card number, phone number and street address replaced by a placeholder. */
export function maskPersonalData(text: string): string {
  return maskSelectedData(text, EVERY_KIND);
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
