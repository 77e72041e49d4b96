// The workspace switcher: the workspaces this person belongs to, and a switch that signs into another
// (POST /me/workspaces/switch); every screen then shows the new workspace.
import { useState } from "react";
import { useNavigate } from "react-router";
import { useAuth, useMe } from "../../auth/auth-context";
import { ErrorNotice, Skeleton } from "../../components/ui";
import { useAction, useResource } from "../../lib/use-resource";

export function WorkspaceSwitcher() {
  const me = useMe();
  const { api, switchWorkspace } = useAuth();
  const navigate = useNavigate();
  const workspaces = useResource(
    (signal) => api.get("/me/workspaces", { signal }),
    [api, me.tenant.id],
  );
  const [selected, setSelected] = useState(me.tenant.id);
  const change = useAction(async (tenantId: string) => {
    await switchWorkspace(tenantId);
    navigate("/");
  });

  if (workspaces.loading && !workspaces.data) return <Skeleton lines={1} />;
  const list = workspaces.data?.workspaces ?? [
    {
      tenant_id: me.tenant.id,
      name: me.tenant.name,
      slug: me.tenant.slug,
      role: me.role,
      current: true,
    },
  ];
  return (
    <div className="workspace-switcher">
      <label htmlFor="workspace-select" className="small muted">
        Workspace
      </label>
      {list.length > 1 ? (
        <select
          id="workspace-select"
          value={selected}
          disabled={change.busy}
          onChange={(event) => {
            setSelected(event.target.value);
            void change.run(event.target.value);
          }}
        >
          {list.map((w) => (
            <option key={w.tenant_id} value={w.tenant_id}>
              {w.name} ({w.role})
            </option>
          ))}
        </select>
      ) : (
        <p id="workspace-select" className="workspace-name">
          {me.tenant.name}
        </p>
      )}
      <ErrorNotice error={change.error ?? workspaces.error} title="Could not switch workspace" />
    </div>
  );
}
