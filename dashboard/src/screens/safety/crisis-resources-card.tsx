// The workspace's crisis resources: the services the fixed reply to a message in a crisis names first,
// for the person's country and language, before the built-in helplines and the emergency number. A
// list to add to, edit and remove from, an introduction per language, and a preview of the reply.
import { useState } from "react";
import {
  CRISIS_LANGUAGES,
  MAX_CRISIS_RESOURCES,
  type CrisisResource,
} from "@coach/contracts/safety-settings";
import { DataTable } from "../../components/data-table";
import { TextField } from "../../components/form-fields";
import { LoadError, Loaded } from "../../components/resource-view";
import { Button, Card, ErrorNotice, SuccessNotice } from "../../components/ui";
import { submitting } from "../../lib/use-resource";
import { CrisisReplyPreview } from "./crisis-reply-preview";
import { CrisisResourceForm, LANGUAGE_NAMES } from "./crisis-resource-form";
import { useSettingsDraft } from "../../lib/use-settings-draft";

/** Which resource the form edits: its index, "new", or none (the form is closed). */
type Editing = number | "new" | null;

function reach(resource: CrisisResource): string {
  return [resource.phone, resource.url, resource.text].filter(Boolean).join(" · ");
}

export function CrisisResourcesCard() {
  const { current, draft, change, save, saved, mayChange } = useSettingsDraft(
    "/safety/crisis-resources",
  );
  const [editing, setEditing] = useState<Editing>(null);
  const place = (resource: CrisisResource) => {
    change((d) => ({
      ...d,
      resources:
        editing === "new"
          ? [...d.resources, resource]
          : d.resources.map((r, i) => (i === editing ? resource : r)),
    }));
    setEditing(null);
  };

  return (
    <Card title="Crisis resources">
      <p className="muted">
        When a message reads as a crisis, the assistant answers at once with fixed words. It names
        up to three of these first — the person’s country before “everyone”, their language before
        “every language” — then the built-in helplines of their country (or findahelpline.com) and
        the emergency number, which always stays. The country is known from a WhatsApp number only.
      </p>
      <LoadError resource={current} title="Could not load the crisis resources" />
      <Loaded resource={current} lines={4}>
        {draft && (
          <form onSubmit={submitting(save)}>
            {draft.resources.length === 0 ? (
              <p className="muted">None yet: the built-in helplines answer alone.</p>
            ) : (
              <DataTable columns={["Country", "Language", "Name", "Reach"]} actions={mayChange}>
                {draft.resources.map((resource, index) => (
                  <tr key={`${resource.country}:${resource.name}:${index}`}>
                    <td>{resource.country === "*" ? "Everyone" : resource.country}</td>
                    <td>{resource.language ? LANGUAGE_NAMES[resource.language] : "Every"}</td>
                    <td>{resource.name}</td>
                    <td>{reach(resource)}</td>
                    {mayChange && (
                      <td className="row-actions">
                        <Button variant="ghost" onClick={() => setEditing(index)}>
                          Edit
                        </Button>
                        <Button
                          variant="ghost"
                          aria-label={`Remove ${resource.name}`}
                          onClick={() =>
                            change((d) => ({
                              ...d,
                              resources: d.resources.filter((_, i) => i !== index),
                            }))
                          }
                        >
                          Remove
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </DataTable>
            )}
            {editing !== null ? (
              <CrisisResourceForm
                key={String(editing)}
                resource={editing === "new" ? undefined : draft.resources[editing]}
                onDone={place}
                onCancel={() => setEditing(null)}
              />
            ) : (
              mayChange &&
              draft.resources.length < MAX_CRISIS_RESOURCES && (
                <Button onClick={() => setEditing("new")}>Add a resource</Button>
              )
            )}
            <fieldset className="fieldset">
              <legend>Introduction, per language (optional)</legend>
              {CRISIS_LANGUAGES.map((language) => (
                <TextField
                  key={language}
                  label={LANGUAGE_NAMES[language]}
                  placeholder={language === "en" ? "Your coach recommends:" : undefined}
                  value={draft.intro[language] ?? ""}
                  maxLength={200}
                  disabled={!mayChange}
                  onValue={(value) =>
                    change((d) => ({ ...d, intro: { ...d.intro, [language]: value || undefined } }))
                  }
                />
              ))}
            </fieldset>
            <ErrorNotice error={save.error} title="The crisis resources were not saved" />
            {saved && <SuccessNotice>Saved. The next crisis reply names them.</SuccessNotice>}
            {mayChange ? (
              <Button type="submit" variant="primary" busy={save.busy}>
                Save crisis resources
              </Button>
            ) : (
              <p className="muted small">Only owners and admins can change them.</p>
            )}
            <CrisisReplyPreview draft={draft} />
          </form>
        )}
      </Loaded>
    </Card>
  );
}
