// The contact's clock: without a time zone in the coaching preferences the agent follows the contact's
// own (contacts.timezone), a chosen one wins, and a change of zone re-times a wait already running
// until a local time of day (and the agent's alarm with it), while quiet hours still have the last word.
import type {
  CoachingPreferencesUpdate,
  EnrollmentView,
  ProgramSteps,
} from "@coach/contracts/programs";
import { runInDurableObject } from "cloudflare:test";
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

const T0 = Date.UTC(2026, 5, 10, 10, 0); // Wednesday 10:00 UTC, 06:00 in New York (UTC-4 in June)
const HOUR = 60 * 60 * 1000;

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

function waitThenMessage(
  wait: Extract<ProgramSteps["nodes"][number], { kind: "wait" }>,
): ProgramSteps {
  return {
    nodes: [
      wait,
      { id: "nudge", kind: "message", text: "Morning! Ten easy minutes today." },
      { id: "end", kind: "end" },
    ],
    edges: [
      { from: wait.id, to: "nudge" },
      { from: "nudge", to: "end" },
    ],
  };
}

const untilEightToday = waitThenMessage({
  id: "eight",
  kind: "wait",
  until: { time: "08:00", days_ahead: 0 },
});
const untilEightTomorrow = waitThenMessage({
  id: "eight",
  kind: "wait",
  until: { time: "08:00", days_ahead: 1 },
});

/** A contact (with `timezone` on their D1 record when given), enrolled in `steps` at T0 and run once. */
async function enrolled(
  steps: ProgramSteps,
  options: { timezone?: string; prefs?: CoachingPreferencesUpdate } = {},
) {
  const contact = await seedWebContact(workspace.tenantId);
  if (options.timezone)
    await forTenant(env.DB, workspace.tenantId).update("contacts", contact.contactId, {
      timezone: options.timezone,
    });
  await agentOf(workspace.tenantId, contact.contactId).setTestClock(T0);
  if (options.prefs) await setPreferences(contact.contactId, options.prefs);
  const program = await createProgram(workspace, { steps });
  const enrollmentId = await enroll(workspace, program.id, contact.contactId);
  await runAt(workspace.tenantId, contact.contactId, T0);
  return { ...contact, enrollmentId };
}

async function setPreferences(contactId: string, body: CoachingPreferencesUpdate): Promise<void> {
  const res = await call(`/api/v1/contacts/${contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body,
  });
  expect(res.status).toBe(200);
}

async function enrollment(id: string): Promise<EnrollmentView> {
  return (await (
    await call(`/api/v1/enrollments/${id}`, { token: workspace.members.owner.token })
  ).json()) as EnrollmentView;
}

async function roomTexts(conversationId: string): Promise<string[]> {
  return (await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100)).messages.map(
    (m) => m.text,
  );
}

/** How far ahead of the real clock the agent's alarm is set (as far as its wake-up is ahead of its own clock). */
async function alarmLead(contactId: string): Promise<number> {
  return runInDurableObject(
    agentOf(workspace.tenantId, contactId),
    async (_agent, state) => ((await state.storage.getAlarm()) ?? 0) - Date.now(),
  );
}

describe("the contact's own time zone", () => {
  it("times a wait by contacts.timezone when the preferences name no zone", async () => {
    const c = await enrolled(untilEightToday, { timezone: "America/New_York" });
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(Date.UTC(2026, 5, 10, 12, 0));
    const state = await call(`/api/v1/contacts/${c.contactId}/coaching`, {
      token: workspace.members.viewer.token,
    });
    expect(await state.json()).toMatchObject({ timezone: "America/New_York" });
  });

  it("lets a time zone chosen in the preferences win over contacts.timezone", async () => {
    const c = await enrolled(untilEightToday, {
      timezone: "America/New_York",
      prefs: { timezone: "Asia/Tokyo" },
    });
    // 10:00 UTC is 19:00 in Tokyo: 08:00 has passed there, so the wait ends at 08:00 tomorrow, Tokyo time.
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(Date.UTC(2026, 5, 10, 23, 0));
  });

  it("falls back to UTC when contacts.timezone is not a time zone", async () => {
    const c = await enrolled(untilEightToday, { timezone: "Mars/Olympus_Mons" });
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(Date.UTC(2026, 5, 11, 8, 0));
  });
});

describe("changing time zone during a wait", () => {
  it("re-times a wait until 08:00 to 08:00 in the new zone, and sends then", async () => {
    const c = await enrolled(untilEightTomorrow, { prefs: { quiet_hours: null } });
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(Date.UTC(2026, 5, 11, 8, 0));
    const changedAt = T0 + HOUR;
    await agentOf(workspace.tenantId, c.contactId).setTestClock(changedAt);
    await setPreferences(c.contactId, { timezone: "America/New_York" });
    await runAt(workspace.tenantId, c.contactId, changedAt);
    const newWake = Date.UTC(2026, 5, 11, 12, 0);
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(newWake);
    expect(Math.abs((await alarmLead(c.contactId)) - (newWake - changedAt))).toBeLessThan(60_000);

    await runAt(workspace.tenantId, c.contactId, Date.UTC(2026, 5, 11, 8, 0));
    expect(await roomTexts(c.conversationId)).toEqual([]);
    await runAt(workspace.tenantId, c.contactId, newWake);
    expect(await roomTexts(c.conversationId)).toEqual(["Morning! Ten easy minutes today."]);
  });

  it("keeps a wait by duration at its absolute time", async () => {
    const c = await enrolled(
      waitThenMessage({ id: "pause", kind: "wait", duration_minutes: 120 }),
      { prefs: { quiet_hours: null } },
    );
    await setPreferences(c.contactId, { timezone: "America/New_York" });
    await runAt(workspace.tenantId, c.contactId, T0 + 1000);
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(T0 + 2 * HOUR);
  });

  it("re-times the wait when contacts.timezone changes and no zone was chosen", async () => {
    const c = await enrolled(untilEightTomorrow, { prefs: { quiet_hours: null } });
    await forTenant(env.DB, workspace.tenantId).update("contacts", c.contactId, {
      timezone: "Europe/Berlin",
    });
    await runAt(workspace.tenantId, c.contactId, T0 + HOUR);
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(Date.UTC(2026, 5, 11, 6, 0));
  });

  it("still holds the message for quiet hours in the new zone", async () => {
    const c = await enrolled(untilEightTomorrow, {
      prefs: { quiet_hours: { start: "22:00", end: "09:00" } },
    });
    await setPreferences(c.contactId, { timezone: "America/New_York" });
    await runAt(workspace.tenantId, c.contactId, Date.UTC(2026, 5, 11, 12, 0));
    expect(await roomTexts(c.conversationId)).toEqual([]);
    expect((await enrollment(c.enrollmentId)).next_wake_at).toBe(Date.UTC(2026, 5, 11, 13, 0));
    await runAt(workspace.tenantId, c.contactId, Date.UTC(2026, 5, 11, 13, 0));
    expect(await roomTexts(c.conversationId)).toEqual(["Morning! Ten easy minutes today."]);
  });
});
