// Where a person in a crisis can get help now, by country: the emergency number, a suicide and crisis
// line, and a line for people facing violence at home. Only services with one national number are
// listed; anywhere else the reply names the local emergency number and findahelpline.com, an
// international directory of free, confidential helplines (run by ThroughLine). The country comes from
// a WhatsApp number's calling code; on the web and on Telegram it is not known, and the directory serves.

/** The services of one country. */
export interface Helplines {
  emergency: string;
  crisis?: string;
  abuse?: string;
}

/** The international directory named when a country is unknown or has no line of the kind. */
export const HELPLINE_DIRECTORY = "findahelpline.com";

const BY_COUNTRY: Record<string, Helplines> = {
  US: { emergency: "911", crisis: "988 (call or text)", abuse: "1-800-799-7233" },
  CA: { emergency: "911", crisis: "988 (call or text)" },
  GB: { emergency: "999", crisis: "Samaritans, 116 123", abuse: "0808 2000 247" },
  IE: { emergency: "112", crisis: "Samaritans, 116 123", abuse: "1800 341 900" },
  AU: { emergency: "000", crisis: "Lifeline, 13 11 14", abuse: "1800 737 732" },
  NZ: { emergency: "111", crisis: "1737 (call or text)" },
  ES: { emergency: "112", crisis: "024", abuse: "016" },
  MX: { emergency: "911", crisis: "Línea de la Vida, 800 911 2000" },
  BR: { emergency: "192 (SAMU)", crisis: "CVV, 188", abuse: "180" },
  PT: { emergency: "112", crisis: "SNS 24, 808 24 24 24", abuse: "800 202 148" },
  FR: { emergency: "112 (SAMU 15)", crisis: "3114", abuse: "3919" },
  BE: { emergency: "112" },
  CH: { emergency: "144", crisis: "143" },
  DE: { emergency: "112", crisis: "TelefonSeelsorge, 0800 111 0 111", abuse: "116 016" },
  AT: { emergency: "112 (144)", crisis: "TelefonSeelsorge, 142", abuse: "0800 222 555" },
};

/** International calling codes of the countries above, longest first so "351" wins over "35". */
const CALLING_CODES: [string, string][] = Object.entries({
  "1": "US",
  "44": "GB",
  "353": "IE",
  "61": "AU",
  "64": "NZ",
  "34": "ES",
  "52": "MX",
  "55": "BR",
  "351": "PT",
  "33": "FR",
  "32": "BE",
  "41": "CH",
  "49": "DE",
  "43": "AT",
}).sort((a, b) => b[0].length - a[0].length);

/** The country of a phone number in international form without "+" (a WhatsApp wa_id), or null. */
export function countryOfPhone(digits: string): string | null {
  if (!/^\d{8,15}$/.test(digits)) return null;
  // Calling code 1 is shared by the US and Canada; their services are the same here.
  return CALLING_CODES.find(([code]) => digits.startsWith(code))?.[1] ?? null;
}

/** The services of `country`, or null when none are listed. */
export function helplinesOf(country: string | null): Helplines | null {
  return country ? (BY_COUNTRY[country] ?? null) : null;
}
