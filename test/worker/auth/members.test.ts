import { describe, expect, it } from "vitest";
import { call, errorOf, freshEmail, PASSWORD, seedWorkspace, signIn, signUp } from "./helpers";

type Member = { id: string; user_id: string; role: string };

async function invite(token: string, email: string, role: string) {
  const res = await call("/api/v1/members", { token, body: { email, role } });
  return {
    res,
    body: (await res.json()) as { invitation_token: string; invitation: { id: string } },
  };
}

async function membersOf(token: string): Promise<Member[]> {
  return ((await (await call("/api/v1/members", { token })).json()) as { members: Member[] })
    .members;
}

describe("invitations", () => {
  it("an invitation is accepted by signing up, joining with the invited role", async () => {
    const { members } = await seedWorkspace();
    const email = freshEmail("invitee");
    const { body } = await invite(members.owner.token, email, "editor");
    const { session } = await signUp({ email, invitation_token: body.invitation_token });
    expect(session.tenant.role).toBe("editor");
    expect(
      (await membersOf(members.owner.token)).some(
        (m) => m.user_id === session.user.id && m.role === "editor",
      ),
    ).toBe(true);
  });

  it("an invitation is accepted by signing in to an existing account", async () => {
    const { members, tenantId } = await seedWorkspace();
    const { email } = await signUp();
    const { body } = await invite(members.admin.token, email, "viewer");
    const res = await signIn(email, PASSWORD, { invitation_token: body.invitation_token });
    expect(((await res.json()) as { tenant: { id: string; role: string } }).tenant).toMatchObject({
      id: tenantId,
      role: "viewer",
    });
  });

  it("an invitation cannot be used by another email address", async () => {
    const { members } = await seedWorkspace();
    const { body } = await invite(members.owner.token, freshEmail("intended"), "admin");
    const res = await call("/api/v1/auth/register", {
      body: {
        email: freshEmail("thief"),
        password: PASSWORD,
        full_name: "Thief",
        invitation_token: body.invitation_token,
      },
    });
    expect(res.status).toBe(400);
  });

  it("an invitation works once", async () => {
    const { members } = await seedWorkspace();
    const email = freshEmail("invitee");
    const { body } = await invite(members.owner.token, email, "editor");
    await signUp({ email, invitation_token: body.invitation_token });
    const again = await signIn(email, PASSWORD, { invitation_token: body.invitation_token });
    expect(again.status).toBe(400);
  });

  it("an admin cannot invite an owner", async () => {
    const { members } = await seedWorkspace();
    expect((await invite(members.admin.token, freshEmail(), "owner")).res.status).toBe(403);
  });
});

describe("roles and removal", () => {
  it("an owner changes a member's role, and it takes effect on the member's current token", async () => {
    const { members } = await seedWorkspace();
    const res = await call(`/api/v1/members/${members.viewer.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "admin" },
    });
    expect(res.status).toBe(200);
    expect((await call("/api/v1/api-keys", { token: members.viewer.token })).status).toBe(200);
  });

  it("the last owner cannot be demoted", async () => {
    const { members } = await seedWorkspace();
    const res = await call(`/api/v1/members/${members.owner.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "admin" },
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("last_owner");
  });

  it("the last owner cannot be removed", async () => {
    const { members } = await seedWorkspace();
    const res = await call(`/api/v1/members/${members.owner.membershipId}`, {
      method: "DELETE",
      token: members.owner.token,
    });
    expect(res.status).toBe(409);
  });

  it("with a second owner, the first can step down", async () => {
    const { members } = await seedWorkspace();
    await call(`/api/v1/members/${members.admin.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "owner" },
    });
    const res = await call(`/api/v1/members/${members.owner.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "editor" },
    });
    expect(res.status).toBe(200);
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const { members } = await seedWorkspace();
    await call(`/api/v1/members/${members.admin.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "owner" },
    });
    await Promise.all([
      call(`/api/v1/members/${members.admin.membershipId}`, {
        method: "PATCH",
        token: members.owner.token,
        body: { role: "viewer" },
      }),
      call(`/api/v1/members/${members.owner.membershipId}`, {
        method: "PATCH",
        token: members.admin.token,
        body: { role: "viewer" },
      }),
    ]);
    expect((await membersOf(members.editor.token)).filter((m) => m.role === "owner")).toHaveLength(
      1,
    );
  });

  it("an admin cannot demote an owner", async () => {
    const { members } = await seedWorkspace();
    await call(`/api/v1/members/${members.editor.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "owner" },
    });
    const res = await call(`/api/v1/members/${members.owner.membershipId}`, {
      method: "PATCH",
      token: members.admin.token,
      body: { role: "viewer" },
    });
    expect(res.status).toBe(403);
  });

  it("a removed member's token stops working at once", async () => {
    const { members } = await seedWorkspace();
    expect(
      (
        await call(`/api/v1/members/${members.editor.membershipId}`, {
          method: "DELETE",
          token: members.admin.token,
        })
      ).status,
    ).toBe(204);
    expect((await call("/api/v1/members", { token: members.editor.token })).status).toBe(401);
  });
});
