// Team and roles: members with their role (changeable by owners and admins), pending invitations, and a
// form to invite someone. The invitation link (this dashboard's /invite/<token>) is shown once.
import { useState } from "react";
import type { Invitation, Member, Role } from "@coach/contracts/account-views";
import { useApi, useMe } from "../../auth/auth-context";
import { DataTable } from "../../components/data-table";
import { Field, TextField } from "../../components/form-fields";
import { ListCard } from "../../components/list-card";
import { OneTimeSecret } from "../../components/one-time-secret";
import { ScreenHeader } from "../../components/screen-header";
import { Button, Card, ErrorNotice } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { ROLE_HELP, ROLES } from "../../lib/roles";
import { useApiResource } from "../../lib/use-api-resource";
import { useDeletion } from "../../lib/use-deletion";
import { submitting, useAction, useReloadingAction } from "../../lib/use-resource";
import { PlanUsageCard } from "./plan-usage-card";

/** The link an invitee opens: this dashboard's invitation page for the token. */
function invitationLink(token: string): string {
  return `${window.location.origin}/invite/${encodeURIComponent(token)}`;
}

function MemberRow({
  member: m,
  manageable,
  onRole,
  onRemove,
}: {
  member: Member;
  /** Whether the one looking may change this member's role or remove them. */
  manageable: boolean;
  onRole: (role: Role) => void;
  onRemove: () => void;
}) {
  const name = m.email ?? m.full_name;
  return (
    <tr>
      <td>
        <strong>{m.full_name ?? "—"}</strong>
        <div className="muted small">{m.email}</div>
      </td>
      <td>
        {manageable ? (
          <select
            aria-label={`Role of ${name}`}
            value={m.role}
            onChange={(e) => onRole(e.target.value as Role)}
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
        {manageable && (
          <Button variant="ghost" onClick={onRemove} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        )}
      </td>
    </tr>
  );
}

function InvitationRow({
  invitation: i,
  revocable,
  onRevoke,
}: {
  invitation: Invitation;
  revocable: boolean;
  onRevoke: () => void;
}) {
  return (
    <tr>
      <td>
        <strong>{i.email}</strong>
        <div className="muted small">Invited · expires {formatDateTime(i.expires_at)}</div>
      </td>
      <td>{i.role}</td>
      <td>—</td>
      <td className="row-actions">
        {revocable && (
          <Button
            variant="ghost"
            onClick={onRevoke}
            aria-label={`Revoke the invitation of ${i.email}`}
          >
            Revoke
          </Button>
        )}
      </td>
    </tr>
  );
}

export function TeamScreen() {
  const api = useApi();
  const me = useMe();
  const team = useApiResource("/members", { failed: "Could not load the team" });
  const canManage = me.role === "owner" || me.role === "admin";
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [invited, setInvited] = useState<{ email: string; link: string } | null>(null);
  const invite = useAction(async () => {
    const result = await api.post("/members", { body: { email, role } });
    setInvited({ email, link: invitationLink(result.invitation_token) });
    setEmail("");
    await team.reload();
  });
  const changeRole = useReloadingAction(team, (id: string, next: Role) =>
    api.patch("/members/:id", { params: { id }, body: { role: next } }),
  );
  const remove = useDeletion(team, "/members/:id");
  const revoke = useDeletion(team, "/members/invitations/:id");
  // Changing a role, removing a member and revoking an invitation share one notice.
  const action = {
    error: changeRole.error ?? remove.error ?? revoke.error,
    failed: "That did not work",
  };

  return (
    <>
      <ScreenHeader />
      <ListCard title="Members" resource={team} action={action}>
        <DataTable columns={["Person", "Role", "Since"]} actions>
          {team.data?.members.map((m) => (
            <MemberRow
              key={m.id}
              member={m}
              manageable={canManage && m.user_id !== me.user.id}
              onRole={(role) => void changeRole.run(m.id, role)}
              onRemove={() => void remove.run(m.id)}
            />
          ))}
          {team.data?.invitations.map((i) => (
            <InvitationRow
              key={i.id}
              invitation={i}
              revocable={canManage}
              onRevoke={() => void revoke.run(i.id)}
            />
          ))}
        </DataTable>
      </ListCard>
      {canManage && (
        <Card title="Invite someone">
          <form className="inline-form" onSubmit={submitting(invite)}>
            <TextField label="Email" type="email" required value={email} onValue={setEmail} />
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
            <OneTimeSecret secret={invited.link} copyLabel="Copy link">
              Invitation created for {invited.email}. Send them this link: they join in one click
              after signing in or creating their account. It works once, for seven days, and is not
              shown again.
            </OneTimeSecret>
          )}
        </Card>
      )}
      <PlanUsageCard />
    </>
  );
}
