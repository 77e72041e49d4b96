// The creator's rules acting through a contact's CoachingAgent on a pinned clock: a silence becomes one
// nudge, a falling score a supportive message, missed check-ins a nudge; caps and quiet hours still
// decide when they go out; a rule without the creator's words queues the built-in one in the contact's
// language; signals and rules through the API.
import type { ContactSignals, CoachingRuleView } from "@coach/contracts/coaching-rules";
import type { ProgramSteps } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import {
  agentOf,
  createProgram,
  enroll,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 5, 10, 10, 0); // a Wednesday, 10:00 UTC

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

/** A welcome, then two weeks of quiet: the enrolment stays active while rules watch. */
const quietProgram: ProgramSteps = {
  nodes: [
    { id: "hello", kind: "message", text: "Welcome! Your first run is today." },
    { id: "later", kind: "wait", duration_minutes: 14 * 24 * 60 },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "hello", to: "later" },
    { from: "later", to: "end" },
  ],
};

/** Four daily 1-5 check-ins, a day apart. */
const dailyCheckin: ProgramSteps = {
  nodes: [
    ...[1, 2, 3, 4].flatMap((n) => [
      {
        id: `ask${n}`,
        kind: "checkin" as const,
        question: `Day ${n}: how did today's run feel?`,
        scale: { min: 1, max: 5 },
      },
      { id: `pause${n}`, kind: "wait" as const, duration_minutes: 24 * 60 },
    ]),
    { id: "end", kind: "end" },
  ],
  edges: [
    ...[1, 2, 3, 4].flatMap((n) => [
      { from: `ask${n}`, to: `pause${n}` },
      { from: `pause${n}`, to: n < 4 ? `ask${n + 1}` : "end" },
    ]),
  ],
};

async function createRule(body: object): Promise<CoachingRuleView> {
  const res = await call("/api/v1/coaching-rules", { token: workspace.members.owner.token, body });
  expect(res.status).toBe(201);
  return (await res.json()) as CoachingRuleView;
}

async function assistantTexts(conversationId: string): Promise<string[]> {
  const page = await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 200);
  return page.messages.filter((m) => m.role === "assistant").map((m) => m.text);
}

/** A contact enrolled at T0 in a new program with `steps`, whose first step has gone out. */
async function enrolledContact(steps: ProgramSteps, caps = { per_day: 10, per_week: 50 }) {
  const program = await createProgram(workspace, { steps });
  const contact = await seedWebContact(workspace.tenantId);
  const agent = agentOf(workspace.tenantId, contact.contactId);
  await agent.setTestClock(T0);
  await agent.updatePreferences(
    { tenantId: workspace.tenantId, contactId: contact.contactId },
    { timezone: "UTC", quiet_hours: { start: "22:00", end: "08:00" }, caps },
  );
  await enroll(workspace, program.id, contact.contactId);
  await runAt(workspace.tenantId, contact.contactId, T0);
  return { ...contact, programId: program.id, agent };
}

describe("no reply for N hours", () => {
  it("sends one nudge once the silence is long enough, however often the agent wakes", async () => {
    const c = await enrolledContact(quietProgram);
    await createRule({
      program_id: c.programId,
      when: { no_reply_for_hours: 72 },
      then: { send: "nudge", text: "Missing you! Fancy a short run today?" },
    });
    await runAt(workspace.tenantId, c.contactId, T0 + 71 * HOUR);
    expect(await assistantTexts(c.conversationId)).toEqual(["Welcome! Your first run is today."]);
    await runAt(workspace.tenantId, c.contactId, T0 + 72 * HOUR + 60_000);
    await runAt(workspace.tenantId, c.contactId, T0 + 80 * HOUR);
    expect(await assistantTexts(c.conversationId)).toEqual([
      "Welcome! Your first run is today.",
      "Missing you! Fancy a short run today?",
    ]);
  });

  it("counts a reply within three days as a response to the nudge", async () => {
    const c = await enrolledContact(quietProgram);
    await createRule({
      program_id: c.programId,
      when: { no_reply_for_hours: 24 },
      then: { send: "nudge", text: "Still with me?" },
    });
    await runAt(workspace.tenantId, c.contactId, T0 + 25 * HOUR);
    await c.agent.recordReply({ text: "Yes, sorry, busy week", at: T0 + 30 * HOUR });
    const events = await forTenant(env.DB, workspace.tenantId).list("coachingEvents");
    const mine = events.filter((e) => e.contactId === c.contactId).map((e) => e.event);
    expect(mine).toEqual(
      expect.arrayContaining(["enrolled", "sent", "nudge_sent", "nudge_replied"]),
    );
  });

  it("waits for the frequency cap: the nudge goes out when the day's send ages out", async () => {
    const c = await enrolledContact(quietProgram, { per_day: 1, per_week: 10 });
    await createRule({
      program_id: c.programId,
      when: { no_reply_for_hours: 1 },
      then: { send: "nudge", text: "A tiny step today?" },
    });
    await runAt(workspace.tenantId, c.contactId, T0 + 2 * HOUR);
    expect(await assistantTexts(c.conversationId)).toHaveLength(1);
    await runAt(workspace.tenantId, c.contactId, T0 + DAY + 60_000);
    expect(await assistantTexts(c.conversationId)).toEqual([
      "Welcome! Your first run is today.",
      "A tiny step today?",
    ]);
  });

  it("waits for the end of quiet hours", async () => {
    const c = await enrolledContact(quietProgram);
    // Ripens at 23:00 UTC, inside the contact's 22:00-08:00 quiet hours.
    await createRule({
      program_id: c.programId,
      when: { no_reply_for_hours: 13 },
      then: { send: "nudge", text: "Good morning! Run today?" },
    });
    await runAt(workspace.tenantId, c.contactId, T0 + 13 * HOUR + 60_000);
    expect(await assistantTexts(c.conversationId)).toHaveLength(1);
    await runAt(workspace.tenantId, c.contactId, Date.UTC(2026, 5, 11, 8, 0) + 60_000);
    expect((await assistantTexts(c.conversationId)).at(-1)).toBe("Good morning! Run today?");
  });
});

describe("a rule without the creator's words", () => {
  it("queues the built-in nudge in the contact's language, and asks the model for that language", async () => {
    const c = await enrolledContact(quietProgram);
    await forTenant(env.DB, workspace.tenantId).update("contacts", c.contactId, { locale: "es" });
    await createRule({
      program_id: c.programId,
      when: { no_reply_for_hours: 13 },
      then: { send: "nudge" },
    });
    // Ripens at 23:00 UTC, inside quiet hours: it waits in the queue, where its words can be read.
    await runAt(workspace.tenantId, c.contactId, T0 + 13 * HOUR + 60_000);
    const [queued] = (await c.agent.snapshot()).pending_interventions;
    expect(queued).toMatchObject({
      text: "¡Hola! Solo quería saber cómo te va. Hasta un pequeño paso hoy cuenta.",
      prompt: expect.stringMatching(/Write it in Spanish\.$/),
    });
  });
});

describe("check-in rules", () => {
  it("sends a supportive message when the score drops by 2 over 3 check-ins", async () => {
    const c = await enrolledContact(dailyCheckin);
    await createRule({
      program_id: c.programId,
      when: { score_drop: 2, over_checkins: 3 },
      then: { send: "supportive", text: "Tough stretch. Want to make tomorrow's run shorter?" },
    });
    for (const [day, score] of [5, 4, 3].entries()) {
      if (day > 0) await runAt(workspace.tenantId, c.contactId, T0 + day * DAY);
      await c.agent.recordReply({ text: String(score), at: T0 + day * DAY + HOUR });
    }
    await c.agent.runDue();
    // The rule's message and the third check-in's thanks both go through the room; on a loaded machine
    // either may land last.
    await expect
      .poll(async () => (await assistantTexts(c.conversationId)).slice(-2), { timeout: 10_000 })
      .toContain("Tough stretch. Want to make tomorrow's run shorter?");
    const res = await call(`/api/v1/contacts/${c.contactId}/signals`, {
      token: workspace.members.viewer.token,
    });
    const signals = (await res.json()) as ContactSignals;
    expect(signals).toMatchObject({
      streak_days: 3,
      missed_checkins: 0,
      score_trend: -1,
      last_activity_at: T0 + 2 * DAY + HOUR,
    });
    expect(signals.checkin_scores.map((s) => s.value)).toEqual([5, 4, 3]);
  });

  it("nudges after two check-ins in a row go unanswered", async () => {
    const c = await enrolledContact(dailyCheckin);
    await createRule({
      when: { missed_checkins: 2 },
      then: { send: "nudge", text: "Two days without a check-in: how are you?" },
    });
    await runAt(workspace.tenantId, c.contactId, T0 + DAY);
    expect((await assistantTexts(c.conversationId)).at(-1)).not.toBe(
      "Two days without a check-in: how are you?",
    );
    await runAt(workspace.tenantId, c.contactId, T0 + 2 * DAY);
    await runAt(workspace.tenantId, c.contactId, T0 + 2 * DAY + 60_000);
    expect(await assistantTexts(c.conversationId)).toContain(
      "Two days without a check-in: how are you?",
    );
  });
});

describe("the coaching-rules API", () => {
  it("creates, lists, updates and deletes rules, with a readable default name", async () => {
    const rule = await createRule({ when: { no_reply_for_hours: 48 }, then: { send: "nudge" } });
    expect(rule).toMatchObject({
      name: "No reply for 48 h → nudge",
      program_id: null,
      enabled: true,
      when: { no_reply_for_hours: 48 },
    });
    const listed = (await (
      await call("/api/v1/coaching-rules", { token: workspace.members.viewer.token })
    ).json()) as { rules: CoachingRuleView[] };
    expect(listed.rules.map((r) => r.id)).toContain(rule.id);
    const updated = await call(`/api/v1/coaching-rules/${rule.id}`, {
      token: workspace.members.owner.token,
      method: "PUT",
      body: { enabled: false },
    });
    expect(((await updated.json()) as CoachingRuleView).enabled).toBe(false);
    expect(
      (
        await call(`/api/v1/coaching-rules/${rule.id}`, {
          token: workspace.members.owner.token,
          method: "DELETE",
        })
      ).status,
    ).toBe(204);
    expect(
      (await call(`/api/v1/coaching-rules/${rule.id}`, { token: workspace.members.owner.token }))
        .status,
    ).toBe(404);
  });

  it("refuses an unknown condition, another workspace's program, and a viewer's write", async () => {
    const bad = await call("/api/v1/coaching-rules", {
      token: workspace.members.owner.token,
      body: { when: { sunny_days: 3 }, then: { send: "nudge" } },
    });
    expect(bad.status).toBe(400);
    const other = await seedWorkspace();
    const foreign = await createProgram(other);
    const cross = await call("/api/v1/coaching-rules", {
      token: workspace.members.owner.token,
      body: { program_id: foreign.id, when: { missed_checkins: 2 }, then: { send: "nudge" } },
    });
    expect(cross.status).toBe(404);
    const viewer = await call("/api/v1/coaching-rules", {
      token: workspace.members.viewer.token,
      body: { when: { missed_checkins: 2 }, then: { send: "nudge" } },
    });
    expect(viewer.status).toBe(403);
  });

  it("lists the rules newest first, a page at a time", async () => {
    // Off, so they act on none of the contacts above.
    const rule = (missed: number) =>
      createRule({ when: { missed_checkins: missed }, then: { send: "nudge" }, enabled: false });
    const older = await rule(3);
    const newer = await rule(4);
    const page = async (query: string) =>
      (await (
        await call(`/api/v1/coaching-rules${query}`, { token: workspace.members.viewer.token })
      ).json()) as { rules: CoachingRuleView[]; next_offset: number | null };
    const first = await page("?limit=1");
    expect(first.rules.map((r) => r.id)).toEqual([newer.id]);
    expect(first.next_offset).toBe(1);
    expect((await page("?limit=1&offset=1")).rules.map((r) => r.id)).toEqual([older.id]);
  });
});
