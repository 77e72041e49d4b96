// The dashboard's test chat kept apart: a member's test conversation runs over the visitors' socket
// without the dashboard being one of the widget's sites, is named after the member and marked as a
// test in the inbox (and filterable), and never shows in the analytics or the gaps.
import { QUESTION_CALLBACK_PATH } from "@coach/contracts/knowledge";
import type { WidgetSessionResponse } from "@coach/contracts/widget";
import { beforeAll, describe, expect, it } from "vitest";
import { ORIGIN, SocketClient, upgrade } from "../../support/widget-client";
import { call } from "../auth/helpers";
import { eventually } from "../channels/channel-helpers";
import { deliver, takeCallbacks } from "../knowledge/helpers";
import {
  ask,
  getJson,
  indexed,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
  type InboxItem,
} from "./inbox-helpers";

type TestItem = InboxItem & { test: boolean; contact: { display_name: string | null } | null };

/** The dashboard's own page, which is not one of the widget's sites. */
const DASHBOARD = "https://dashboard.example";
const OFF_TOPIC = "How do I fix a flat tyre on my bike?";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

async function testSession(token: string): Promise<Response> {
  return call("/api/v1/test-chat/session", {
    token,
    body: {},
    headers: { Origin: DASHBOARD },
  });
}

async function activity(): Promise<{ conversations: number; questions: string[] }> {
  const today = new Date().toISOString().slice(0, 10);
  const analytics = await getJson<{ totals?: unknown; per_day: { conversations: number }[] }>(
    `/api/v1/analytics?from=${today}&to=${today}`,
    workspace.members.owner.token,
  );
  const gaps = await getJson<{ questions: { question: string }[] }>(
    "/api/v1/knowledge/gaps?limit=100",
    workspace.members.owner.token,
  );
  return {
    conversations: analytics.per_day.reduce((sum, d) => sum + d.conversations, 0),
    questions: gaps.questions.map((q) => q.question),
  };
}

describe("the dashboard's test chat", () => {
  it("is a marked test conversation, named after the member, left out of analytics and gaps", async () => {
    const res = await testSession(workspace.members.editor.token);
    expect(res.status).toBe(201);
    const session = (await res.json()) as WidgetSessionResponse;
    // Bound to the dashboard's page: the widget's site cannot use it.
    expect((await upgrade(session.socket_url, ORIGIN)).status).toBe(403);
    const chat = await SocketClient.connect(session, 0, 5000, DASHBOARD);
    const answer = await ask(chat, OFF_TOPIC);
    expect(answer.text.length).toBeGreaterThan(0);
    chat.close();

    const item = (await indexed(
      workspace,
      session.conversation_id,
      (c) => c.message_count >= 2,
    )) as TestItem;
    expect(item.test).toBe(true);
    expect(item.contact?.display_name).toMatch(/^Test chat: /);
    const tests = await getJson<{ conversations: TestItem[] }>(
      "/api/v1/conversations?test=true&limit=100",
      workspace.members.viewer.token,
    );
    expect(tests.conversations.map((c) => c.id)).toEqual([session.conversation_id]);
    const others = await getJson<{ conversations: TestItem[] }>(
      "/api/v1/conversations?test=false&limit=100",
      workspace.members.viewer.token,
    );
    expect(others.conversations.map((c) => c.id)).not.toContain(session.conversation_id);

    // The same question from a visitor counts; the member's did not.
    const before = await activity();
    expect(before.questions).not.toContain(OFF_TOPIC);
    expect(before.conversations).toBe(0);
    const { client: visit, conversationId } = await visitor(workspace);
    await ask(visit, OFF_TOPIC);
    visit.close();
    await indexed(workspace, conversationId, (c) => c.message_count >= 2);
    // The bridge reports both turns as gaps; the edge keeps the visitor's only.
    const reports: Awaited<ReturnType<typeof takeCallbacks>> = [];
    await eventually(async () => {
      reports.push(...(await takeCallbacks(QUESTION_CALLBACK_PATH, workspace.tenantId)));
      expect(reports.length).toBeGreaterThanOrEqual(2);
    });
    for (const report of reports) expect((await deliver(report)).status).toBe(200);
    const after = await activity();
    expect(after.conversations).toBe(1);
    expect(after.questions.filter((q) => q === OFF_TOPIC)).toHaveLength(1);
  });

  // The race on the contact row itself is staged in test/worker/db/ensure-contact.test.ts; this checks
  // what the member sees from several tabs: the same test contact, a conversation per tab.
  it("opened in several tabs: one test contact, a conversation each", async () => {
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => testSession(workspace.members.owner.token)),
    );
    expect(responses.map((res) => res.status)).toEqual([201, 201, 201, 201]);
    const sessions = (await Promise.all(
      responses.map((res) => res.json()),
    )) as WidgetSessionResponse[];
    expect(new Set(sessions.map((s) => s.visitor_id)).size).toBe(1);
    expect(new Set(sessions.map((s) => s.conversation_id)).size).toBe(4);
  });

  it("is listed in the inbox once someone writes in it, not when it is only opened", async () => {
    const res = await testSession(workspace.members.owner.token);
    const session = (await res.json()) as WidgetSessionResponse;
    const listed = await getJson<{ conversations: TestItem[] }>(
      "/api/v1/conversations?limit=100",
      workspace.members.viewer.token,
    );
    expect(listed.conversations.map((c) => c.id)).not.toContain(session.conversation_id);
    // Still there for whoever holds its id (the chat's own page, a link).
    const opened = await getJson<{ id: string; test: boolean }>(
      `/api/v1/conversations/${session.conversation_id}`,
      workspace.members.viewer.token,
    );
    expect(opened).toMatchObject({ id: session.conversation_id, test: true });
  });

  it("needs a member: a forged token is refused", async () => {
    expect((await testSession("not-a-token")).status).toBe(401);
  });
});
