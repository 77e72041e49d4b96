// A workspace's own bridges through the API: registered with a signing secret answered once (or the
// creator's own, never echoed), kept sealed, listed with what the pool knows of each, changed and
// removed by those who may change settings, audited, refused at internal or plain-http addresses, and
// invisible to other workspaces.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

type Bridge = {
  id: string;
  name: string;
  url: string;
  access_client_id: string | null;
  secret?: string;
  state?: string;
};

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function register(body: object, token = workspace.members.admin.token): Promise<Response> {
  return call("/api/v1/bridges", { token, body });
}

describe("a workspace's bridges", () => {
  it("answers a secret it made up once, keeps it sealed, and lists the bridge with its pool state", async () => {
    const res = await register({ name: "Home server", url: `${env.BRIDGE_URL}/` });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Bridge;
    expect(created).toMatchObject({ name: "Home server", url: env.BRIDGE_URL });
    expect(created.secret).toMatch(/^brsec_[A-Za-z0-9_-]{43}$/);
    const row = await forTenant(env.DB, workspace.tenantId).get("bridges", created.id);
    expect(row.secretsEncrypted).not.toContain(created.secret ?? "");

    const list = await call("/api/v1/bridges", { token: workspace.members.viewer.token });
    const { bridges } = (await list.json()) as { bridges: Bridge[] };
    expect(bridges.find((b) => b.id === created.id)).toMatchObject({
      name: "Home server",
      state: "closed",
    });
    expect(JSON.stringify(bridges)).not.toContain(created.secret ?? "");
    const audit = await forTenant(env.DB, workspace.tenantId).list("auditLog");
    expect(audit.map((a) => a.action)).toContain("bridge.created");
  });

  it("refuses internal and plain-http addresses, paths, half an Access token, and members who may not change settings", async () => {
    expect(
      await errorOf(await register({ name: "Router", url: "https://192.168.1.10" })),
    ).toMatchObject({ code: "bridge_url_internal" });
    expect(
      await errorOf(await register({ name: "Plain", url: "http://bridge.example.com" })),
    ).toMatchObject({ code: "invalid_bridge_url", message: expect.stringMatching(/https/) });
    expect(
      await errorOf(await register({ name: "Path", url: "https://bridge.example.com/v1/chat" })),
    ).toMatchObject({ code: "invalid_bridge_url", message: expect.stringMatching(/origin/) });
    const halfToken = await register({
      name: "Half",
      url: "https://bridge.example.com",
      access_client_id: "abc.access",
    });
    expect(halfToken.status).toBe(400);
    expect(
      (await register({ name: "Editor's", url: env.BRIDGE_URL }, workspace.members.editor.token))
        .status,
    ).toBe(403);
  });

  it("changes and removes a bridge without ever answering its secrets; other workspaces see none of it", async () => {
    const own = "creator-chosen-secret-0123456789abcdef";
    const res = await register({ name: "Second machine", url: env.BRIDGE_URL, secret: own });
    const created = (await res.json()) as Bridge;
    expect(created.secret).toBeUndefined();

    const patched = await call(`/api/v1/bridges/${created.id}`, {
      method: "PATCH",
      token: workspace.members.owner.token,
      body: { name: "Office", access_client_id: "id.access", access_client_secret: "s3cret-value" },
    });
    expect(patched.status).toBe(200);
    const body = await patched.text();
    expect(JSON.parse(body)).toMatchObject({ name: "Office", access_client_id: "id.access" });
    expect(body).not.toContain("s3cret-value");
    expect(body).not.toContain(own);

    const other = await seedWorkspace();
    const foreign = await call(`/api/v1/bridges/${created.id}`, {
      method: "DELETE",
      token: other.members.owner.token,
    });
    expect(foreign.status).toBe(404);

    const removed = await call(`/api/v1/bridges/${created.id}`, {
      method: "DELETE",
      token: workspace.members.admin.token,
    });
    expect(removed.status).toBe(200);
    const again = await call(`/api/v1/bridges/${created.id}`, {
      method: "DELETE",
      token: workspace.members.admin.token,
    });
    expect(again.status).toBe(404);
    const audit = await forTenant(env.DB, workspace.tenantId).list("auditLog");
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["bridge.updated", "bridge.deleted"]),
    );
  });
});
