// Analytics from the counters the rooms write in their batched index sync: seeded conversations with
// known messages, confidences and sources, and the exact figures the dashboard's charts get.
import { beforeAll, describe, expect, it } from "vitest";
import type { Analytics } from "@coach/contracts/content-views";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { getJson } from "./inbox-helpers";
import { DAY, seedConversation } from "./seeded-rooms";

const ROUTINE = { document_id: "doc-routine", title: "Routine guide" };
const EVENING = { document_id: "doc-evening", title: "Evening guide" };
const now = Date.now();
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
  // Yesterday and today on the web: two answers with sources, then a fallback.
  await seedConversation(workspace.tenantId, {
    channel: "web",
    contact: { name: "Ana" },
    messages: [
      { role: "user", text: "How do I start?", at: now - DAY },
      {
        role: "assistant",
        text: "Start small.",
        at: now - DAY + 1,
        confidence: 0.9,
        citations: [ROUTINE, ROUTINE, EVENING],
      },
      { role: "user", text: "And then?", at: now - DAY + 2 },
      {
        role: "assistant",
        text: "Keep going.",
        at: now - DAY + 3,
        confidence: 0.6,
        citations: [ROUTINE],
      },
      { role: "user", text: "What about tax law?", at: now },
      { role: "assistant", text: "I don't know that one.", at: now + 1, confidence: 0 },
    ],
  });
  // Today on Telegram, with a creator's message during a takeover.
  await seedConversation(workspace.tenantId, {
    channel: "telegram",
    contact: { name: "Ben" },
    messages: [
      { role: "user", text: "Evening tips?", at: now },
      {
        role: "assistant",
        text: "Dim the lights.",
        at: now + 1,
        confidence: 0.3,
        citations: [EVENING, ROUTINE],
      },
      { role: "creator", text: "Also: no screens.", at: now + 2 },
    ],
  });
  // Forty days ago: outside a 30-day window, inside a 90-day one.
  await seedConversation(workspace.tenantId, {
    channel: "web",
    contact: { name: "Cleo" },
    messages: [
      { role: "user", text: "Old question", at: now - 40 * DAY },
      {
        role: "assistant",
        text: "Old answer",
        at: now - 40 * DAY + 1,
        confidence: 0.8,
        citations: [ROUTINE],
      },
    ],
  });
});

describe("GET /api/v1/analytics", () => {
  it("counts conversations, active users and messages per day over the last 30 days", async () => {
    const body = await getJson<Analytics>(
      "/api/v1/analytics?days=30",
      workspace.members.viewer.token,
    );
    expect(body.to).toBe(date(now));
    expect(body.from).toBe(date(now - 29 * DAY));
    expect(body.per_day).toHaveLength(30);
    const active = body.per_day.filter((d) => d.messages > 0);
    expect(active).toEqual([
      { date: date(now - DAY), conversations: 1, active_users: 1, messages: 4 },
      { date: date(now), conversations: 2, active_users: 2, messages: 5 },
    ]);
    expect(body.messages).toEqual({ user: 4, assistant: 4, creator: 1 });
  });

  it("buckets answer confidence, counts fallbacks apart, and ranks the cited documents", async () => {
    const body = await getJson<Analytics>("/api/v1/analytics", workspace.members.viewer.token);
    expect(body.confidence).toEqual({
      buckets: [
        { min: 0, max: 0.25, count: 0 },
        { min: 0.25, max: 0.5, count: 1 },
        { min: 0.5, max: 0.75, count: 1 },
        { min: 0.75, max: 1, count: 1 },
      ],
      fallback_count: 1,
    });
    // A document cited twice in one answer counts once for it.
    expect(body.top_documents).toEqual([
      { ...ROUTINE, citations: 3 },
      { ...EVENING, citations: 2 },
    ]);
    expect([...body.channels].sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      { channel: "telegram", conversations: 1 },
      { channel: "web", conversations: 1 },
    ]);
  });

  it("reaches further back with days=90 and refuses a window outside 1–90", async () => {
    const body = await getJson<Analytics>(
      "/api/v1/analytics?days=90",
      workspace.members.owner.token,
    );
    expect(body.per_day).toHaveLength(90);
    expect(body.messages).toEqual({ user: 5, assistant: 5, creator: 1 });
    expect(body.top_documents[0]).toEqual({ ...ROUTINE, citations: 4 });
    expect(
      (await call("/api/v1/analytics?days=0", { token: workspace.members.owner.token })).status,
    ).toBe(400);
    expect(
      (await call("/api/v1/analytics?days=91", { token: workspace.members.owner.token })).status,
    ).toBe(400);
  });

  it("shows another workspace nothing of these", async () => {
    const other = await seedWorkspace();
    const body = await getJson<Analytics>("/api/v1/analytics", other.members.owner.token);
    expect(body.messages).toEqual({ user: 0, assistant: 0, creator: 0 });
    expect(body.top_documents).toEqual([]);
    expect(body.per_day.every((d) => d.conversations === 0)).toBe(true);
  });
});
