// The words of the panel's footer: opening the conversation in the companion app (a link and a
// one-time code) and the membership plans on sale (upgrade, manage): their type, and each widget
// language's words from the catalog beside it.
import type { PluralForms } from "@coach/contracts/messages";
import catalog from "./extra-strings.messages.json";
import type { WidgetLanguage } from "./languages";

export type ExtraStrings = {
  openApp: string;
  /** The link that opens the app, signed in as the visitor. */
  appLink: string;
  /** Before the one-time code for another device. */
  appCode: string;
  /** After it: how long it stays valid (`{minutes}`). */
  validFor: string;
  appFailed: string;
  plans: string;
  loading: string;
  perMonth: string;
  perYear: string;
  /** `{days}` of free trial. */
  trial: string;
  /** The free plan's monthly allowance: `{plan}`, `{answers}` a month. */
  freeAllowance: string;
  /** What the plan leaves this month (`{count}`), and the date (already written out) the count starts again (`{resets}`). */
  allowanceLeft: PluralForms;
  choose: string;
  memberOf: string;
  manage: string;
  billingFailed: string;
  offline: string;
};

export const EXTRA_STRINGS: Record<WidgetLanguage, ExtraStrings> = catalog;
