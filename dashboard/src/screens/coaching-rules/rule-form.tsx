// Writing a coaching rule: who it watches (one program's people or everyone enrolled), the signal it
// reacts to, what it sends, and whether it is on. The form says the rule back in plain words as it is
// written; a value the server refuses says why under its field.
import type { CoachingRuleView, RuleThen, RuleWhen } from "@coach/contracts/coaching-rules";
import { defaultRuleName } from "@coach/contracts/rule-name";
import { useState } from "react";
import { problemAt } from "../../api/errors";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { CheckLabel } from "../../components/checkboxes";
import { SelectField, TextAreaField, TextField } from "../../components/form-fields";
import { useAction } from "../../lib/use-resource";
import { ruleInWords } from "./rule-words";

type Signal = "silence" | "score" | "missed";

const SIGNALS: Record<Signal, string> = {
  silence: "They stop writing",
  score: "Their check-in scores drop",
  missed: "They leave check-ins unanswered",
};

const SENDS: Record<RuleThen["send"], string> = {
  nudge: "A nudge to come back",
  supportive: "A supportive message",
};

/** A number a signal is set with: its field in the draft, where the server names it, and its label. */
type SignalNumber = {
  key: "hours" | "drop" | "over" | "missed";
  path: string;
  label: string;
  hint?: string;
  step?: string;
};

/** The numbers each signal asks for, in order. */
const SIGNAL_NUMBERS: Record<Signal, SignalNumber[]> = {
  silence: [
    {
      key: "hours",
      path: "when.no_reply_for_hours",
      label: "Hours without a message from them",
      hint: "72 hours is 3 days; at most 2,160 (90 days). Counted once per silence.",
    },
  ],
  score: [
    { key: "drop", path: "when.score_drop", label: "Points the score drops by", step: "any" },
    {
      key: "over",
      path: "when.over_checkins",
      label: "Over how many check-ins",
      hint: "From 2 to 20.",
    },
  ],
  missed: [
    {
      key: "missed",
      path: "when.missed_checkins",
      label: "Check-ins unanswered in a row",
      hint: "Each counts once a day has passed without an answer; at most 50.",
    },
  ],
};

/** The form's values as typed; numbers stay text until the rule is sent. */
type Draft = {
  name: string;
  programId: string;
  signal: Signal;
  hours: string;
  drop: string;
  over: string;
  missed: string;
  send: RuleThen["send"];
  text: string;
  enabled: boolean;
};

function draftOf(rule: CoachingRuleView | null): Draft {
  const when = rule?.when;
  return {
    // A name the server made up follows the rule as it changes; one the coach wrote stays.
    name: rule && rule.name !== defaultRuleName(rule.when, rule.then) ? rule.name : "",
    programId: rule?.program_id ?? "",
    signal:
      !when || "no_reply_for_hours" in when ? "silence" : "score_drop" in when ? "score" : "missed",
    hours: String(when && "no_reply_for_hours" in when ? when.no_reply_for_hours : 72),
    drop: String(when && "score_drop" in when ? when.score_drop : 2),
    over: String(when && "score_drop" in when ? when.over_checkins : 3),
    missed: String(when && "missed_checkins" in when ? when.missed_checkins : 2),
    send: rule?.then.send ?? "nudge",
    text: rule?.then.text ?? "",
    enabled: rule?.enabled ?? true,
  };
}

function whenOf(d: Draft): RuleWhen {
  if (d.signal === "silence") return { no_reply_for_hours: Number(d.hours) };
  if (d.signal === "score") return { score_drop: Number(d.drop), over_checkins: Number(d.over) };
  return { missed_checkins: Number(d.missed) };
}

export function RuleForm({
  editing,
  programs,
  onSaved,
}: {
  /** The rule being changed; null for a new one. */
  editing: CoachingRuleView | null;
  /** The workspace's programs by id, for "who it watches". */
  programs: Map<string, string>;
  onSaved: () => Promise<void>;
}) {
  const api = useApi();
  const [draft, setDraft] = useState(() => draftOf(editing));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const when = whenOf(draft);
  const then: RuleThen = { send: draft.send, ...(draft.text.trim() ? { text: draft.text } : {}) };
  const save = useAction(async () => {
    const body = {
      name: draft.name.trim() || defaultRuleName(when, then),
      program_id: draft.programId || null,
      when,
      then,
      enabled: draft.enabled,
    };
    if (editing) await api.put("/coaching-rules/:id", { params: { id: editing.id }, body });
    else await api.post("/coaching-rules", { body });
    setDraft(draftOf(null));
    await onSaved();
  });
  /** A field's value in the draft, its change, and the server's word on it at `path`, if any. */
  const bind = <K extends keyof Draft>(key: K, path?: string) => ({
    value: draft[key],
    onValue: (value: Draft[K]) => set({ [key]: value }),
    error: path === undefined ? null : problemAt(save.error, path),
  });
  const number = { type: "number", required: true, min: 1 } as const;
  const numbers = SIGNAL_NUMBERS[draft.signal].map(({ key, path, ...field }) => (
    <TextField key={key} {...field} {...number} {...bind(key, path)} />
  ));
  return (
    <ActionForm
      action={save}
      failed="The rule was not saved"
      submit={editing ? "Save changes" : "Create rule"}
    >
      <SelectField
        label="Who it watches"
        options={{ "": "Everyone enrolled in any program", ...Object.fromEntries(programs) }}
        {...bind("programId", "program_id")}
      />
      <SelectField label="When" options={SIGNALS} {...bind("signal")} />
      {numbers.length > 1 ? <div className="form-grid">{numbers}</div> : numbers}
      <SelectField label="What to send" options={SENDS} {...bind("send", "then.send")} />
      <TextAreaField
        label="Your words (optional)"
        hint="Sent as written. Leave empty and the assistant writes it in your voice."
        rows={3}
        maxLength={1000}
        {...bind("text", "then.text")}
      />
      <TextField
        label="Name (optional)"
        placeholder={defaultRuleName(when, then)}
        maxLength={120}
        {...bind("name", "name")}
      />
      <CheckLabel checked={draft.enabled} onChecked={(enabled) => set({ enabled })}>
        On: the rule acts from now on
      </CheckLabel>
      <p className="muted small">
        {ruleInWords({ when, then }, programs.get(draft.programId) ?? null)}
      </p>
    </ActionForm>
  );
}
