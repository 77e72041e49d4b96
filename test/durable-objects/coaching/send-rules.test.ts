// Quiet hours, caps, time zones and daylight saving on a pinned clock: nothing goes out inside the
// contact's quiet hours or past a cap (it is deferred to the first allowed moment), and a step due at
// 09:00 local stays at 09:00 local across Europe/Berlin's clock changes.
import type {
  CoachingPreferencesUpdate,
  EnrollmentView,
  ProgramSteps,
} from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import {
  agentOf,
  createProgram,
  enroll,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

/** A daily 09:00 (local) message, `days` times, then the end. */
function dailyAtNine(days: number): ProgramSteps {
  const nodes: ProgramSteps["nodes"] = [];
  const edges: ProgramSteps["edges"] = [];
  for (let day = 0; day < days; day += 1) {
    nodes.push(
      { id: `wait${day}`, kind: "wait", until: { time: "09:00", days_ahead: day === 0 ? 0 : 1 } },
      { id: `day${day}`, kind: "message", text: `Day ${day + 1}: ten minutes of easy running.` },
    );
    edges.push({ from: `wait${day}`, to: `day${day}` });
    if (day > 0) edges.push({ from: `day${day - 1}`, to: `wait${day}` });
  }
  nodes.push({ id: "end", kind: "end" });
  edges.push({ from: `day${days - 1}`, to: "end" });
  return { nodes, edges };
}

/** `count` messages separated by `gapMinutes` waits. */
function burst(count: number, gapMinutes: number): ProgramSteps {
  const nodes: ProgramSteps["nodes"] = [];
  const edges: ProgramSteps["edges"] = [];
  for (let i = 0; i < count; i += 1) {
    nodes.push({ id: `m${i}`, kind: "message", text: `Nudge ${i + 1}` });
    if (i > 0) {
      nodes.push({ id: `gap${i}`, kind: "wait", duration_minutes: gapMinutes });
      edges.push({ from: `m${i - 1}`, to: `gap${i}` }, { from: `gap${i}`, to: `m${i}` });
    }
  }
  nodes.push({ id: "end", kind: "end" });
  edges.push({ from: `m${count - 1}`, to: "end" });
  return { nodes, edges };
}

type Setup = { contactId: string; conversationId: string; enrollmentId: string };

async function setUp(
  steps: ProgramSteps,
  prefs: CoachingPreferencesUpdate,
  start: number,
): Promise<Setup> {
  const program = await createProgram(workspace, { steps });
  const contact = await seedWebContact(workspace.tenantId);
  await agentOf(workspace.tenantId, contact.contactId).setTestClock(start);
  const res = await call(`/api/v1/contacts/${contact.contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body: prefs,
  });
  expect(res.status).toBe(200);
  const enrollmentId = await enroll(workspace, program.id, contact.contactId);
  return { ...contact, enrollmentId };
}

/** Drives the agent minute by minute from `from` to `to`, as alarms would; answers the sends' times. */
async function driveMinutes(
  setup: Setup,
  from: number,
  to: number,
  stepMinutes = 1,
): Promise<number[]> {
  for (let at = from; at <= to; at += stepMinutes * MINUTE)
    await runAt(workspace.tenantId, setup.contactId, at);
  return sendTimes(setup);
}

async function sendTimes(setup: Setup): Promise<number[]> {
  const res = await call(`/api/v1/enrollments/${setup.enrollmentId}`, {
    token: workspace.members.owner.token,
  });
  const view = (await res.json()) as EnrollmentView;
  return (view.history ?? []).filter((e) => e.event === "sent").map((e) => e.at);
}

async function roomCount(setup: Setup): Promise<number> {
  return (await roomFor(env, workspace.tenantId, setup.conversationId).listMessages(0, 100))
    .messages.length;
}

describe("quiet hours", () => {
  it("sends nothing inside quiet hours and sends the due step when they end, in the contact's time zone", async () => {
    // 23:30 in New York (EDT, UTC-4) on 10 June: inside 22:00-08:00 there.
    const start = Date.UTC(2026, 5, 11, 3, 30);
    const setup = await setUp(
      burst(1, 1),
      { timezone: "America/New_York", quiet_hours: { start: "22:00", end: "08:00" } },
      start,
    );
    await runAt(workspace.tenantId, setup.contactId, start);
    const view = (await (
      await call(`/api/v1/enrollments/${setup.enrollmentId}`, {
        token: workspace.members.owner.token,
      })
    ).json()) as EnrollmentView;
    const endOfQuiet = Date.UTC(2026, 5, 11, 12, 0); // 08:00 EDT
    expect(view.next_wake_at).toBe(endOfQuiet);
    expect(view.history?.map((e) => e.event)).toEqual(["enrolled", "deferred"]);
    expect(await driveMinutes(setup, endOfQuiet - 2 * HOUR, endOfQuiet - MINUTE, 30)).toEqual([]);
    expect(await roomCount(setup)).toBe(0);
    expect(await driveMinutes(setup, endOfQuiet, endOfQuiet)).toEqual([endOfQuiet]);
  });

  it("applies quiet hours a user changes while a step waits", async () => {
    const start = Date.UTC(2026, 5, 10, 21, 0); // 21:00 UTC
    const setup = await setUp(
      burst(1, 1),
      { timezone: "UTC", quiet_hours: { start: "20:00", end: "23:00" } },
      start,
    );
    await runAt(workspace.tenantId, setup.contactId, start);
    expect(await sendTimes(setup)).toEqual([]);
    await agentOf(workspace.tenantId, setup.contactId).updatePreferences(
      { tenantId: workspace.tenantId, contactId: setup.contactId },
      { quiet_hours: null },
    );
    await runAt(workspace.tenantId, setup.contactId, start + MINUTE);
    expect(await sendTimes(setup)).toEqual([start + MINUTE]);
  });
});

describe("caps", () => {
  it("holds the fourth message of a day back until the first one is 24 hours old", async () => {
    const start = Date.UTC(2026, 5, 10, 9, 0);
    const setup = await setUp(
      burst(4, 60),
      { timezone: "UTC", quiet_hours: null, caps: { per_day: 3, per_week: 20 } },
      start,
    );
    const sent = await driveMinutes(setup, start, start + 5 * HOUR, 30);
    expect(sent).toEqual([start, start + HOUR, start + 2 * HOUR]);
    const view = (await (
      await call(`/api/v1/enrollments/${setup.enrollmentId}`, {
        token: workspace.members.owner.token,
      })
    ).json()) as EnrollmentView;
    expect(view.next_wake_at).toBe(start + 24 * HOUR + 1);
    expect(await roomCount(setup)).toBe(3);
    expect(await driveMinutes(setup, start + 24 * HOUR + 1, start + 24 * HOUR + 1)).toHaveLength(4);
  });

  it("holds messages past the weekly cap for the rest of the week", async () => {
    const start = Date.UTC(2026, 5, 10, 9, 0);
    const setup = await setUp(
      burst(3, 60 * 24),
      { timezone: "UTC", quiet_hours: null, caps: { per_day: 3, per_week: 2 } },
      start,
    );
    const sent = await driveMinutes(setup, start, start + 6 * 24 * HOUR, 60 * 12);
    expect(sent).toEqual([start, start + 24 * HOUR]);
    expect(
      await driveMinutes(setup, start + 7 * 24 * HOUR + 1, start + 7 * 24 * HOUR + 1),
    ).toHaveLength(3);
  });

  it("lets quiet hours win over a cap that frees inside them", async () => {
    const start = Date.UTC(2026, 5, 10, 21, 30);
    const setup = await setUp(
      burst(2, 10),
      {
        timezone: "UTC",
        quiet_hours: { start: "22:00", end: "07:00" },
        caps: { per_day: 1, per_week: 10 },
      },
      start,
    );
    await runAt(workspace.tenantId, setup.contactId, start);
    await runAt(workspace.tenantId, setup.contactId, start + 10 * MINUTE);
    const view = (await (
      await call(`/api/v1/enrollments/${setup.enrollmentId}`, {
        token: workspace.members.owner.token,
      })
    ).json()) as EnrollmentView;
    // The cap frees at 21:30 the next day: outside quiet hours, so that is when it goes.
    expect(view.next_wake_at).toBe(start + 24 * HOUR + 1);
    expect(await sendTimes(setup)).toEqual([start]);
  });
});

describe("time zones and daylight saving", () => {
  it("keeps a 09:00 step at 09:00 in Berlin across the spring change (last Sunday of March)", async () => {
    // Friday 27 March 2026, 12:00 UTC (13:00 CET); clocks go forward on Sunday 29 March.
    const start = Date.UTC(2026, 2, 27, 12, 0);
    const setup = await setUp(
      dailyAtNine(4),
      { timezone: "Europe/Berlin", quiet_hours: null },
      start,
    );
    const sent = await driveMinutes(setup, start, Date.UTC(2026, 2, 31, 12, 0), 30);
    expect(sent).toEqual([
      Date.UTC(2026, 2, 28, 8, 0), // Sat 09:00 CET
      Date.UTC(2026, 2, 29, 7, 0), // Sun 09:00 CEST
      Date.UTC(2026, 2, 30, 7, 0),
      Date.UTC(2026, 2, 31, 7, 0),
    ]);
  });

  it("keeps a 09:00 step at 09:00 in Berlin across the autumn change (last Sunday of October)", async () => {
    // Friday 23 October 2026, 12:00 UTC; clocks go back on Sunday 25 October.
    const start = Date.UTC(2026, 9, 23, 12, 0);
    const setup = await setUp(
      dailyAtNine(3),
      { timezone: "Europe/Berlin", quiet_hours: null },
      start,
    );
    const sent = await driveMinutes(setup, start, Date.UTC(2026, 9, 26, 12, 0), 30);
    expect(sent).toEqual([
      Date.UTC(2026, 9, 24, 7, 0),
      Date.UTC(2026, 9, 25, 8, 0),
      Date.UTC(2026, 9, 26, 8, 0),
    ]);
  });

  it("ends quiet hours at 08:00 local on the night the clocks go forward", async () => {
    // Sunday 29 March 2026, 00:30 UTC = 01:30 CET, inside 22:00-08:00.
    const start = Date.UTC(2026, 2, 29, 0, 30);
    const setup = await setUp(
      burst(1, 1),
      { timezone: "Europe/Berlin", quiet_hours: { start: "22:00", end: "08:00" } },
      start,
    );
    await runAt(workspace.tenantId, setup.contactId, start);
    const view = (await (
      await call(`/api/v1/enrollments/${setup.enrollmentId}`, {
        token: workspace.members.owner.token,
      })
    ).json()) as EnrollmentView;
    expect(view.next_wake_at).toBe(Date.UTC(2026, 2, 29, 6, 0)); // 08:00 CEST
  });

  it("refuses a time zone that is not an IANA name", async () => {
    const contact = await seedWebContact(workspace.tenantId);
    const res = await call(`/api/v1/contacts/${contact.contactId}/coaching`, {
      method: "PUT",
      token: workspace.members.owner.token,
      body: { timezone: "Mars/Olympus" },
    });
    expect(res.status).toBe(400);
  });
});
