// The workspace export holds the whole workspace: programs with every version, the team (members with
// name, email and role; open invitations), coaching rules, corrections, webhooks and channels without
// their secrets, the safety and retention settings, and each document with a signed link to its original file.
import type { WorkspaceExport } from "@coach/contracts/workspace-export";
import { beforeAll, describe, expect, it } from "vitest";
import { call } from "../auth/helpers";
import { seedDashboardWorkspace, type DashboardWorkspace } from "../conversations/inbox-helpers";
import { hookUrl, register } from "../integrations/webhook-helpers";
import { createProgram, oneMessage } from "../programs/program-helpers";

let workspace: DashboardWorkspace;
let exported: WorkspaceExport;
let exportedText: string;
let webhookSecret: string | undefined;
let programId: string;
let invitedEmail: string;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
  const owner = workspace.members.owner.token;
  const program = await createProgram(workspace, { name: "Sleep better" });
  programId = program.id;
  const saved = await call(`/api/v1/programs/${program.id}`, {
    method: "PUT",
    token: owner,
    body: { steps: oneMessage("Version two: lights out by eleven.") },
  });
  expect(saved.status).toBe(200);
  const rule = await call("/api/v1/coaching-rules", {
    token: owner,
    body: { when: { no_reply_for_hours: 72 }, then: { send: "nudge" } },
  });
  expect(rule.status).toBe(201);
  const correction = await call("/api/v1/knowledge/corrections", {
    token: owner,
    body: { question: "When is the group call?", answer: "Tuesdays at 7 pm." },
  });
  expect(correction.status).toBe(202);
  invitedEmail = `invited.${crypto.randomUUID().slice(0, 8)}@example.test`;
  await call("/api/v1/members", { token: owner, body: { email: invitedEmail, role: "viewer" } });
  const safety = await call("/api/v1/safety/crisis-resources", {
    method: "PUT",
    token: owner,
    body: { resources: [{ country: "GB", name: "Samaritans", phone: "116 123" }] },
  });
  expect(safety.status).toBe(200);
  const retention = await call("/api/v1/workspace/retention", {
    method: "PUT",
    token: owner,
    body: {
      conversations_days: 400,
      originals_days: null,
      audit_days: 365,
      webhook_deliveries_days: 30,
      gaps_days: 180,
    },
  });
  expect(retention.status).toBe(200);
  webhookSecret = (await register(workspace, ["conversation.created"], hookUrl("export"))).secret;
  const res = await call("/api/v1/workspace/export", { token: owner });
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toContain("application/json");
  exportedText = await res.text();
  exported = JSON.parse(exportedText) as WorkspaceExport;
});

describe("GET /api/v1/workspace/export", () => {
  it("holds each program with all its versions, the current steps on top", () => {
    const program = exported.programs.find((p) => p.id === programId);
    expect(program?.version).toBe(2);
    expect(program?.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(program?.steps).toEqual(program?.versions[1]?.steps);
    expect(JSON.stringify(program?.versions[1]?.steps)).toContain("lights out by eleven");
  });

  it("holds the team: members with name, email and role, and open invitations", () => {
    const { members, invitations } = exported.team;
    expect(members.map((m) => m.role).sort()).toEqual(["admin", "editor", "owner", "viewer"]);
    const owner = members.find((m) => m.role === "owner");
    expect(owner).toMatchObject({
      email: workspace.members.owner.email,
      full_name: "Seeded owner",
    });
    expect(invitations).toEqual([expect.objectContaining({ email: invitedEmail, role: "viewer" })]);
  });

  it("holds the coaching rules and the corrections with their words", () => {
    expect(exported.coaching_rules).toEqual([
      expect.objectContaining({ when: { no_reply_for_hours: 72 }, then: { send: "nudge" } }),
    ]);
    expect(exported.corrections).toEqual([
      expect.objectContaining({
        question: "When is the group call?",
        answer: "Tuesdays at 7 pm.",
      }),
    ]);
  });

  it("holds webhooks and settings but no secret", () => {
    expect(exported.webhooks).toEqual([expect.objectContaining({ url: hookUrl("export") })]);
    expect(webhookSecret).toBeTruthy();
    expect(exportedText).not.toContain(webhookSecret);
    expect(exportedText).not.toMatch(/secret|password_hash|token_hash/i);
    expect(exported.widget?.public_key).toBe(workspace.publicKey);
    expect(exported.channels).toEqual([]);
  });

  it("holds the safety settings and the retention as the Safety and Data screens set them", () => {
    expect(exported.safety.crisis_resources.resources).toEqual([
      expect.objectContaining({ country: "GB", name: "Samaritans", phone: "116 123" }),
    ]);
    expect(exported.safety.model_redaction).toMatchObject({ payment: true });
    expect(exported.retention).toMatchObject({ conversations_days: 400, originals_days: null });
  });

  it("gives every document a signed link to its original that works until a stated time", () => {
    expect(exported.documents.length).toBeGreaterThan(0);
    for (const document of exported.documents)
      expect(document.original_url).toMatch(
        new RegExp(
          `/api/v1/originals/${workspace.tenantId}/${document.id}\\?expires=\\d+&signature=`,
        ),
      );
    const expiresIn = Date.parse(exported.originals_expire_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(6 * 86_400_000);
  });
});
