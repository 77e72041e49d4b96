// The platform's own plans: a workspace on a plan with quotas (vitest.config.ts names `quota_test`:
// one answer a month, one document, five seats, one bridge) is refused at each limit with a 402
// `quota_exceeded` naming the quota; its users are told kindly when answers run out and the creator
// sees the flag in `GET /api/v1/usage`. A workspace on a plan the configuration does not name is
// unlimited, as before.
import type { UsageView } from "@coach/contracts/platform-usage";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { usageOf } from "../../../worker/billing/platform-quotas";
import { database } from "../../../worker/db/client";
import { tenants } from "../../../worker/db/schema";
import { forTenant } from "../../../worker/db/tenant-gateway";
import {
  createWorkspace,
  openSession,
  SocketClient,
  type Workspace,
} from "../../support/widget-client";
import { call, freshEmail, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

type Refusal = {
  error: { code: string; message: string; details: { quota: string; limit: number } };
};

let workspace: SeededWorkspace;

const onSmallPlan = (tenantId: string) =>
  database(env.DB).update(tenants).set({ plan: "quota_test" }).where(eq(tenants.id, tenantId));

beforeAll(async () => {
  workspace = await seedWorkspace();
  await onSmallPlan(workspace.tenantId);
});

async function expectRefused(res: Response, quota: string, limit: number, words: RegExp) {
  expect(res.status).toBe(402);
  const body = (await res.json()) as Refusal;
  expect(body.error.code).toBe("quota_exceeded");
  expect(body.error.details).toMatchObject({ quota, limit });
  expect(body.error.message).toMatch(words);
  expect(body.error.message).toMatch(/quota_test/);
}

describe("a workspace on a platform plan with quotas", () => {
  it("adds documents up to its quota, then refuses the next with quota_exceeded", async () => {
    const token = workspace.members.editor.token;
    const upload = (title: string) =>
      call("/api/v1/knowledge/documents", {
        token,
        body: { title, text: "Warm up for ten minutes." },
      });
    expect((await upload("Warm-ups")).status).toBe(202);
    await expectRefused(await upload("Cool-downs"), "documents", 1, /includes 1 document\b/);
  });

  it("invites up to its seats (members and pending invitations), then refuses the next", async () => {
    const token = workspace.members.owner.token;
    const invite = () =>
      call("/api/v1/members", { token, body: { email: freshEmail("seat"), role: "viewer" } });
    expect((await invite()).status).toBe(201);
    await expectRefused(await invite(), "seats", 5, /includes 5 seats/);
  });

  it("adds bridges up to its quota, then refuses the next", async () => {
    const token = workspace.members.admin.token;
    const add = (name: string) =>
      call("/api/v1/bridges", { token, body: { name, url: `${env.BRIDGE_URL}/` } });
    expect((await add("Home server")).status).toBe(201);
    await expectRefused(await add("Office server"), "bridges", 1, /includes 1 bridge\b/);
    const usage = await call("/api/v1/usage", { token: workspace.members.viewer.token });
    expect((await usage.json()) as UsageView).toMatchObject({
      plan: "quota_test",
      quotas: {
        documents: { used: 1, limit: 1 },
        seats: { used: 5, limit: 5 },
        bridges: { used: 1, limit: 1 },
      },
    });
  });
});

describe("answers over the workspace's monthly quota", () => {
  let site: Workspace;

  beforeAll(async () => {
    site = await createWorkspace();
    await onSmallPlan(site.tenantId);
  });

  it("tells the person kindly instead of answering, and flags it for the creator", async () => {
    const client = await SocketClient.connect(await openSession(site));
    const ask = async (text: string) => {
      const clientId = crypto.randomUUID();
      client.send({ type: "message", client_id: clientId, text });
      const ack = (await client.next((f) => f.type === "ack" && f.client_id === clientId)) as {
        seq: number;
      };
      return (await client.next((f) => f.type === "done" && f.seq > ack.seq, 20_000)) as {
        text: string;
      };
    };
    expect((await ask("How long should my warm-up be?")).text).not.toMatch(/answers for the month/);
    expect((await ask("And my cool-down?")).text).toMatch(
      /reached its answers for the month\. I've let the coach know/,
    );
    client.close();
    const usage = await usageOf(env, forTenant(env.DB, site.tenantId));
    expect(usage.quotas.answers_per_month).toEqual({ used: 1, limit: 1 });
    expect(usage.answers_refused_at).toEqual(expect.any(Number));
  });
});

describe("a workspace on a plan the configuration does not name", () => {
  it("is unlimited", async () => {
    const open = await seedWorkspace();
    const res = await call("/api/v1/usage", { token: open.members.owner.token });
    expect(res.status).toBe(200);
    expect(((await res.json()) as UsageView).quotas).toMatchObject({
      answers_per_month: { limit: null },
      documents: { limit: null },
      seats: { used: 4, limit: null },
      bridges: { limit: null },
    });
  });
});
