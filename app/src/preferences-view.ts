// The person's coaching settings in the app: time zone, quiet hours, a day's pause, and stopping or
// starting proactive messages again. Read from and saved to the edge; the edge's sentence is shown
// when a change is refused.
import type { ContactCoachingView } from "@coach/contracts/programs";
import type { AppPreferencesUpdate } from "@coach/contracts/companion-app";
import { h } from "../../widget/src/shared/dom";
import type { AppApi } from "./app-api";

const DAY_MS = 86_400_000;

function summary(view: ContactCoachingView): string {
  if (view.opted_out) return "Coaching messages are stopped.";
  const paused = view.paused_until !== null && view.paused_until > Date.now();
  const quiet = view.quiet_hours
    ? `quiet ${view.quiet_hours.start}–${view.quiet_hours.end}`
    : "no quiet hours";
  return `${paused ? `Paused until ${new Date(view.paused_until ?? 0).toLocaleString()}; ` : ""}${quiet}, ${view.timezone}.`;
}

/** The settings section, loaded from the edge when opened. */
export function preferencesView(api: AppApi): HTMLElement {
  const status = h("p", { class: "status", role: "status" }, "Loading your settings…");
  const zone = h("input", {
    name: "timezone",
    value: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const from = h("input", { type: "time", name: "quiet_from", value: "22:00" });
  const to = h("input", { type: "time", name: "quiet_to", value: "08:00" });
  const stop = h("button", { type: "button" }, "Stop coaching messages");
  const section = h("section", { class: "settings", "aria-label": "Settings" });

  const show = (view: ContactCoachingView) => {
    status.textContent = summary(view);
    zone.value = view.timezone;
    if (view.quiet_hours) {
      from.value = view.quiet_hours.start;
      to.value = view.quiet_hours.end;
    }
    stop.textContent = view.opted_out ? "Start coaching messages again" : "Stop coaching messages";
    stop.dataset.stopped = String(view.opted_out);
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
      h("label", {}, "Time zone ", zone),
      h("label", {}, "Quiet from ", from),
      h("label", {}, " to ", to),
      h("button", { type: "submit" }, "Save"),
    ),
    h(
      "div",
      { class: "tools" },
      h(
        "button",
        { type: "button", onclick: () => save({ paused_until: Date.now() + DAY_MS }) },
        "Pause for a day",
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
