import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, seedWorkspace, type SeededWorkspace } from "./helpers";
import { protectedRoutes, sendsBody } from "./routes";

let mine: SeededWorkspace;
let theirs: SeededWorkspace;
let theirIds: Record<string, string>;

// Which of the other tenant's rows each parameterised route is aimed at.
const TARGETS: Record<string, string> = {
  "PATCH /api/v1/members/:id": "membership",
  "DELETE /api/v1/members/:id": "membership",
  "DELETE /api/v1/members/invitations/:id": "invitation",
  "DELETE /api/v1/api-keys/:id": "apiKey",
  "GET /api/v1/contacts/:id/export": "contact",
  "DELETE /api/v1/contacts/:id": "contact",
  "GET /api/v1/conversations/:id/messages": "conversation",
  "GET /api/v1/conversations/:id": "conversation",
  "POST /api/v1/conversations/:id/takeover": "conversation",
  "POST /api/v1/conversations/:id/messages": "conversation",
  "POST /api/v1/conversations/:id/handback": "conversation",
  "POST /api/v1/conversations/:id/resolve-urgent": "conversation",
  "DELETE /api/v1/integrations/webhooks/:id": "webhook",
  "POST /api/v1/integrations/webhooks/:id/test": "webhook",
  "GET /api/v1/integrations/webhooks/:id/deliveries": "webhook",
  "GET /api/v1/channels/:id": "channel",
  "POST /api/v1/channels/:id/rotate": "channel",
  "DELETE /api/v1/channels/:id": "channel",
  "GET /api/v1/knowledge/documents/:id": "document",
  "PATCH /api/v1/knowledge/documents/:id": "document",
  "DELETE /api/v1/knowledge/documents/:id": "document",
  "POST /api/v1/knowledge/documents/:id/reindex": "document",
  "GET /api/v1/programs/:id": "program",
  "PUT /api/v1/programs/:id": "program",
  "DELETE /api/v1/programs/:id": "program",
  "GET /api/v1/programs/:id/versions": "program",
  "GET /api/v1/enrollments/:id": "enrollment",
  "DELETE /api/v1/enrollments/:id": "enrollment",
  "GET /api/v1/contacts/:id/coaching": "contact",
  "PUT /api/v1/contacts/:id/coaching": "contact",
  "GET /api/v1/contacts/:id/commitments": "contact",
  "GET /api/v1/contacts/:id/signals": "contact",
  "GET /api/v1/programs/:id/analytics": "program",
  "GET /api/v1/programs/:id/analytics.csv": "program",
  "PUT /api/v1/channels/:id/template": "channel",
  "GET /api/v1/coaching-rules/:id": "rule",
  "PUT /api/v1/coaching-rules/:id": "rule",
  "DELETE /api/v1/coaching-rules/:id": "rule",
  "PUT /api/v1/knowledge/corrections/:id": "correction",
  "GET /api/v1/channels/:id/templates": "channel",
  "DELETE /api/v1/channels/:id/templates/:name": "channel",
  "PATCH /api/v1/billing/plans/:id": "plan",
  "DELETE /api/v1/billing/plans/:id": "plan",
  "PATCH /api/v1/bridges/:id": "bridge",
  "DELETE /api/v1/bridges/:id": "bridge",
};

// A valid body where a route checks the body before it looks the row up; any other gets the member patch.
const BODIES: Record<string, object> = {
  "PUT /api/v1/coaching-rules/:id": { name: "Mine now" },
  "PUT /api/v1/channels/:id/template": { name: "check_in", language: "en", body_parameter: true },
  "PATCH /api/v1/knowledge/documents/:id": { title: "Mine now" },
  "PUT /api/v1/knowledge/corrections/:id": { question: "Mine now?", answer: "Mine now." },
  "PATCH /api/v1/billing/plans/:id": { name: "Mine now" },
  "PATCH /api/v1/bridges/:id": { name: "Mine now" },
};

async function seedTheirData(workspace: SeededWorkspace): Promise<Record<string, string>> {
  const gateway = forTenant(env.DB, workspace.tenantId);
  const invitation = await gateway.insert("invitations", {
    id: crypto.randomUUID(),
    email: "invitee@example.test",
    role: "viewer",
    tokenHash: crypto.randomUUID(),
    invitedBy: workspace.members.owner.userId,
    expiresAt: Date.now() + 86_400_000,
  });
  const apiKey = await gateway.insert("apiKeys", {
    id: crypto.randomUUID(),
    name: "theirs",
    prefix: "ck_theirs",
    keyHash: crypto.randomUUID(),
    scopes: ["knowledge:read"],
  });
  const contact = await gateway.insert("contacts", {
    id: crypto.randomUUID(),
    channel: "web",
    externalId: crypto.randomUUID(),
    displayName: "Their contact",
  });
  const conversation = await gateway.insert("conversations", {
    id: crypto.randomUUID(),
    channel: "web",
    contactId: contact.id,
  });
  const channel = await gateway.insert("channels", {
    id: crypto.randomUUID(),
    kind: "telegram",
    status: "active",
    externalId: String(Date.now()),
  });
  const document = await gateway.insert("documents", {
    id: crypto.randomUUID(),
    title: "Their guide",
    kind: "md",
    status: "ready",
  });
  const correction = await gateway.insert("documents", {
    id: crypto.randomUUID(),
    title: "Their correction",
    kind: "correction",
    status: "ready",
  });
  const webhook = await gateway.insert("webhookEndpoints", {
    id: crypto.randomUUID(),
    url: "https://hooks.example/theirs",
    events: ["human.requested"],
    secretEncrypted: "v1.sealed.elsewhere",
  });
  const program = await gateway.insert("programs", {
    id: crypto.randomUUID(),
    name: "Their program",
    slug: "their-program",
  });
  const enrollment = await gateway.insert("enrollments", {
    id: crypto.randomUUID(),
    programId: program.id,
    programVersion: 1,
    contactId: contact.id,
    source: "api",
  });
  const rule = await gateway.insert("coachingRules", {
    id: crypto.randomUUID(),
    name: "Their rule",
    when: { no_reply_for_hours: 72 },
    then: { send: "nudge" },
  });
  const plan = await gateway.insert("billingPlans", {
    id: crypto.randomUUID(),
    name: "Their free plan",
    kind: "free",
    monthlyMessages: 20,
  });
  const bridge = await gateway.insert("bridges", {
    id: crypto.randomUUID(),
    name: "Their home server",
    url: "https://bridge.theirs.example",
    secretsEncrypted: "v1.sealed.elsewhere",
  });
  return {
    plan: plan.id,
    bridge: bridge.id,
    rule: rule.id,
    program: program.id,
    enrollment: enrollment.id,
    membership: workspace.members.editor.membershipId,
    invitation: invitation.id,
    apiKey: apiKey.id,
    contact: contact.id,
    conversation: conversation.id,
    channel: channel.id,
    document: document.id,
    correction: correction.id,
    webhook: webhook.id,
  };
}

beforeAll(async () => {
  [mine, theirs] = [await seedWorkspace(), await seedWorkspace()];
  theirIds = await seedTheirData(theirs);
});

// An invitation link's `:token` is the invitation's secret, not a row id: whoever holds it may use it
// (test/worker/auth/invitation-links.test.ts), so those routes are not aimed at here.
const takesId = (path: string) => /:(?!token\b)[A-Za-z_]+/.test(path);

describe("cross-tenant access", () => {
  it("every route that takes an id has a target in this test", () => {
    const untargeted = protectedRoutes()
      .filter((r) => takesId(r.path) && !TARGETS[r.key])
      .map((r) => r.key);
    expect(untargeted).toEqual([]);
  });

  for (const route of protectedRoutes().filter((r) => takesId(r.path))) {
    it(`${route.key} with another tenant's id is 404`, async () => {
      const target = theirIds[TARGETS[route.key] ?? ""] ?? "";
      // The id goes in the first parameter; a second one (a template's name) gets a valid value.
      const path = route.path.replace(/:[A-Za-z_]+/, target).replace(/:[A-Za-z_]+/g, "check_in");
      const res = await call(path, {
        method: route.method,
        token: mine.members.owner.token,
        body: sendsBody(route.method) ? (BODIES[route.key] ?? { role: "viewer" }) : undefined,
      });
      expect(res.status).toBe(404);
    });
  }

  it("after all of that, none of the other tenant's rows changed", async () => {
    const gateway = forTenant(env.DB, theirs.tenantId);
    expect((await gateway.get("memberships", theirIds.membership ?? "")).role).toBe("editor");
    expect(await gateway.find("invitations", theirIds.invitation ?? "")).toBeDefined();
    expect((await gateway.get("apiKeys", theirIds.apiKey ?? "")).revokedAt).toBeNull();
    expect(await gateway.find("contacts", theirIds.contact ?? "")).toBeDefined();
    expect(await gateway.find("conversations", theirIds.conversation ?? "")).toMatchObject({
      takenOverAt: null,
    });
    expect(await gateway.find("webhookEndpoints", theirIds.webhook ?? "")).toBeDefined();
    expect(await gateway.find("channels", theirIds.channel ?? "")).toMatchObject({
      status: "active",
    });
    expect(await gateway.find("documents", theirIds.document ?? "")).toMatchObject({
      status: "ready",
      ingestAttempt: 0,
      title: "Their guide",
    });
    expect(await gateway.find("documents", theirIds.correction ?? "")).toMatchObject({
      ingestAttempt: 0,
      title: "Their correction",
    });
    expect(await gateway.find("programs", theirIds.program ?? "")).toMatchObject({
      status: "active",
      version: 1,
    });
    expect(await gateway.find("enrollments", theirIds.enrollment ?? "")).toMatchObject({
      status: "active",
    });
    expect(await gateway.find("coachingRules", theirIds.rule ?? "")).toMatchObject({
      name: "Their rule",
      enabled: true,
    });
    expect(await gateway.find("billingPlans", theirIds.plan ?? "")).toMatchObject({
      name: "Their free plan",
      archivedAt: null,
    });
    expect(await gateway.find("bridges", theirIds.bridge ?? "")).toMatchObject({
      name: "Their home server",
    });
  });

  it("lists show only the caller's workspace, whatever tenant_id the query or headers name", async () => {
    const res = await call(`/api/v1/members?tenant_id=${theirs.tenantId}`, {
      token: mine.members.owner.token,
      headers: { "X-Tenant-Id": theirs.tenantId },
    });
    const { members } = (await res.json()) as { members: { user_id: string }[] };
    expect(members.map((m) => m.user_id).sort()).toEqual(
      Object.values(mine.members)
        .map((m) => m.userId)
        .sort(),
    );
  });

  it("a tenant_id in the body, query or header that disagrees with the token changes nothing", async () => {
    const res = await call(`/api/v1/api-keys?tenant_id=${theirs.tenantId}`, {
      token: mine.members.owner.token,
      headers: { "X-Tenant-Id": theirs.tenantId },
      body: { name: "sneaky", scopes: ["knowledge:read"], tenant_id: theirs.tenantId },
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(await forTenant(env.DB, mine.tenantId).find("apiKeys", id)).toBeDefined();
    expect(await forTenant(env.DB, theirs.tenantId).find("apiKeys", id)).toBeUndefined();
  });

  it("signing in with another workspace's tenant_id yields a token for one's own workspace", async () => {
    const { signUp, signIn } = await import("./helpers");
    const { email, password, session } = await signUp();
    const res = await signIn(email, password, { tenant_id: theirs.tenantId });
    expect(((await res.json()) as { tenant: { id: string } }).tenant.id).toBe(session.tenant.id);
  });

  it("an API key of one workspace never reaches another's data", async () => {
    const created = await call("/api/v1/api-keys", {
      token: mine.members.owner.token,
      body: { name: "reader", scopes: ["members:read"] },
    });
    const { key } = (await created.json()) as { key: string };
    const res = await call(`/api/v1/members?tenant_id=${theirs.tenantId}`, {
      token: key,
      headers: { "X-Tenant-Id": theirs.tenantId },
    });
    const { members } = (await res.json()) as { members: { user_id: string }[] };
    expect(
      members.every((m) => Object.values(mine.members).some((own) => own.userId === m.user_id)),
    ).toBe(true);
  });
});
