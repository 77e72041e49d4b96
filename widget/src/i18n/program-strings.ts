// The words of the coaching program's bar (`data-program`: joining, leaving, what went wrong): their
// type, and each widget language's words from the catalog beside it. `{program}` is the program's name
// from the creator's settings.
import type { WidgetLanguage } from "./languages";
import catalog from "./program-strings.messages.json";

export type ProgramStrings = {
  label: string;
  loading: string;
  join: string;
  enrolledIn: string;
  leave: string;
  confirmLeave: string;
  confirmYes: string;
  cancel: string;
  stoppedNote: string;
  completedIn: string;
  notFound: string;
  offline: string;
  failed: string;
};

export const PROGRAM_STRINGS_BY_LANGUAGE: Record<WidgetLanguage, ProgramStrings> = catalog;
