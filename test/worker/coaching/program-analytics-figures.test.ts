// A program's analytics as JSON, from seeded enrolments, engine events, active days and commitments
// (program-analytics-seed.ts): the funnel, step completion, score trends per program and cohort,
// retention, nudge response and adherence.
import type { ProgramAnalytics } from "@coach/contracts/program-analytics";
import { beforeAll, describe, expect, it } from "vitest";
import { call, type SeededWorkspace } from "../auth/helpers";
import { OLD, seedProgramAnalytics } from "./program-analytics-seed";

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

beforeAll(async () => {
  ({ workspace, programId } = await seedProgramAnalytics());
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
});
