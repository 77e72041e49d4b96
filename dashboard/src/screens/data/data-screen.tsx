// Export and delete: the workspace's data as a JSON download, how long it keeps its data, one end
// user's data (export or erase, by contact id; also beside the person in the inbox), the person's own
// account data, and deleting the workspace (confirmed by typing its slug).
import { useState } from "react";
import { useAuth, useMe } from "../../auth/auth-context";
import { ContactPrivacy } from "../../components/contact-privacy";
import { Field, TextField } from "../../components/form-fields";
import { ScreenHeader } from "../../components/screen-header";
import { Button, Card, ErrorNotice } from "../../components/ui";
import { downloadJson } from "../../lib/download";
import { submitting, useAction } from "../../lib/use-resource";
import { RetentionCard } from "./retention-card";

export function DataScreen() {
  const { api, signOut } = useAuth();
  const me = useMe();
  const [contactId, setContactId] = useState("");
  const [confirm, setConfirm] = useState("");
  const exportWorkspace = useAction(async () =>
    downloadJson(`${me.tenant.slug}-export.json`, await api.get("/workspace/export")),
  );
  const exportMine = useAction(async () =>
    downloadJson("my-account.json", await api.get("/me/export")),
  );
  const deleteWorkspace = useAction(async () => {
    await api.del("/workspace", { body: { confirm } });
    await signOut();
  });

  return (
    <>
      <ScreenHeader />
      <Card title="Export">
        <p className="muted">
          One JSON file with the whole workspace: persona, widget and channel settings (never their
          credentials), the team and open invitations, programs with every version, coaching rules,
          corrections, webhooks (without signing secrets), the library with a download link to each
          original file (the links work for seven days), contacts, and every conversation with its
          messages.
        </p>
        <ErrorNotice
          error={exportWorkspace.error ?? exportMine.error}
          title="The export did not work"
        />
        <div className="row-actions">
          <Button
            variant="primary"
            busy={exportWorkspace.busy}
            onClick={() => void exportWorkspace.run()}
          >
            Export workspace
          </Button>
          <Button busy={exportMine.busy} onClick={() => void exportMine.run()}>
            Export my account
          </Button>
        </div>
      </Card>
      <RetentionCard />
      <Card title="A user’s data (privacy requests)">
        <p className="muted">
          Export or erase everything stored about one end user: open their conversation in the inbox
          and use “About …” beside the transcript, or paste their contact id here (from the
          workspace export or the API).
        </p>
        <TextField
          label="Contact id"
          value={contactId}
          onValue={(value) => setContactId(value.trim())}
        />
        <ContactPrivacy contactId={contactId} name="this user" />
      </Card>
      <Card title="Delete this workspace" className="danger-zone">
        <p>
          Deletes the material, conversations, channels and settings of{" "}
          <strong>{me.tenant.name}</strong> for everyone. This cannot be undone; export first.
        </p>
        <form onSubmit={submitting(deleteWorkspace)}>
          <Field label={`Type the workspace’s id “${me.tenant.slug}” to confirm`}>
            {(id) => (
              <input
                id={id}
                autoComplete="off"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            )}
          </Field>
          <ErrorNotice error={deleteWorkspace.error} title="The workspace was not deleted" />
          <Button
            type="submit"
            variant="danger"
            disabled={confirm !== me.tenant.slug || me.role !== "owner"}
            busy={deleteWorkspace.busy}
          >
            Delete workspace for good
          </Button>
          {me.role !== "owner" && (
            <p className="muted small">Only an owner can delete the workspace.</p>
          )}
        </form>
      </Card>
    </>
  );
}
