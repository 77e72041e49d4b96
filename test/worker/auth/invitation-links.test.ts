// Invitation links: the link's token shows which workspace it opens and with which role, is accepted in
// one call by the signed-in person it was meant for, and says why it no longer works once used,
// withdrawn or expired.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, errorOf, freshEmail, seedWorkspace, signUp, type SeededWorkspace } from "./helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function invite(email: string, role = "editor") {
  const res = await call("/api/v1/members", {
    token: workspace.members.owner.token,
    body: { email, role },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { invitation_token: string; invitation: { id: string } };
}

describe("GET /api/v1/invitations/:token", () => {
  it("shows the workspace, the role and the invited email without a sign-in", async () => {
    const email = freshEmail("preview");
    const { invitation_token } = await invite(email, "viewer");
    const res = await call(`/api/v1/invitations/${invitation_token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ workspace_name: "Seeded", role: "viewer", email });
  });

  it("answers 404 for a token that opens nothing", async () => {
    const res = await call("/api/v1/invitations/not-a-real-token");
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it("says a withdrawn invitation was revoked, and leaves it off the team", async () => {
    const { invitation_token, invitation } = await invite(freshEmail("revoked"));
    const revoke = await call(`/api/v1/members/invitations/${invitation.id}`, {
      method: "DELETE",
      token: workspace.members.admin.token,
    });
    expect(revoke.status).toBe(204);
    const res = await call(`/api/v1/invitations/${invitation_token}`);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe("invitation_revoked");
    const team = (await (
      await call("/api/v1/members", { token: workspace.members.owner.token })
    ).json()) as { invitations: { id: string }[] };
    expect(team.invitations.map((i) => i.id)).not.toContain(invitation.id);
  });

  it("says an invitation past its time has expired", async () => {
    const { invitation_token, invitation } = await invite(freshEmail("late"));
    await forTenant(env.DB, workspace.tenantId).update("invitations", invitation.id, {
      expiresAt: Date.now() - 1000,
    });
    const res = await call(`/api/v1/invitations/${invitation_token}`);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe("invitation_expired");
  });
});

describe("POST /api/v1/invitations/:token/accept", () => {
  it("adds the signed-in invitee with the invited role, once", async () => {
    const person = await signUp({ email: freshEmail("joiner") });
    const { invitation_token } = await invite(person.email, "editor");
    const accept = () =>
      call(`/api/v1/invitations/${invitation_token}/accept`, {
        method: "POST",
        token: person.session.access_token,
      });
    const res = await accept();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      tenant_id: workspace.tenantId,
      workspace_name: "Seeded",
      role: "editor",
    });
    const workspaces = (await (
      await call("/api/v1/me/workspaces", { token: person.session.access_token })
    ).json()) as { workspaces: { tenant_id: string; role: string }[] };
    expect(workspaces.workspaces).toContainEqual(
      expect.objectContaining({ tenant_id: workspace.tenantId, role: "editor" }),
    );
    const again = await accept();
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe("invitation_used");
  });

  it("refuses someone signed in with another email, leaving the invitation open", async () => {
    const { invitation_token } = await invite(freshEmail("intended"));
    const stranger = await signUp({ email: freshEmail("stranger") });
    const res = await call(`/api/v1/invitations/${invitation_token}/accept`, {
      method: "POST",
      token: stranger.session.access_token,
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("invitation_for_another_email");
    expect((await call(`/api/v1/invitations/${invitation_token}`)).status).toBe(200);
  });

  it("needs a sign-in", async () => {
    const { invitation_token } = await invite(freshEmail("anonymous"));
    const res = await call(`/api/v1/invitations/${invitation_token}/accept`, { method: "POST" });
    expect(res.status).toBe(401);
  });
});
