// Exporting a whole workspace (owners and admins) and deleting it (owners only, confirmed with its
// slug): the export carries persona, widget, documents, contacts and conversations with messages; the
// deletion removes rows, rooms and files, ends every member's access, and is audited.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { coachingAgentFor } from "../../../worker/lib/coaching-agents";
import { call, errorOf } from "../auth/helpers";
import {
  ask,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "../conversations/inbox-helpers";

type Export = {
  workspace: { id: string; slug: string };
  persona: { version: number };
  widget: { public_key: string } | null;
  documents: { id: string; title: string }[];
  contacts: { id: string }[];
  conversations: { id: string; messages: { role: string; text: string }[] }[];
};

let workspace: DashboardWorkspace;
let conversationId: string;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
  await call("/api/v1/knowledge/documents", {
    token: workspace.members.owner.token,
    body: { title: "Evening notes", text: "Dim the lights an hour before bed." },
  });
  const session = await visitor(workspace);
  conversationId = session.conversationId;
  await ask(session.client, "How do I start a morning routine?");
  session.client.close();
});

describe("GET /api/v1/workspace/export", () => {
  it("gives an admin the whole workspace with each conversation's messages", async () => {
    const res = await call("/api/v1/workspace/export", { token: workspace.members.admin.token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Export;
    expect(body.workspace.id).toBe(workspace.tenantId);
    expect(body.widget?.public_key).toBe(workspace.publicKey);
    expect(body.documents.map((d) => d.title)).toContain("Evening notes");
    expect(body.contacts).toHaveLength(1);
    const conversation = body.conversations.find((c) => c.id === conversationId);
    expect(conversation?.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(conversation?.messages[0]?.text).toBe("How do I start a morning routine?");
  });

  it("is refused to editors and audited", async () => {
    expect(
      (await call("/api/v1/workspace/export", { token: workspace.members.editor.token })).status,
    ).toBe(403);
    const { events } = (await (
      await call("/api/v1/audit?action=workspace.exported", {
        token: workspace.members.owner.token,
      })
    ).json()) as { events: unknown[] };
    expect(events.length).toBeGreaterThan(0);
  });
});

describe("DELETE /api/v1/workspace", () => {
  it("needs the owner and the exact slug", async () => {
    const other = await seedDashboardWorkspace();
    expect(
      (
        await call("/api/v1/workspace", {
          method: "DELETE",
          token: other.members.admin.token,
          body: { confirm: `seeded-${other.tenantId}` },
        })
      ).status,
    ).toBe(403);
    const wrong = await call("/api/v1/workspace", {
      method: "DELETE",
      token: other.members.owner.token,
      body: { confirm: "seeded" },
    });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).code).toBe("confirmation_mismatch");
  });

  it("removes the workspace's data and rooms, ends access, and keeps the audit record", async () => {
    const [contact] = await forTenant(env.DB, workspace.tenantId).list("contacts");
    const coaching = `/api/v1/contacts/${contact?.id}/coaching`;
    expect(
      (
        await call(coaching, {
          method: "PUT",
          token: workspace.members.owner.token,
          body: { timezone: "Europe/Berlin", quiet_hours: { start: "21:00", end: "08:00" } },
        })
      ).status,
    ).toBe(200);
    const agent = coachingAgentFor(env, workspace.tenantId, contact?.id ?? "");
    expect((await agent.snapshot()).preferences.timezone).toBe("Europe/Berlin");
    const res = await call("/api/v1/workspace", {
      method: "DELETE",
      token: workspace.members.owner.token,
      body: { confirm: `seeded-${workspace.tenantId}` },
    });
    expect(res.status).toBe(200);
    // The contact's coaching agent forgot them too: its preferences are back to the defaults.
    expect((await agent.snapshot()).preferences.timezone).toBe("UTC");
    expect(await res.json()).toMatchObject({
      id: workspace.tenantId,
      deleted: true,
      documents: 1,
      conversations: 1,
    });
    const gateway = forTenant(env.DB, workspace.tenantId);
    expect(await gateway.count("conversations")).toBe(0);
    expect(await gateway.count("contacts")).toBe(0);
    expect(await gateway.count("memberships")).toBe(0);
    expect((await gateway.list("auditLog")).map((e) => e.action)).toContain("workspace.deleted");
    expect(
      (await call("/api/v1/conversations", { token: workspace.members.owner.token })).status,
    ).toBe(401);
  });
});
