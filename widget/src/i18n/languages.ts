// The languages the widget's own words are written in, and which one a visitor sees: the first of
// their browser's languages (`navigator.languages`) that the persona also speaks, else the persona's
// first language, else English. Shared by the loader and the panel, so both speak the same one.

export const WIDGET_LANGUAGES = ["en", "es", "pt", "fr", "de"] as const;
export type WidgetLanguage = (typeof WIDGET_LANGUAGES)[number];

function known(tag: string): WidgetLanguage | null {
  const base = tag.slice(0, 2).toLowerCase();
  return WIDGET_LANGUAGES.find((language) => language === base) ?? null;
}

/** The browser's own tag for `language` ("es-MX" for es), when the visitor's browser states it. */
export function browserTagFor(
  language: WidgetLanguage,
  browser: readonly string[],
): string | undefined {
  return browser.find((tag) => known(tag) === language);
}

/** The language for a visitor whose browser prefers `browser`, of a persona speaking `offered`. */
export function chooseLanguage(
  offered: readonly string[],
  browser: readonly string[],
): WidgetLanguage {
  const spoken = offered.map(known).filter((l): l is WidgetLanguage => l !== null);
  const preferred = browser.map(known).find((l) => l !== null && spoken.includes(l));
  return preferred ?? spoken[0] ?? "en";
}
