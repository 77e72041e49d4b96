import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, errorOf, seedWorkspace } from "./helpers";

type CreatedKey = { id: string; key: string; prefix: string; scopes: string[] };

async function createKey(token: string, scopes: string[] = ["members:read"]) {
  const res = await call("/api/v1/api-keys", { token, body: { name: "CI", scopes } });
  return { res, body: (await res.json()) as CreatedKey };
}

describe("API keys", () => {
  it("the secret is shown once, with a visible prefix, and stored only as a hash", async () => {
    const { members, tenantId } = await seedWorkspace();
    const { res, body } = await createKey(members.owner.token);
    expect(res.status).toBe(201);
    expect(body.key.startsWith(`${body.prefix}_`)).toBe(true);
    const listed = JSON.stringify(
      await (await call("/api/v1/api-keys", { token: members.owner.token })).json(),
    );
    expect(listed).toContain(body.prefix);
    expect(listed).not.toContain(body.key);
    const row = await forTenant(env.DB, tenantId).get("apiKeys", body.id);
    expect(row.keyHash).not.toContain(body.key.slice(-20));
  });

  it("is accepted as Authorization: Bearer on a route within its scopes, and records its last use", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.owner.token);
    expect((await call("/api/v1/members", { token: body.key })).status).toBe(200);
    const listed = (await (
      await call("/api/v1/api-keys", { token: members.owner.token })
    ).json()) as { api_keys: { id: string; last_used_at: string | null }[] };
    expect(listed.api_keys.find((k) => k.id === body.id)?.last_used_at).not.toBeNull();
  });

  it("is refused (403) outside its scopes", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.owner.token);
    expect((await call("/api/v1/audit", { token: body.key })).status).toBe(403);
    expect(
      (
        await call("/api/v1/api-keys", {
          token: body.key,
          body: { name: "child", scopes: ["members:read"] },
        })
      ).status,
    ).toBe(403);
  });

  it("cannot act as a person on /me", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.owner.token);
    expect((await call("/api/v1/me", { token: body.key })).status).toBe(403);
  });

  it("cannot be given a scope that keys may not hold", async () => {
    const { members } = await seedWorkspace();
    expect((await createKey(members.owner.token, ["api_keys:write"])).res.status).toBe(400);
  });

  it("stops working as soon as it is revoked", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.owner.token);
    expect(
      (await call(`/api/v1/api-keys/${body.id}`, { method: "DELETE", token: members.admin.token }))
        .status,
    ).toBe(204);
    expect((await call("/api/v1/members", { token: body.key })).status).toBe(401);
  });

  it("a made-up key with the right prefix is refused", async () => {
    expect(
      (
        await call("/api/v1/members", {
          token: "ck_abcdefgh_notarealsecretatallnotarealsecretatallxxxxx",
        })
      ).status,
    ).toBe(401);
  });
});

describe("API keys when their creator leaves", () => {
  async function keysOf(token: string) {
    return (
      (await (await call("/api/v1/api-keys", { token })).json()) as {
        api_keys: { id: string; created_by: string | null; revoked_at: string | null }[];
      }
    ).api_keys;
  }

  it("a removed admin's keys are revoked: they answer 401 and are listed as revoked", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.admin.token, ["knowledge:read"]);
    expect((await call("/api/v1/knowledge/documents", { token: body.key })).status).toBe(200);
    expect(
      (
        await call(`/api/v1/members/${members.admin.membershipId}`, {
          method: "DELETE",
          token: members.owner.token,
        })
      ).status,
    ).toBe(204);
    expect((await call("/api/v1/knowledge/documents", { token: body.key })).status).toBe(401);
    expect(
      (await keysOf(members.owner.token)).find((k) => k.id === body.id)?.revoked_at,
    ).not.toBeNull();
    const audit = (await (
      await call(`/api/v1/audit?action=api_key.revoked&target_id=${body.id}`, {
        token: members.owner.token,
      })
    ).json()) as { events: { metadata: unknown }[] };
    expect(audit.events[0]?.metadata).toMatchObject({ reason: "creator_removed" });
  });

  it("the owner may hand the keys to another member instead: they keep working under that member", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.admin.token, ["knowledge:read"]);
    const removal = await call(`/api/v1/members/${members.admin.membershipId}`, {
      method: "DELETE",
      token: members.owner.token,
      body: { api_keys: "reassign", reassign_to: members.owner.userId },
    });
    expect(removal.status).toBe(204);
    expect((await call("/api/v1/knowledge/documents", { token: body.key })).status).toBe(200);
    expect((await keysOf(members.owner.token)).find((k) => k.id === body.id)).toMatchObject({
      created_by: members.owner.userId,
      revoked_at: null,
    });
  });

  it("keys cannot go to a member whose role does not cover their scopes, and then nobody is removed", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.admin.token, ["knowledge:read", "knowledge:write"]);
    const removal = await call(`/api/v1/members/${members.admin.membershipId}`, {
      method: "DELETE",
      token: members.owner.token,
      body: { api_keys: "reassign", reassign_to: members.viewer.userId },
    });
    expect(removal.status).toBe(409);
    expect((await errorOf(removal)).code).toBe("reassign_not_allowed");
    expect((await call("/api/v1/members", { token: members.admin.token })).status).toBe(200);
    expect((await call("/api/v1/knowledge/documents", { token: body.key })).status).toBe(200);
  });

  it("a person who erases their account takes their keys with them", async () => {
    const { members } = await seedWorkspace();
    const { body } = await createKey(members.admin.token, ["knowledge:read"]);
    expect(
      (await call("/api/v1/me", { method: "DELETE", token: members.admin.token })).status,
    ).toBe(200);
    expect((await call("/api/v1/knowledge/documents", { token: body.key })).status).toBe(401);
  });

  it("a key whose creator is no longer a member is refused, however it got there", async () => {
    const { members, tenantId } = await seedWorkspace();
    const { body } = await createKey(members.admin.token, ["knowledge:read"]);
    // A membership gone without the removal route (as before keys were revoked with it).
    await env.DB.prepare("DELETE FROM memberships WHERE id = ?1 AND tenant_id = ?2")
      .bind(members.admin.membershipId, tenantId)
      .run();
    expect((await call("/api/v1/knowledge/documents", { token: body.key })).status).toBe(401);
  });
});
