// The loader's only words: the launcher's label, in each widget language (the catalog beside this
// module). Apart from the panel's catalogues, so the loader every page view downloads carries one
// message per language.
import catalog from "./launcher-strings.messages.json";
import type { WidgetLanguage } from "./languages";

export type LauncherStrings = {
  /** The launcher's accessible name (before the assistant's name) and its text when the creator set none. */
  openChat: string;
};

export const LAUNCHER_STRINGS: Record<WidgetLanguage, LauncherStrings> = catalog;
