// The words of the app's two sections under its toolbar, in each widget language: the person's
// coaching settings (time zone, quiet hours, a pause, stopping) and their progress (programs,
// commitments, the last two weeks' chart).
import type { CommitmentStatus } from "@coach/contracts/commitments";
import type { PluralForms } from "@coach/contracts/messages";
import type { EnrollmentStatus } from "@coach/contracts/programs";
import type { WidgetLanguage } from "../../../widget/src/i18n/languages";
import catalog from "./settings-strings.messages.json";

export type SettingsStrings = {
  loadingSettings: string;
  stopped: string;
  /** The quiet hours from `{start}` to `{end}`. */
  quietHours: string;
  noQuietHours: string;
  /** The settings at a glance: the `{quiet}` hours (as written above) and the `{timezone}`. */
  summary: string;
  /** The same while a pause lasts, with the date it ends (`{pausedUntil}`). */
  summaryPaused: string;
  timeZone: string;
  quietFrom: string;
  /** Between the two times of the quiet hours. */
  quietTo: string;
  save: string;
  pauseDay: string;
  stopMessages: string;
  startMessages: string;
  /** The chart's text alternative: how many messages (`{count}`) over its `{days}`. */
  messagesInDays: PluralForms;
  yourPrograms: string;
  noProgram: string;
  /** Where a program stands for the person, in place of the server's code. */
  programStatus: Record<EnrollmentStatus, string>;
  yourCommitments: string;
  noCommitments: string;
  /** Where a commitment stands, in place of the server's code. */
  commitmentStatus: Record<CommitmentStatus, string>;
  lastTwoWeeks: string;
};

export const SETTINGS_STRINGS: Record<WidgetLanguage, SettingsStrings> = catalog;
