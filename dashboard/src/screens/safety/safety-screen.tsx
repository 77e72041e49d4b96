// Safety: the crisis resources the assistant names when a message reads as a crisis, the kinds of
// personal data masked in what the model is sent, and the overflow to a model on Cloudflare.
import type { ModelRedaction } from "@coach/contracts/safety-settings";
import { CheckLabel } from "../../components/checkboxes";
import { LoadError, Loaded } from "../../components/resource-view";
import { ScreenHeader } from "../../components/screen-header";
import { SettingsForm } from "../../components/settings-form";
import { Card } from "../../components/ui";
import { CrisisResourcesCard } from "./crisis-resources-card";
import { OverflowCard } from "./overflow-card";
import { useSettingsDraft } from "../../lib/use-settings-draft";

const KINDS: { kind: keyof ModelRedaction; label: string }[] = [
  { kind: "payment", label: "Card numbers and IBANs" },
  { kind: "email", label: "E-mail addresses" },
  { kind: "phone", label: "Phone numbers" },
  { kind: "address", label: "Street addresses" },
];

function ModelRedactionCard() {
  const { current, draft, change, save, saved, mayChange } =
    useSettingsDraft("/safety/model-redaction");
  return (
    <Card title="What the model is sent">
      <p className="muted">
        Before a question and the conversation’s recent messages leave for the model, the kinds
        ticked here are replaced by a placeholder such as [email]. Card numbers and IBANs are masked
        unless you untick them. Logs and exports mask all of these whatever you choose.
      </p>
      <LoadError resource={current} title="Could not load what the model is sent" />
      <Loaded resource={current} lines={4}>
        {draft && (
          <SettingsForm
            save={save}
            saved={saved}
            mayChange={mayChange}
            failed="The setting was not saved"
            done="Saved. The next answer uses it."
          >
            <fieldset className="fieldset" disabled={!mayChange}>
              <legend>Mask in what the model is sent</legend>
              {KINDS.map(({ kind, label }) => (
                <CheckLabel
                  key={kind}
                  checked={draft[kind]}
                  onChecked={(checked) => change((d) => ({ ...d, [kind]: checked }))}
                >
                  {label}
                </CheckLabel>
              ))}
            </fieldset>
          </SettingsForm>
        )}
      </Loaded>
    </Card>
  );
}

export function SafetyScreen() {
  return (
    <>
      <ScreenHeader />
      <CrisisResourcesCard />
      <ModelRedactionCard />
      <OverflowCard />
    </>
  );
}
