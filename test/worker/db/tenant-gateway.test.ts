// Proves the tenant gateway keeps workspaces apart: nothing of tenant B can be read, listed,
// counted, updated or deleted through tenant A's gateway.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "../../../worker/db/client";
import { tenants } from "../../../worker/db/schema";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { AppError } from "../../../worker/lib/errors";

const A = "tenant-a";
const B = "tenant-b";

async function seed() {
  await database(env.DB)
    .insert(tenants)
    .values([
      { id: A, name: "A", slug: "a" },
      { id: B, name: "B", slug: "b" },
    ])
    .onConflictDoNothing();
  for (const tenantId of [A, B]) {
    const gateway = forTenant(env.DB, tenantId);
    await gateway.insert("documents", {
      id: `${tenantId}-doc`,
      title: `${tenantId} secret`,
      kind: "txt",
    });
    await gateway.insert("contacts", {
      id: `${tenantId}-contact`,
      channel: "web",
      externalId: "visitor-1",
    });
  }
}

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(404);
}

describe("tenant gateway", () => {
  beforeAll(seed);

  it("lists only the caller's rows", async () => {
    const rows = await forTenant(env.DB, A).list("documents");
    expect(rows.map((row) => row.id)).toEqual([`${A}-doc`]);
  });

  it("counts only the caller's rows", async () => {
    expect(await forTenant(env.DB, A).count("contacts")).toBe(1);
  });

  it("reads another tenant's row as not found", async () => {
    await expectNotFound(forTenant(env.DB, A).get("documents", `${B}-doc`));
  });

  it("does not list another tenant's row even when filtering on its id", async () => {
    const rows = await forTenant(env.DB, A).list("documents", {
      where: (d) => eq(d.id, `${B}-doc`),
    });
    expect(rows).toEqual([]);
  });

  it("refuses to update another tenant's row and leaves it unchanged", async () => {
    await expectNotFound(
      forTenant(env.DB, A).update("documents", `${B}-doc`, { title: "hijacked" }),
    );
    const original = await forTenant(env.DB, B).get("documents", `${B}-doc`);
    expect(original.title).toBe(`${B} secret`);
  });

  it("refuses to delete another tenant's row and keeps it", async () => {
    await expectNotFound(forTenant(env.DB, A).remove("documents", `${B}-doc`));
    expect(await forTenant(env.DB, B).count("documents")).toBe(1);
  });

  it("writes the gateway's tenant whatever tenant the values carry", async () => {
    const values = { id: "smuggled", title: "x", kind: "txt", tenantId: B };
    const row = await forTenant(env.DB, A).insert("documents", values);
    expect(row.tenantId).toBe(A);
    await expectNotFound(forTenant(env.DB, B).get("documents", "smuggled"));
  });

  it("cannot move a row to another tenant through a patch", async () => {
    const patch = { title: "moved", tenantId: B };
    await forTenant(env.DB, A).update("documents", `${A}-doc`, patch);
    await expectNotFound(forTenant(env.DB, B).get("documents", `${A}-doc`));
  });
});
