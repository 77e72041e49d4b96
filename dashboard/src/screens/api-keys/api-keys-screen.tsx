// API keys for scripts and integrations: create one with scopes (the key is shown once), see when each
// was last used, revoke.
import { useState } from "react";
import type { ApiKey } from "@coach/contracts/account-views";
import { useApi } from "../../auth/auth-context";
import { CheckboxGroup } from "../../components/checkboxes";
import { DataTable } from "../../components/data-table";
import { TextField } from "../../components/form-fields";
import { ListCard } from "../../components/list-card";
import { ScreenHeader } from "../../components/screen-header";
import { SecretForm, type SecretFormTexts } from "../../components/secret-form";
import { Badge, Button, EmptyState } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";

const NO_KEYS = (
  <EmptyState title="No API keys">
    Create one above when a script or tool needs to reach your workspace.
  </EmptyState>
);

const NEW_KEY: SecretFormTexts = {
  title: "Create a key",
  failed: "The key was not created",
  submit: "Create key",
  copyLabel: "Copy key",
  note: "Copy this key now; it is not shown again.",
};

const SCOPES = {
  "knowledge:read": "Read the knowledge library",
  "knowledge:write": "Upload and change material",
  "members:read": "Read the team",
};

function KeyRow({ apiKey: k, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  return (
    <tr>
      <td>
        <strong>{k.name}</strong>
        <div className="muted small">
          <code>{k.prefix}…</code> · created {formatDateTime(k.created_at)}
        </div>
      </td>
      <td>{k.scopes.join(", ")}</td>
      <td>{formatDateTime(k.last_used_at)}</td>
      <td>
        {k.revoked_at ? (
          <Badge tone="neutral">Revoked</Badge>
        ) : k.expires_at && Date.parse(k.expires_at) < Date.now() ? (
          <Badge tone="warn">Expired</Badge>
        ) : (
          <Badge tone="good">Active</Badge>
        )}
      </td>
      <td className="row-actions">
        {!k.revoked_at && (
          <Button variant="ghost" onClick={onRevoke} aria-label={`Revoke ${k.name}`}>
            Revoke
          </Button>
        )}
      </td>
    </tr>
  );
}

/** The form for a new key, and the key once created. */
function NewKey({ onCreated }: { onCreated: () => Promise<void> }) {
  const api = useApi();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["knowledge:read"]);
  const create = async () => {
    const key = await api.post("/api-keys", { body: { name, scopes } });
    setName("");
    return key.key;
  };
  return (
    <SecretForm
      texts={NEW_KEY}
      create={create}
      onCreated={onCreated}
      disabled={scopes.length === 0}
    >
      <TextField
        label="Name"
        hint="What it is for, e.g. “Course site sync”."
        required
        maxLength={100}
        value={name}
        onValue={setName}
      />
      <CheckboxGroup legend="Scopes" options={SCOPES} selected={scopes} onSelected={setScopes} />
    </SecretForm>
  );
}

export function ApiKeysScreen() {
  const keys = useApiResource("/api-keys", { failed: "Could not load the keys" });
  const revoke = useDeletion(keys, "/api-keys/:id", { failed: "The key was not revoked" });
  const list = keys.data?.api_keys ?? [];

  return (
    <>
      <ScreenHeader />
      <NewKey onCreated={keys.reload} />
      <ListCard title="Keys" resource={keys} action={revoke} items={list} empty={NO_KEYS}>
        <DataTable columns={["Name", "Scopes", "Last used", "Status"]} actions>
          {list.map((k) => (
            <KeyRow key={k.id} apiKey={k} onRevoke={() => void revoke.run(k.id)} />
          ))}
        </DataTable>
      </ListCard>
    </>
  );
}
