// Every message catalog (`*.messages.json`) against its English: the same messages in every language,
// each with the placeholders the code fills (a missing one would throw, an extra one would print as
// `{name}`), and plural forms that name a CLDR category and always include `other`. The catalogs are
// data, so this is where a translator's slip is caught, not in front of a client.
import { describe, expect, it } from "vitest";
import { formatMessage, formatPlural } from "@coach/contracts/messages";

type Catalog = Record<string, unknown>;

const catalogs = import.meta.glob<Catalog>(
  [
    "/worker/**/*.messages.json",
    "/durable-objects/**/*.messages.json",
    "/widget/src/**/*.messages.json",
    "/app/src/**/*.messages.json",
  ],
  { eager: true, import: "default" },
);

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

function isPluralForms(value: unknown): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    "other" in value &&
    Object.values(value).every((form) => typeof form === "string")
  );
}

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ""))].sort();
}

/** Each message as `path → placeholders`, plural forms merged (a form may leave `{count}` out). */
function messagesOf(
  value: unknown,
  path: string,
  out: Map<string, string[]>,
): Map<string, string[]> {
  if (typeof value === "string") {
    out.set(path, placeholders(value));
  } else if (isPluralForms(value)) {
    for (const category of Object.keys(value)) {
      expect(PLURAL_CATEGORIES, `${path}.${category} is not a plural category`).toContain(category);
    }
    const all = Object.values(value).flatMap(placeholders);
    out.set(path, [...new Set(all)].filter((name) => name !== "count").sort());
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => messagesOf(item, `${path}[${index}]`, out));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) messagesOf(item, `${path}.${key}`, out);
  } else {
    throw new Error(`${path} is ${typeof value}; a catalog holds only text`);
  }
  return out;
}

describe("message catalogs", () => {
  it("are found", () => {
    expect(Object.keys(catalogs).length).toBeGreaterThan(0);
  });

  for (const [file, catalog] of Object.entries(catalogs)) {
    it(`${file}: every language says every English message, with its placeholders`, () => {
      const english = messagesOf(catalog.en, "en", new Map());
      expect(english.size, `${file} has no English`).toBeGreaterThan(0);
      for (const [language, messages] of Object.entries(catalog)) {
        const translated = messagesOf(messages, "en", new Map());
        expect([...translated.keys()].sort(), `${file} (${language})`).toEqual(
          [...english.keys()].sort(),
        );
        for (const [path, names] of english) {
          expect(translated.get(path), `${file} (${language}) ${path}`).toEqual(names);
        }
      }
    });
  }
});

describe("formatMessage and formatPlural", () => {
  it("fills placeholders and refuses to print one it has no value for", () => {
    expect(formatMessage("Hi {name}, {n} left", { name: "Ana", n: 2 })).toBe("Hi Ana, 2 left");
    expect(() => formatMessage("Hi {name}")).toThrow(/needs a value for \{name\}/);
  });

  it("picks the language's own plural form", () => {
    const minutes = { one: "{count} minute", other: "{count} minutes" };
    expect(formatPlural("en", minutes, 1)).toBe("1 minute");
    expect(formatPlural("en", minutes, 0)).toBe("0 minutes");
    expect(formatPlural("fr", minutes, 0)).toBe("0 minute");
    expect(formatPlural("de", { other: "{count} Minuten" }, 1)).toBe("1 Minuten");
  });
});
