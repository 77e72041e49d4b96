// The persona editor with the live test chat beside it: save a version, then ask the test chat and see
// the answer in the new voice.
import type { Persona } from "@coach/contracts/bridge";
import { AssistantModeBanner } from "../../components/assistant-mode-banner";
import { ScreenHeader } from "../../components/screen-header";
import { Button, Card, ErrorNotice, Skeleton, SuccessNotice } from "../../components/ui";
import { LoadError } from "../../components/resource-view";
import { formatDateTime } from "../../lib/format";
import { submitting } from "../../lib/use-resource";
import { type DraftShape, useSettingsDraft } from "../../lib/use-settings-draft";
import { PersonaForm } from "./persona-form";
import { TestChat } from "./test-chat";

/** The form edits the persona itself; the version and its date are the saved document's. */
const PERSONA_DRAFT: DraftShape<"/persona", Persona> = {
  toDraft: (view) => view.persona,
  toBody: (persona) => persona,
};

export function PersonaScreen() {
  const { current, draft, change, discard, save, saved } = useSettingsDraft(
    "/persona",
    PERSONA_DRAFT,
  );

  return (
    <>
      <ScreenHeader />
      <AssistantModeBanner />
      <div className="split">
        <Card
          title="Persona"
          actions={
            current.data ? (
              <span className="muted small">
                Version {current.data.version} · {formatDateTime(current.data.updated_at)}
              </span>
            ) : undefined
          }
        >
          <LoadError resource={current} title="Could not load the persona" />
          {!draft ? (
            <Skeleton lines={8} />
          ) : (
            <form onSubmit={submitting(save)}>
              <PersonaForm persona={draft} onChange={(next) => change(() => next)} />
              <ErrorNotice error={save.error} title="The persona was not saved" />
              {saved && current.data && (
                <SuccessNotice>
                  Saved as version {current.data.version}. Try it in the test chat.
                </SuccessNotice>
              )}
              <div className="form-actions">
                <Button type="submit" variant="primary" busy={save.busy}>
                  Save persona
                </Button>
                <Button variant="ghost" onClick={discard}>
                  Discard changes
                </Button>
              </div>
            </form>
          )}
        </Card>
        <Card title="Test chat" className="sticky">
          <TestChat />
        </Card>
      </div>
    </>
  );
}
