/**
 * What every surface (Worker, Durable Objects, widget, companion app) says to people lives in message
 * catalogs: JSON files named `*.messages.json`, one object per language code, so that a translator
 * edits data and never code. A message is a string with `{name}` placeholders, or, where a number
 * decides the wording, its plural forms keyed by the language's CLDR plural categories. The logic that
 * picks a message (which one, with which values) stays in TypeScript beside the catalog it reads.
 */

/** The CLDR plural forms of one message; `other` is the form every language has. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills a message's `{name}` placeholders. A placeholder without a value is a programming error. */
export function formatMessage(template: string, params: MessageParams = {}): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`The message "${template}" needs a value for {${name}}.`);
    return String(value);
  });
}

/** One rule set per language: building `Intl.PluralRules` loads locale data, and messages are many. */
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralRulesOf(language: string): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules;
}

/**
 * Picks the plural form that `count` takes in `language` (by the platform's own CLDR rules, so
 * French says "0 minute" and English "0 minutes") and fills it; `{count}` is always available.
 */
export function formatPlural(
  language: string,
  forms: PluralForms,
  count: number,
  params: MessageParams = {},
): string {
  const form = forms[pluralRulesOf(language).select(count)] ?? forms.other;
  return formatMessage(form, { count, ...params });
}
