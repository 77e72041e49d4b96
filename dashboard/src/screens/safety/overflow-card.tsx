// The overflow to Workers AI: off by default; when on, a question no bridge can take within the limit
// (or with every bridge down) is answered by a Cloudflare model, at most the daily budget of answers.
// Shows today's overflow answers against that budget. Every member sees it; owners and admins change it.
import type { OverflowSettings } from "@coach/contracts/overflow";
import { CheckLabel } from "../../components/checkboxes";
import { TextField } from "../../components/form-fields";
import { LoadError, Loaded } from "../../components/resource-view";
import { SettingsForm } from "../../components/settings-form";
import { Card } from "../../components/ui";
import { type DraftShape, useSettingsDraft } from "../../lib/use-settings-draft";

/** What the form holds: the numbers as typed (seconds for the wait). */
type Draft = { enabled: boolean; model: string; max_wait_s: string; budget: string };

const OVERFLOW_DRAFT: DraftShape<"/settings/overflow", Draft> = {
  toDraft: (view) => ({
    enabled: view.enabled,
    model: view.model,
    max_wait_s: String(Math.round(view.max_wait_ms / 1000)),
    budget: String(view.daily_answer_budget),
  }),
  toBody: (draft) =>
    ({
      enabled: draft.enabled,
      model: draft.model,
      max_wait_ms: Number(draft.max_wait_s) * 1000,
      daily_answer_budget: Number(draft.budget),
    }) satisfies OverflowSettings,
};

export function OverflowCard() {
  const { current, draft, change, save, saved, mayChange } = useSettingsDraft(
    "/settings/overflow",
    OVERFLOW_DRAFT,
  );
  const today = current.data?.today;
  return (
    <Card title="When your coach’s server is busy">
      <p className="muted">
        Off by default. When on, a question that would wait longer than the limit below for your own
        server — or that no server of yours can take — is answered by a model on Cloudflare, from
        the same material, at most as many times a day (UTC) as the budget allows. Those answers are
        labelled with the model that wrote them.
      </p>
      <LoadError resource={current} title="Could not load the overflow settings" />
      <Loaded resource={current} lines={4}>
        {draft && current.data && (
          <SettingsForm
            save={save}
            saved={saved}
            mayChange={mayChange}
            failed="The overflow setting was not saved"
            done="Saved. The next question uses it."
          >
            {today && (
              <p data-overflow-today>
                Today: <strong>{today.answers}</strong> of {today.budget} overflow answers used.
              </p>
            )}
            {!current.data.available && (
              <p className="muted small">
                This platform has no Workers AI account yet: the setting is kept but has no effect.
              </p>
            )}
            <fieldset className="fieldset" disabled={!mayChange}>
              <CheckLabel
                checked={draft.enabled}
                onChecked={(enabled) => change((d) => ({ ...d, enabled }))}
              >
                Answer on Cloudflare when my server is busy or down
              </CheckLabel>
              <TextField
                label="Longest wait for my server (seconds)"
                type="number"
                min={1}
                max={600}
                value={draft.max_wait_s}
                onValue={(max_wait_s) => change((d) => ({ ...d, max_wait_s }))}
              />
              <TextField
                label="Overflow answers per day"
                type="number"
                min={0}
                value={draft.budget}
                onValue={(budget) => change((d) => ({ ...d, budget }))}
              />
              <TextField
                label="Model"
                value={draft.model}
                hint="A Workers AI text model; the default is the same family as your own server’s."
                onValue={(model) => change((d) => ({ ...d, model }))}
              />
            </fieldset>
          </SettingsForm>
        )}
      </Loaded>
    </Card>
  );
}
