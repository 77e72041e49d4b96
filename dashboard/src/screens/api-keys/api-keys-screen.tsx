// API keys for scripts and integrations: create one with scopes (the key is shown once), see when each
// was last used, revoke.
import { useState } from "react";
import { useApi } from "../../auth/auth-context";
import {
  Badge,
  Button,
  Card,
  CopyButton,
  EmptyState,
  ErrorNotice,
  PageHeader,
  Skeleton,
  SuccessNotice,
  TextField,
} from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { submitting, useAction, useResource } from "../../lib/use-resource";
import { DataTable } from "../../components/data-table";

const SCOPES = [
  { scope: "knowledge:read", label: "Read the knowledge library" },
  { scope: "knowledge:write", label: "Upload and change material" },
  { scope: "members:read", label: "Read the team" },
];

export function ApiKeysScreen() {
  const api = useApi();
  const keys = useResource((signal) => api.get("/api-keys", { signal }), [api]);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<string[]>(["knowledge:read"]);
  const [created, setCreated] = useState<string | null>(null);
  const create = useAction(async () => {
    const key = await api.post("/api-keys", { body: { name, scopes } });
    setCreated(key.key);
    setName("");
    await keys.reload();
  });
  const revoke = useAction(async (id: string) => {
    await api.del("/api-keys/:id", { params: { id } });
    await keys.reload();
  });
  const onSubmit = submitting(create);
  const list = keys.data?.api_keys ?? [];

  return (
    <>
      <PageHeader
        title="API keys"
        description="Let your own scripts and tools use the API. Each key can do only what its scopes allow."
      />
      <Card title="Create a key">
        <form onSubmit={onSubmit}>
          <TextField
            label="Name"
            hint="What it is for, e.g. “Course site sync”."
            required
            maxLength={100}
            value={name}
            onValue={(value) => setName(value)}
          />
          <fieldset className="fieldset">
            <legend>Scopes</legend>
            {SCOPES.map((s) => (
              <label key={s.scope} className="check-label">
                <input
                  type="checkbox"
                  checked={scopes.includes(s.scope)}
                  onChange={(e) =>
                    setScopes((list) =>
                      e.target.checked ? [...list, s.scope] : list.filter((x) => x !== s.scope),
                    )
                  }
                />{" "}
                {s.label} <code className="small">{s.scope}</code>
              </label>
            ))}
          </fieldset>
          <ErrorNotice error={create.error} title="The key was not created" />
          <Button type="submit" variant="primary" busy={create.busy} disabled={scopes.length === 0}>
            Create key
          </Button>
        </form>
        {created && (
          <SuccessNotice>
            Copy this key now; it is not shown again.
            <div className="kv">
              <code>{created}</code>
              <CopyButton text={created} label="Copy key" />
            </div>
          </SuccessNotice>
        )}
      </Card>
      <Card title="Keys">
        <ErrorNotice
          error={keys.error}
          onRetry={() => void keys.reload()}
          title="Could not load the keys"
        />
        <ErrorNotice error={revoke.error} title="The key was not revoked" />
        {keys.loading && !keys.data ? (
          <Skeleton lines={3} />
        ) : list.length === 0 && !keys.error ? (
          <EmptyState title="No API keys">
            Create one above when a script or tool needs to reach your workspace.
          </EmptyState>
        ) : (
          <DataTable columns={["Name", "Scopes", "Last used", "Status"]} actions>
            {list.map((k) => (
              <tr key={k.id}>
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
                    <Button
                      variant="ghost"
                      onClick={() => void revoke.run(k.id)}
                      aria-label={`Revoke ${k.name}`}
                    >
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}
