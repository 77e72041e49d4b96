// A program's analytics from seeded enrolments, engine events, active days and commitments: the funnel,
// step completion, score trends per program and cohort, retention, nudge response and adherence, as
// JSON and as a CSV download.
import type { ProgramAnalytics } from "@coach/contracts/program-analytics";
import type { ProgramSteps } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../../../worker/analytics/analytics-csv";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { createProgram } from "../programs/program-helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
const OLD = NOW - 40 * DAY;
const RECENT = NOW - 3 * DAY;

const steps: ProgramSteps = {
  nodes: [
    { id: "m1", kind: "message", text: 'Welcome, "runner"' },
    { id: "c1", kind: "checkin", question: "How ready do you feel?", scale: { min: 1, max: 5 } },
    { id: "w", kind: "wait", duration_minutes: 7 * 24 * 60 },
    { id: "c2", kind: "checkin", question: "And after a week?", scale: { min: 1, max: 5 } },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "m1", to: "c1" },
    { from: "c1", to: "w" },
    { from: "w", to: "c2" },
    { from: "c2", to: "end" },
  ],
};

let workspace: SeededWorkspace;
let programId: string;

function monday(at: number): string {
  const d = new Date(at);
  return new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)),
  )
    .toISOString()
    .slice(0, 10);
}

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

beforeAll(async () => {
  workspace = await seedWorkspace();
  const program = await createProgram(workspace, { steps });
  programId = program.id;
  const other = await createProgram(workspace);
  const gateway = forTenant(env.DB, workspace.tenantId);
  const enrolments = [
    { id: "e1", contact: "A", startedAt: OLD, status: "completed" as const },
    { id: "e2", contact: "B", startedAt: OLD, status: "active" as const },
    { id: "e3", contact: "C", startedAt: RECENT, status: "active" as const },
    { id: "e4", contact: "D", startedAt: NOW - HOUR, status: "active" as const },
  ];
  const contactIds = new Map<string, string>();
  for (const e of enrolments) {
    const contactId = crypto.randomUUID();
    contactIds.set(e.contact, contactId);
    await gateway.insert("contacts", {
      id: contactId,
      channel: "web",
      externalId: `v_${contactId}`,
    });
    await gateway.insert("enrollments", {
      id: `${programId}-${e.id}`,
      programId,
      programVersion: 1,
      contactId,
      status: e.status,
      source: "api",
      startedAt: e.startedAt,
    });
  }
  const contact = (name: string) => contactIds.get(name) ?? "";
  let n = 0;
  const event = (
    e: string,
    name: string,
    eventName: string,
    at: number,
    nodeId: string | null = null,
    value: number | null = null,
    program = programId,
  ) =>
    gateway.insert("coachingEvents", {
      id: `ev-${programId}-${(n += 1)}`,
      contactId: contact(name),
      programId: program,
      enrollmentId: e ? `${programId}-${e}` : null,
      nodeId,
      event: eventName,
      value,
      at,
    });
  await event("e1", "A", "enrolled", OLD);
  await event("e1", "A", "sent", OLD, "m1");
  await event("e1", "A", "sent", OLD + 60_000, "c1");
  await event("e1", "A", "answered", OLD + HOUR, "c1", 2);
  await event("e1", "A", "sent", OLD + 7 * DAY, "c2");
  await event("e1", "A", "answered", OLD + 8 * DAY, "c2", 4);
  await event("e1", "A", "completed", OLD + 8 * DAY, "end");
  await event("e2", "B", "sent", OLD, "m1");
  await event("e2", "B", "sent", OLD + 60_000, "c1");
  await event("e2", "B", "answered", OLD + 2 * HOUR, "c1", 4);
  await event("e3", "C", "sent", RECENT, "m1");
  await event("e3", "C", "sent", RECENT + 60_000, "c1");
  await event("e4", "D", "enrolled", NOW - HOUR);
  await event("", "B", "nudge_sent", OLD + 5 * DAY);
  await event("", "C", "nudge_sent", RECENT + DAY);
  await event("", "B", "nudge_replied", OLD + 5 * DAY + HOUR);
  // Another program's events count for that program only.
  await event("", "A", "nudge_sent", OLD, null, null, other.id);
  const active = [
    ["A", OLD + 10 * DAY],
    ["A", OLD + 35 * DAY],
    ["B", OLD],
    ["C", RECENT + 2 * DAY],
  ] as const;
  for (const [name, at] of active) {
    const conversationId = crypto.randomUUID();
    await gateway.insert("conversationDays", {
      id: `${conversationId}:${utcDay(at)}`,
      conversationId,
      contactId: contact(name),
      channel: "web",
      day: utcDay(at),
      userMessages: 2,
      assistantMessages: 2,
    });
  }
  const commitment = (status: "done" | "partly" | "not_yet" | "asked", step: string) =>
    gateway.insert("commitments", {
      id: crypto.randomUUID(),
      contactId: contact("A"),
      sourceText: "I'll run twice this week",
      programId,
      enrollmentId: `${programId}-e1`,
      stepNodeId: step,
      kind: "commitment",
      what: "run",
      dueAt: OLD + 3 * DAY,
      localTimeText: "on Sunday at 18:00",
      timeZone: "UTC",
      status,
    });
  await commitment("done", "c1");
  await commitment("partly", "c1");
  await commitment("not_yet", "c2");
  await commitment("asked", "c2");
});

async function analytics(): Promise<ProgramAnalytics> {
  const res = await call(`/api/v1/programs/${programId}/analytics`, {
    token: workspace.members.viewer.token,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ProgramAnalytics;
}

describe("program analytics", () => {
  it("counts the enrolment funnel and each step's completion", async () => {
    const { funnel } = await analytics();
    expect(funnel).toMatchObject({ enrolled: 4, started: 3, finished: 1 });
    expect(funnel.steps).toEqual([
      {
        node_id: "m1",
        kind: "message",
        label: 'Welcome, "runner"',
        reached: 3,
        completed: 3,
        completion_rate: 1,
      },
      {
        node_id: "c1",
        kind: "checkin",
        label: "How ready do you feel?",
        reached: 3,
        completed: 2,
        completion_rate: 0.667,
      },
      {
        node_id: "c2",
        kind: "checkin",
        label: "And after a week?",
        reached: 1,
        completed: 1,
        completion_rate: 1,
      },
    ]);
  });

  it("averages check-in scores by week of enrolment, for the program and per cohort", async () => {
    const result = await analytics();
    expect(result.checkin_trend).toEqual([
      { week: 0, average: 3, answers: 2 },
      { week: 1, average: 4, answers: 1 },
    ]);
    const old = result.cohorts.find((c) => c.cohort === monday(OLD));
    expect(old).toEqual({
      cohort: monday(OLD),
      enrolled: 2,
      finished: 1,
      checkin_trend: [
        { week: 0, average: 3, answers: 2 },
        { week: 1, average: 4, answers: 1 },
      ],
    });
    const recentEnrolled = result.cohorts
      .filter((c) => c.cohort !== monday(OLD))
      .reduce((sum, c) => sum + c.enrolled, 0);
    expect(recentEnrolled).toBe(2);
  });

  it("measures retention on days 1, 7 and 30 among enrolments old enough", async () => {
    expect((await analytics()).retention).toEqual({ day_1: 0.667, day_7: 0.5, day_30: 0.5 });
  });

  it("measures the response to nudges and the adherence to commitments, overall and per step", async () => {
    const result = await analytics();
    expect(result.nudges).toEqual({ sent: 2, replied: 1, response_rate: 0.5 });
    expect(result.commitments).toMatchObject({
      total: 4,
      done: 1,
      partly: 1,
      not_yet: 1,
      unanswered: 1,
      open: 0,
      adherence: 0.5,
    });
    expect(result.commitments.by_step).toEqual([
      {
        node_id: "c1",
        total: 2,
        done: 1,
        partly: 1,
        not_yet: 0,
        unanswered: 0,
        open: 0,
        adherence: 0.75,
      },
      {
        node_id: "c2",
        total: 2,
        done: 0,
        partly: 0,
        not_yet: 1,
        unanswered: 1,
        open: 0,
        adherence: 0,
      },
    ]);
  });

  it("downloads the same figures as CSV with the right headers and escaping", async () => {
    for (const path of [
      `/api/v1/programs/${programId}/analytics?format=csv`,
      `/api/v1/programs/${programId}/analytics.csv`,
    ]) {
      const res = await call(path, { token: workspace.members.viewer.token });
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="program-run-[a-z0-9-]+-analytics\.csv"$/,
      );
      const lines = (await res.text()).split("\r\n");
      expect(lines[0]).toBe("section,metric,segment,value");
      expect(lines).toContain("funnel,enrolled,,4");
      expect(lines).toContain('step,completion_rate,"m1: Welcome, ""runner""",1');
      expect(lines).toContain("retention,day_1,,0.667");
      expect(lines).toContain("nudges,response_rate,,0.5");
    }
  });

  it("neutralises spreadsheet formulas and quotes separators in fields", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField(-1)).toBe("-1");
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField(null)).toBe("");
  });

  it("answers 404 for another workspace's program and 400 for an unknown format", async () => {
    const other = await seedWorkspace();
    expect(
      (await call(`/api/v1/programs/${programId}/analytics`, { token: other.members.owner.token }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(`/api/v1/programs/${programId}/analytics?format=xml`, {
          token: workspace.members.owner.token,
        })
      ).status,
    ).toBe(400);
  });
});
