// The dashboard's workspace switcher: listing a person's workspaces and switching the sign-in to another.
import { describe, expect, it } from "vitest";
import { call, errorOf, PASSWORD, seedWorkspace, signIn, signUp } from "../auth/helpers";

type Workspaces = {
  workspaces: { tenant_id: string; name: string; role: string; current: boolean }[];
};
type Session = {
  access_token: string;
  refresh_token: string;
  tenant: { id: string; role: string };
};

/** A person who owns their own workspace and was invited into a second one as an editor. */
async function personInTwoWorkspaces() {
  const { email, session } = await signUp({ full_name: "Two Hats" });
  const other = await seedWorkspace();
  const invited = await call("/api/v1/members", {
    token: other.members.owner.token,
    body: { email, role: "editor" },
  });
  const { invitation_token } = (await invited.json()) as { invitation_token: string };
  const accepted = await signIn(email, PASSWORD, { invitation_token });
  expect(accepted.status).toBe(200);
  return { own: session, otherTenantId: other.tenantId };
}

describe("workspaces of the signed-in person", () => {
  it("lists every workspace with the person's role there and marks the current one", async () => {
    const { own, otherTenantId } = await personInTwoWorkspaces();
    const res = await call("/api/v1/me/workspaces", { token: own.access_token });
    expect(res.status).toBe(200);
    const { workspaces } = (await res.json()) as Workspaces;
    expect(workspaces.map((w) => [w.tenant_id, w.role, w.current]).sort()).toEqual(
      [
        [own.tenant.id, "owner", true],
        [otherTenantId, "editor", false],
      ].sort(),
    );
  });

  it("switches to another workspace: new tokens carry its role, and the old sign-in ends", async () => {
    const { own, otherTenantId } = await personInTwoWorkspaces();
    const res = await call("/api/v1/me/workspaces/switch", {
      token: own.access_token,
      body: { tenant_id: otherTenantId },
    });
    expect(res.status).toBe(200);
    const switched = (await res.json()) as Session;
    expect(switched.tenant).toMatchObject({ id: otherTenantId, role: "editor" });
    const me = await call("/api/v1/me", { token: switched.access_token });
    expect(((await me.json()) as { tenant: { id: string } }).tenant.id).toBe(otherTenantId);
    // An editor may not read the audit log: the role really changed.
    expect((await call("/api/v1/audit", { token: switched.access_token })).status).toBe(403);
    expect((await call("/api/v1/me", { token: own.access_token })).status).toBe(401);
    expect(
      (await call("/api/v1/auth/refresh", { body: { refresh_token: own.refresh_token } })).status,
    ).toBe(401);
  });

  it("answers 404 for a workspace the person does not belong to", async () => {
    const { session } = await signUp();
    const stranger = await seedWorkspace();
    const res = await call("/api/v1/me/workspaces/switch", {
      token: session.access_token,
      body: { tenant_id: stranger.tenantId },
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
    expect((await call("/api/v1/me", { token: session.access_token })).status).toBe(200);
  });
});
