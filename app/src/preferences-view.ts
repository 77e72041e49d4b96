// The person's coaching settings in the app: time zone, quiet hours, a day's pause, and stopping or
// starting proactive messages again. Read from and saved to the edge; the edge's sentence is shown
// when a change is refused.
import { formatMessage } from "@coach/contracts/messages";
import type { ContactCoachingView } from "@coach/contracts/programs";
import type { AppPreferencesUpdate } from "@coach/contracts/companion-app";
import { h } from "../../widget/src/shared/dom";
import type { WidgetLanguage } from "../../widget/src/i18n/languages";
import type { AppApi } from "./app-api";
import type { Slot } from "./app-config";
import { locale, texts } from "./i18n/texts";

const DAY_MS = 86_400_000;

function summary(view: ContactCoachingView): string {
  if (view.opted_out) return texts.stopped;
  const paused = view.paused_until !== null && view.paused_until > Date.now();
  const quiet = view.quiet_hours
    ? formatMessage(texts.quietHours, view.quiet_hours)
    : texts.noQuietHours;
  const settings = { quiet, timezone: view.timezone };
  if (!paused) return formatMessage(texts.summary, settings);
  const pausedUntil = new Date(view.paused_until ?? 0).toLocaleString(locale);
  return formatMessage(texts.summaryPaused, { ...settings, pausedUntil });
}

/**
 * The settings section, loaded from the edge when opened; the person's language, once read, is kept
 * in `chosenLanguage` for the app's words.
 */
export function preferencesView(api: AppApi, chosenLanguage: Slot<WidgetLanguage>): HTMLElement {
  const status = h("p", { class: "status", role: "status" }, texts.loadingSettings);
  const zone = h("input", {
    name: "timezone",
    value: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const from = h("input", { type: "time", name: "quiet_from", value: "22:00" });
  const to = h("input", { type: "time", name: "quiet_to", value: "08:00" });
  const stop = h("button", { type: "button" }, texts.stopMessages);
  const section = h("section", { class: "settings", "aria-label": texts.settings });

  const show = (view: ContactCoachingView) => {
    status.textContent = summary(view);
    zone.value = view.timezone;
    if (view.quiet_hours) {
      from.value = view.quiet_hours.start;
      to.value = view.quiet_hours.end;
    }
    stop.textContent = view.opted_out ? texts.startMessages : texts.stopMessages;
    stop.dataset.stopped = String(view.opted_out);
    chosenLanguage.set(view.language);
  };
  const save = (update: AppPreferencesUpdate) =>
    void api.savePreferences(update).then((result) => {
      if (result.ok) show(result.value);
      else status.textContent = result.error.message;
    });

  stop.addEventListener("click", () => save({ opted_out: stop.dataset.stopped !== "true" }));
  section.append(
    status,
    h(
      "form",
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          save({ timezone: zone.value.trim(), quiet_hours: { start: from.value, end: to.value } });
        },
      },
      h("label", {}, `${texts.timeZone} `, zone),
      h("label", {}, `${texts.quietFrom} `, from),
      h("label", {}, ` ${texts.quietTo} `, to),
      h("button", { type: "submit" }, texts.save),
    ),
    h(
      "div",
      { class: "tools" },
      h(
        "button",
        { type: "button", onclick: () => save({ paused_until: Date.now() + DAY_MS }) },
        texts.pauseDay,
      ),
      stop,
    ),
  );
  void api.preferences().then((result) => {
    if (result.ok) show(result.value);
    else status.textContent = result.error.message;
  });
  return section;
}
