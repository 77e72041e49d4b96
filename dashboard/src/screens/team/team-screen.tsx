// Team and roles: members with their role (changeable by owners and admins), pending invitations, and a
// form to invite someone. The invitation link carries a token shown once.
import { useState } from "react";
import type { Role } from "@coach/contracts/account-views";
import { useApi, useMe } from "../../auth/auth-context";
import {
  Button,
  Card,
  CopyButton,
  ErrorNotice,
  Field,
  PageHeader,
  Skeleton,
  SuccessNotice,
  TextField,
} from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { submitting, useAction, useResource } from "../../lib/use-resource";
import { DataTable } from "../../components/data-table";

const ROLES: Role[] = ["owner", "admin", "editor", "viewer"];
const ROLE_HELP: Record<Role, string> = {
  owner: "Everything, including billing-level decisions and personal-data requests.",
  admin: "Everything except personal-data requests.",
  editor: "Material, persona and conversations.",
  viewer: "Reads everything, changes nothing.",
};

export function TeamScreen() {
  const api = useApi();
  const me = useMe();
  const team = useResource((signal) => api.get("/members", { signal }), [api]);
  const canManage = me.role === "owner" || me.role === "admin";
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [invited, setInvited] = useState<{ email: string; token: string } | null>(null);
  const invite = useAction(async () => {
    const result = await api.post("/members", { body: { email, role } });
    setInvited({ email, token: result.invitation_token });
    setEmail("");
    await team.reload();
  });
  const changeRole = useAction(async (id: string, next: Role) => {
    await api.patch("/members/:id", { params: { id }, body: { role: next } });
    await team.reload();
  });
  const remove = useAction(async (id: string) => {
    await api.del("/members/:id", { params: { id } });
    await team.reload();
  });
  const revoke = useAction(async (id: string) => {
    await api.del("/members/invitations/:id", { params: { id } });
    await team.reload();
  });
  const onInvite = submitting(invite);

  return (
    <>
      <PageHeader
        title="Team & roles"
        description="Who can work in this workspace, and what each may do."
      />
      <Card title="Members">
        <ErrorNotice
          error={team.error}
          onRetry={() => void team.reload()}
          title="Could not load the team"
        />
        <ErrorNotice
          error={changeRole.error ?? remove.error ?? revoke.error}
          title="That did not work"
        />
        {team.loading && !team.data ? (
          <Skeleton lines={3} />
        ) : (
          <DataTable columns={["Person", "Role", "Since"]} actions>
            {team.data?.members.map((m) => (
              <tr key={m.id}>
                <td>
                  <strong>{m.full_name ?? "—"}</strong>
                  <div className="muted small">{m.email}</div>
                </td>
                <td>
                  {canManage && m.user_id !== me.user.id ? (
                    <select
                      aria-label={`Role of ${m.email ?? m.full_name}`}
                      value={m.role}
                      onChange={(e) => void changeRole.run(m.id, e.target.value as Role)}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    m.role
                  )}
                </td>
                <td>{formatDateTime(m.created_at)}</td>
                <td className="row-actions">
                  {canManage && m.user_id !== me.user.id && (
                    <Button
                      variant="ghost"
                      onClick={() => void remove.run(m.id)}
                      aria-label={`Remove ${m.email ?? m.full_name}`}
                    >
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            ))}
            {team.data?.invitations.map((i) => (
              <tr key={i.id}>
                <td>
                  <strong>{i.email}</strong>
                  <div className="muted small">
                    Invited · expires {formatDateTime(i.expires_at)}
                  </div>
                </td>
                <td>{i.role}</td>
                <td>—</td>
                <td className="row-actions">
                  {canManage && (
                    <Button
                      variant="ghost"
                      onClick={() => void revoke.run(i.id)}
                      aria-label={`Revoke the invitation of ${i.email}`}
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
      {canManage && (
        <Card title="Invite someone">
          <form className="inline-form" onSubmit={onInvite}>
            <TextField
              label="Email"
              type="email"
              required
              value={email}
              onValue={(value) => setEmail(value)}
            />
            <Field label="Role" hint={ROLE_HELP[role]}>
              {(id, describedBy) => (
                <select
                  id={id}
                  aria-describedby={describedBy}
                  value={role}
                  onChange={(e) => setRole(e.target.value as Role)}
                >
                  {ROLES.filter((r) => me.role === "owner" || r !== "owner").map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Button type="submit" variant="primary" busy={invite.busy}>
              Invite
            </Button>
          </form>
          <ErrorNotice error={invite.error} title="The invitation was not created" />
          {invited && (
            <SuccessNotice>
              Invitation created for {invited.email}. Send them this invitation token; they enter it
              when they sign up or sign in (it is not shown again):
              <div className="kv">
                <code>{invited.token}</code>
                <CopyButton text={invited.token} label="Copy token" />
              </div>
            </SuccessNotice>
          )}
        </Card>
      )}
    </>
  );
}
