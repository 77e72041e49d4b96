// Colours and direction from the creator's settings, checked again here because they are written into
// CSS: only `#rrggbb` passes, anything else falls back to the defaults.
import type { WidgetSettings } from "@coach/contracts/widget";

const HEX = /^#[0-9a-fA-F]{6}$/;
const RTL_LANGUAGES = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "ku",
  "ps",
  "sd",
  "ug",
  "ur",
  "yi",
]);

/** The colours the widget's stylesheets use. */
export type Theme = {
  primary: string;
  onPrimary: string;
  background: string;
  text: string;
  position: "left" | "right";
  dir: "ltr" | "rtl";
  lang: string;
};

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

const DARK = "#111827";

/** White or near-black, whichever contrasts more with `hex` (WCAG contrast ratio). */
export function readableOn(hex: string): string {
  const l = luminance(hex);
  return 1.05 / (l + 0.05) >= (l + 0.05) / (luminance(DARK) + 0.05) ? "#ffffff" : DARK;
}

/** The theme for `settings`, with unsafe values replaced by defaults. */
export function themeOf(settings: WidgetSettings): Theme {
  const pick = (value: string | undefined, fallback: string) =>
    value && HEX.test(value) ? value : fallback;
  const primary = pick(settings.colors?.primary, "#4f46e5");
  const lang = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(settings.language ?? "")
    ? settings.language
    : "en";
  return {
    primary,
    onPrimary: readableOn(primary),
    background: pick(settings.colors?.background, "#ffffff"),
    text: pick(settings.colors?.text, "#111827"),
    position: settings.position === "left" ? "left" : "right",
    dir: RTL_LANGUAGES.has(lang.split("-")[0] ?? "") ? "rtl" : "ltr",
    lang,
  };
}

/** The theme as custom properties on the shadow host. */
export function themeCss(theme: Theme): string {
  return `:host{--coach-primary:${theme.primary};--coach-on-primary:${theme.onPrimary};--coach-bg:${theme.background};--coach-text:${theme.text}}`;
}
