// The workspace's closer, which erases a closed workspace once its erasure window has passed: when a
// store cannot erase (the bridge is down) it keeps everything and tries again later, it forgets a
// workspace whose closure was never committed, and the window is read from WORKSPACE_ERASURE_DAYS.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { workspaceCloserFor } from "../../../worker/lib/workspace-closers";
import { workerConfig } from "../../../worker/lib/config";
import { call, seedWorkspace, signUp } from "../auth/helpers";
import { json } from "./closing-helpers";

const HOUR = 3_600_000;

describe("the workspace's closer", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function closedWorkspaceWithDocument(): Promise<string> {
    const { session } = await signUp();
    await json(
      await call("/api/v1/knowledge/documents", {
        token: session.access_token,
        body: { title: "Notes", text: "Walk at dawn." },
      }),
      "document",
    );
    expect(
      (await call("/api/v1/me", { method: "DELETE", token: session.access_token })).status,
    ).toBe(200);
    // Once the closing pass is done, the closer sleeps until the window ends; then the window is cut short.
    const closer = workspaceCloserFor(env, session.tenant.id);
    await expect
      .poll(
        () =>
          runInDurableObject(
            closer,
            (_instance, state) => state.storage.kv.get<{ swept: boolean }>("job")?.swept,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    await env.DB.prepare("UPDATE tenants SET erase_after = ? WHERE id = ?")
      .bind(Date.now() - 1000, session.tenant.id)
      .run();
    return session.tenant.id;
  }

  it("keeps everything and tries again later when a store cannot erase (the bridge is down)", async () => {
    const closedId = await closedWorkspaceWithDocument();
    const real = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (request.url.startsWith(env.BRIDGE_URL) && request.method === "DELETE")
        return new Response("busy", { status: 503 });
      return real(input, init);
    });
    const closer = workspaceCloserFor(env, closedId);
    await runDurableObjectAlarm(closer);
    expect(await forTenant(env.DB, closedId).count("documents")).toBe(1);
    const retryAt = await runInDurableObject(closer, (_instance, state) =>
      state.storage.getAlarm(),
    );
    expect(retryAt).toBeGreaterThan(Date.now());
    vi.restoreAllMocks();
    await runDurableObjectAlarm(closer);
    expect(await forTenant(env.DB, closedId).count("documents")).toBe(0);
  });

  it("forgets a workspace whose closure was never committed", async () => {
    const { tenantId: openId } = await seedWorkspace();
    const closer = workspaceCloserFor(env, openId);
    await closer.schedule(openId);
    await runInDurableObject(closer, (_instance, state) => {
      const job = state.storage.kv.get<{ scheduledAt: number }>("job");
      state.storage.kv.put("job", { ...job, scheduledAt: Date.now() - 3_600_000 });
    });
    await runDurableObjectAlarm(closer);
    expect(
      await runInDurableObject(closer, (_instance, state) => state.storage.kv.get("job")),
    ).toBeUndefined();
    expect(await forTenant(env.DB, openId).count("memberships")).toBe(4);
  });

  it("reads the erasure window from WORKSPACE_ERASURE_DAYS, 30 days when unset, and refuses a wrong value", () => {
    expect(workerConfig({ WORKSPACE_ERASURE_DAYS: "7" }).workspaceErasureMs).toBe(7 * 24 * HOUR);
    expect(workerConfig({ WORKSPACE_ERASURE_DAYS: "" }).workspaceErasureMs).toBe(30 * 24 * HOUR);
    expect(() => workerConfig({ WORKSPACE_ERASURE_DAYS: "thirty" })).toThrow(
      /WORKSPACE_ERASURE_DAYS/,
    );
    expect(() => workerConfig({ WORKSPACE_ERASURE_DAYS: "400" })).toThrow(/WORKSPACE_ERASURE_DAYS/);
  });
});
