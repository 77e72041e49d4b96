// A contact's coaching preferences as a member sees and changes them from the inbox: their time zone,
// quiet hours, how many proactive messages they get at most, a pause until a date, and the language
// the platform writes to them in (PUT /contacts/:id/coaching); and whether coaching messages are
// stopped (by them or a member), which only they can undo from their channel.
import type { ContactLanguage } from "@coach/contracts/programs";
import { useState } from "react";
import { problemAt } from "../../api/errors";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { CheckLabel } from "../../components/checkboxes";
import { LoadError, Loaded } from "../../components/resource-view";
import { SelectField, TextField } from "../../components/form-fields";
import { SuccessNotice } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useAction, useResource } from "../../lib/use-resource";
import type { CoachingStateProps } from "./coaching-state-props";
import { StopCoaching } from "./stop-coaching";

/** The zones the browser knows, offered as the time zone is typed; the server checks the value. */
const TIME_ZONES = Intl.supportedValuesOf("timeZone");

/** Each language in its own words; "" lets their channel and the persona decide. */
const LANGUAGES: Record<ContactLanguage | "", string> = {
  "": "Automatic: their channel and your persona's languages",
  en: "English",
  es: "Español",
  pt: "Português",
  fr: "Français",
  de: "Deutsch",
};

type DraftPath =
  | "timezone"
  | "quiet_hours.start"
  | "quiet_hours.end"
  | "caps.per_day"
  | "caps.per_week"
  | "paused_until";

/** A time (ms) as a datetime-local input's value, in the browser's zone; "" for none. */
function localInput(at: number | null): string {
  if (at === null) return "";
  const date = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
}

export function CoachingPreferences({ contactId }: { contactId: string }) {
  const api = useApi();
  const state = useResource(
    (signal) => api.get("/contacts/:id/coaching", { params: { id: contactId }, signal }),
    [api, contactId],
  );
  return (
    <section aria-labelledby={`preferences-${contactId}`}>
      <h3 id={`preferences-${contactId}`}>Coaching preferences</h3>
      <LoadError resource={state} title="Could not load their preferences" />
      <Loaded resource={state} lines={4}>
        {state.data && (
          <PreferencesForm
            key={contactId}
            contactId={contactId}
            state={state.data}
            onChanged={state.setData}
          />
        )}
        {state.data && (
          <StopCoaching contactId={contactId} state={state.data} onChanged={state.setData} />
        )}
      </Loaded>
    </section>
  );
}

function PreferencesForm({ contactId, state: initial, onChanged }: CoachingStateProps) {
  const api = useApi();
  const [quiet, setQuiet] = useState(initial.quiet_hours !== null);
  // The form's text as typed, each field by the path the API names it with in a refusal.
  const [draft, setDraft] = useState<Record<DraftPath, string>>({
    timezone: initial.timezone,
    "quiet_hours.start": initial.quiet_hours?.start ?? "22:00",
    "quiet_hours.end": initial.quiet_hours?.end ?? "08:00",
    "caps.per_day": String(initial.caps.per_day),
    "caps.per_week": String(initial.caps.per_week),
    paused_until: localInput(initial.paused_until),
  });
  const [language, setLanguage] = useState<ContactLanguage | "">(initial.language ?? "");
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async () => {
    setSaved(null);
    const state = await api.put("/contacts/:id/coaching", {
      params: { id: contactId },
      body: {
        timezone: draft.timezone.trim(),
        quiet_hours: quiet
          ? { start: draft["quiet_hours.start"], end: draft["quiet_hours.end"] }
          : null,
        caps: { per_day: Number(draft["caps.per_day"]), per_week: Number(draft["caps.per_week"]) },
        paused_until: draft.paused_until ? new Date(draft.paused_until).getTime() : null,
        language: language || null,
      },
    });
    onChanged(state);
    const pause =
      state.paused_until !== null && state.paused_until > Date.now()
        ? ` Paused until ${formatDateTime(state.paused_until)}.`
        : "";
    setSaved(
      (state.quiet_hours
        ? `Saved: nothing proactive from ${state.quiet_hours.start} to ${state.quiet_hours.end}, ${state.timezone} time.`
        : `Saved: no quiet hours, ${state.timezone} time.`) + pause,
    );
  });
  /** A field's value, its change and the server's word on it. */
  const bind = (path: DraftPath) => ({
    value: draft[path],
    onValue: (value: string) => setDraft((current) => ({ ...current, [path]: value })),
    error: problemAt(save.error, path),
  });
  const number = { type: "number", required: true, min: 1 } as const;
  return (
    <ActionForm action={save} failed="The preferences were not saved" submit="Save preferences">
      {initial.opted_out && (
        <p className="notice notice-warn small">
          Coaching messages were stopped on {formatDateTime(initial.opted_out_at)}: nothing
          proactive is sent to them until they start again from their channel.
        </p>
      )}
      <SelectField
        label="Language"
        hint="What our own words to them are written in: replies such as “a person will answer”, keyword answers, and the proactive messages the model writes."
        options={LANGUAGES}
        value={language}
        onValue={setLanguage}
        error={problemAt(save.error, "language")}
      />
      <TextField
        label="Pause proactive messages until"
        hint="Empty: not paused. Nothing proactive goes out before then; they resume on their own."
        type="datetime-local"
        {...bind("paused_until")}
      />
      <TextField
        label="Time zone"
        hint="Where they live, e.g. Europe/Berlin; quiet hours and reminders follow it."
        list={`zones-${contactId}`}
        required
        {...bind("timezone")}
      />
      <datalist id={`zones-${contactId}`}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <CheckLabel checked={quiet} onChecked={setQuiet}>
        Quiet hours: no proactive messages at night
      </CheckLabel>
      {quiet && (
        <div className="field-pair">
          <TextField label="Quiet from" type="time" required {...bind("quiet_hours.start")} />
          <TextField label="Quiet until" type="time" required {...bind("quiet_hours.end")} />
        </div>
      )}
      <div className="field-pair">
        <TextField label="At most a day" max={50} {...number} {...bind("caps.per_day")} />
        <TextField label="At most a week" max={200} {...number} {...bind("caps.per_week")} />
      </div>
      {saved && <SuccessNotice>{saved}</SuccessNotice>}
    </ActionForm>
  );
}
