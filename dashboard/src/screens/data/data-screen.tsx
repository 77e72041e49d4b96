// Export and delete: the workspace's data as a JSON download, how long it keeps its data, one end
// user's data (export or erase, by contact id), the person's own account data, and deleting the
// workspace (confirmed by typing its slug).
import { useState } from "react";
import { useAuth, useMe } from "../../auth/auth-context";
import { Field, TextField } from "../../components/form-fields";
import { Button, Card, ErrorNotice, PageHeader, SuccessNotice } from "../../components/ui";
import { submitting, useAction } from "../../lib/use-resource";
import { RetentionCard } from "./retention-card";

function download(name: string, data: unknown): void {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function DataScreen() {
  const { api, signOut } = useAuth();
  const me = useMe();
  const [contactId, setContactId] = useState("");
  const [confirm, setConfirm] = useState("");
  const [erased, setErased] = useState<string | null>(null);
  const exportWorkspace = useAction(async () =>
    download(`${me.tenant.slug}-export.json`, await api.get("/workspace/export")),
  );
  const exportMine = useAction(async () =>
    download("my-account.json", await api.get("/me/export")),
  );
  const exportContact = useAction(async () =>
    download(
      `contact-${contactId}.json`,
      await api.get("/contacts/:id/export", { params: { id: contactId } }),
    ),
  );
  const eraseContact = useAction(async () => {
    const receipt = await api.del("/contacts/:id", { params: { id: contactId } });
    setErased(
      receipt.complete
        ? "Erased from every store."
        : "Partly erased: a store could not be reached. Press erase again to finish.",
    );
  });
  const deleteWorkspace = useAction(async () => {
    await api.del("/workspace", { body: { confirm } });
    await signOut();
  });

  return (
    <>
      <PageHeader
        title="Export & delete"
        description="Your data is yours: take it with you, answer your users’ privacy requests, or close the workspace."
      />
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
          Export or erase everything stored about one end user. Their contact id is shown in the
          inbox.
        </p>
        <TextField
          label="Contact id"
          value={contactId}
          onValue={(value) => setContactId(value.trim())}
        />
        <ErrorNotice
          error={exportContact.error ?? eraseContact.error}
          title="The request did not work"
        />
        {erased && <SuccessNotice>{erased}</SuccessNotice>}
        <div className="row-actions">
          <Button
            disabled={!contactId}
            busy={exportContact.busy}
            onClick={() => void exportContact.run()}
          >
            Export user’s data
          </Button>
          <Button
            variant="danger"
            disabled={!contactId}
            busy={eraseContact.busy}
            onClick={() => void eraseContact.run()}
          >
            Erase user’s data
          </Button>
        </div>
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
