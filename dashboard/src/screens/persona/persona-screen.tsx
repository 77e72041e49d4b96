// The persona editor with the live test chat beside it: save a version, then ask the test chat and see
// the answer in the new voice.
import { useEffect, useState, type FormEvent } from "react";
import type { Persona } from "@coach/contracts/bridge";
import { useApi } from "../../auth/auth-context";
import { AssistantModeBanner } from "../../components/assistant-mode-banner";
import {
  Button,
  Card,
  ErrorNotice,
  PageHeader,
  Skeleton,
  SuccessNotice,
} from "../../components/ui";
import { LoadError } from "../../components/resource-view";
import { formatDateTime } from "../../lib/format";
import { useApiResource } from "../../lib/use-api-resource";
import { useAction } from "../../lib/use-resource";
import { PersonaForm } from "./persona-form";
import { TestChat } from "./test-chat";

export function PersonaScreen() {
  const api = useApi();
  const current = useApiResource("/persona");
  const [draft, setDraft] = useState<Persona>();
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data.persona);
  }, [current.data, draft]);
  const save = useAction(async (persona: Persona) => {
    const version = await api.put("/persona", { body: persona });
    current.setData(version);
    setSaved(version.version);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) void save.run(draft);
  };

  return (
    <>
      <PageHeader
        title="Persona & voice"
        description="How your assistant sounds and what it does when your material has no answer. Each save is a new version; the next answer uses it."
      />
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
            <form onSubmit={onSubmit} onChange={() => setSaved(null)}>
              <PersonaForm persona={draft} onChange={setDraft} />
              <ErrorNotice error={save.error} title="The persona was not saved" />
              {saved !== null && (
                <SuccessNotice>Saved as version {saved}. Try it in the test chat.</SuccessNotice>
              )}
              <div className="form-actions">
                <Button type="submit" variant="primary" busy={save.busy}>
                  Save persona
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => current.data && setDraft(current.data.persona)}
                >
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
