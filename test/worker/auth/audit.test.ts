import { describe, expect, it } from "vitest";
import { call, PASSWORD, seedWorkspace, signIn, signUp } from "./helpers";

type AuditPage = {
  events: {
    action: string;
    actor_id: string | null;
    ip: string | null;
    user_agent: string | null;
    request_id: string | null;
    created_at: string;
  }[];
  next_cursor: string | null;
};

async function audit(token: string, query = ""): Promise<AuditPage> {
  const res = await call(`/api/v1/audit${query}`, { token });
  expect(res.status).toBe(200);
  return (await res.json()) as AuditPage;
}

describe("audit log", () => {
  it("records sign-ins and failures with actor, IP, user agent, request id and time", async () => {
    const { email, session } = await signUp();
    await call("/api/v1/auth/login", {
      body: { email, password: "wrong password guess" },
      ip: "192.0.2.77",
      headers: { "User-Agent": "probe/1.0", "X-Request-Id": "req-audit-0001" },
    });
    await signIn(email, PASSWORD);
    const { events } = await audit(session.access_token);
    const failed = events.find((e) => e.action === "auth.login_failed");
    expect(failed).toMatchObject({
      actor_id: session.user.id,
      ip: "192.0.2.77",
      user_agent: "probe/1.0",
      request_id: "req-audit-0001",
    });
    expect(Date.parse(failed?.created_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(events.map((e) => e.action)).toContain("auth.login");
  });

  it("records invitations, role changes and key creation and revocation", async () => {
    const { members } = await seedWorkspace();
    await call("/api/v1/members", {
      token: members.owner.token,
      body: { email: "someone@example.test", role: "viewer" },
    });
    await call(`/api/v1/members/${members.viewer.membershipId}`, {
      method: "PATCH",
      token: members.owner.token,
      body: { role: "editor" },
    });
    const key = (await (
      await call("/api/v1/api-keys", {
        token: members.owner.token,
        body: { name: "k", scopes: ["members:read"] },
      })
    ).json()) as { id: string };
    await call(`/api/v1/api-keys/${key.id}`, { method: "DELETE", token: members.owner.token });
    const actions = (await audit(members.admin.token)).events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "member.invited",
        "member.role_changed",
        "api_key.created",
        "api_key.revoked",
      ]),
    );
  });

  it("is paged newest first with a cursor", async () => {
    const { members } = await seedWorkspace();
    for (let i = 0; i < 5; i++)
      await call("/api/v1/members", {
        token: members.owner.token,
        body: { email: `p${i}@example.test`, role: "viewer" },
      });
    const first = await audit(members.owner.token, "?limit=2");
    expect(first.events).toHaveLength(2);
    const second = await audit(
      members.owner.token,
      `?limit=2&cursor=${encodeURIComponent(first.next_cursor ?? "")}`,
    );
    expect(second.events).toHaveLength(2);
    expect(Date.parse(second.events[0]?.created_at ?? "")).toBeLessThanOrEqual(
      Date.parse(first.events[1]?.created_at ?? ""),
    );
    expect(second.events.map((e) => e.request_id)).not.toContain(first.events[0]?.request_id);
  });

  it("filters by action and actor", async () => {
    const { members } = await seedWorkspace();
    await call("/api/v1/members", {
      token: members.admin.token,
      body: { email: "x@example.test", role: "viewer" },
    });
    await call("/api/v1/api-keys", {
      token: members.owner.token,
      body: { name: "k", scopes: ["members:read"] },
    });
    const byAction = await audit(members.owner.token, "?action=member.invited");
    expect(byAction.events.map((e) => e.action)).toEqual(["member.invited"]);
    const byActor = await audit(members.owner.token, `?actor_id=${members.owner.userId}`);
    expect(byActor.events.every((e) => e.actor_id === members.owner.userId)).toBe(true);
  });

  it("refuses a malformed cursor with 400", async () => {
    const { members } = await seedWorkspace();
    expect(
      (await call("/api/v1/audit?cursor=bm90LWEtY3Vyc29y", { token: members.owner.token })).status,
    ).toBe(400);
  });
});
