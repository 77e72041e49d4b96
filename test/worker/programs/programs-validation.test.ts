// The structural validation of the programs API: a program whose steps do not form a runnable graph is
// answered 422 `program_invalid` with each problem located at its node, and fields of the wrong shape 400.
import type { ProgramSteps } from "@coach/contracts/programs";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { createProgram } from "./program-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function problemsOf(
  steps: ProgramSteps,
): Promise<{ node_id: string | null; problem: string }[]> {
  const res = await call("/api/v1/programs", {
    token: workspace.members.owner.token,
    body: { name: "Broken", slug: `b-${crypto.randomUUID().slice(0, 8)}`, steps },
  });
  expect(res.status).toBe(422);
  const body = (await res.json()) as {
    error: { code: string; details: { node_id: string | null; problem: string }[] };
  };
  expect(body.error.code).toBe("program_invalid");
  return body.error.details;
}

const checkin = {
  id: "mood",
  kind: "checkin",
  question: "How was your run?",
  scale: { min: 1, max: 5 },
} as const;

describe("validation", () => {
  it("names an edge to a node that does not exist", async () => {
    const problems = await problemsOf({
      nodes: [
        { id: "a", kind: "message", text: "hi" },
        { id: "end", kind: "end" },
      ],
      edges: [{ from: "a", to: "ghost" }],
    });
    expect(problems).toContainEqual({
      node_id: "a",
      problem: 'an edge leads to "ghost", which does not exist',
    });
  });

  it("finds an unreachable step and a second start", async () => {
    const problems = await problemsOf({
      nodes: [
        { id: "a", kind: "message", text: "hi" },
        { id: "island", kind: "message", text: "alone" },
        { id: "end", kind: "end" },
      ],
      edges: [
        { from: "a", to: "end" },
        { from: "island", to: "end" },
      ],
    });
    expect(
      problems
        .filter((p) => p.problem.includes("exactly one start"))
        .map((p) => p.node_id)
        .sort(),
    ).toEqual(["a", "island"]);
  });

  it("finds a step that cannot be reached from the start", async () => {
    const problems = await problemsOf({
      nodes: [
        { id: "a", kind: "message", text: "hi" },
        { id: "w", kind: "wait", duration_minutes: 5 },
        { id: "b", kind: "message", text: "loop" },
        { id: "end", kind: "end" },
      ],
      edges: [
        { from: "a", to: "end" },
        { from: "w", to: "b" },
        { from: "b", to: "w" },
      ],
    });
    expect(problems).toContainEqual({
      node_id: "w",
      problem: "this step cannot be reached from the start",
    });
    expect(problems).toContainEqual({
      node_id: "b",
      problem: "this step cannot be reached from the start",
    });
  });

  it("finds a branch that does not end", async () => {
    const problems = await problemsOf({
      nodes: [
        { id: "a", kind: "message", text: "hi" },
        { id: "b", kind: "message", text: "then" },
        { id: "end", kind: "end" },
      ],
      edges: [{ from: "a", to: "b" }],
    });
    expect(problems).toContainEqual({
      node_id: "b",
      problem: "this branch does not end: add a next step or an end",
    });
  });

  it("refuses a loop without a wait and accepts the same loop with one", async () => {
    const loop = (withWait: boolean): ProgramSteps => ({
      nodes: [
        { id: "nudge", kind: "message", text: "Go for a run" },
        checkin,
        {
          id: "ran",
          kind: "condition",
          rule: { type: "answer_compare", node_id: "mood", op: "gte", value: 3 },
        },
        ...(withWait ? [{ id: "pause", kind: "wait" as const, duration_minutes: 60 * 24 }] : []),
        { id: "end", kind: "end" },
      ],
      edges: [
        { from: "nudge", to: "mood" },
        { from: "mood", to: "ran" },
        { from: "ran", to: "end", branch: "yes" },
        ...(withWait
          ? [
              { from: "ran", to: "pause", branch: "no" as const },
              { from: "pause", to: "mood" },
            ]
          : [{ from: "ran", to: "mood", branch: "no" as const }]),
      ],
    });
    const problems = await problemsOf(loop(false));
    expect(problems.map((p) => p.node_id).sort()).toEqual(["mood", "ran"]);
    expect(problems[0]?.problem).toBe(
      "this step is on a loop without a wait; add a wait step to the loop",
    );
    await createProgram(workspace, { steps: loop(true) });
  });

  it("requires both branches of a condition and a check-in it can read", async () => {
    const problems = await problemsOf({
      nodes: [
        { id: "a", kind: "message", text: "hi" },
        {
          id: "c",
          kind: "condition",
          rule: { type: "answer_choice", node_id: "a", choice_ids: ["yes"] },
        },
        { id: "end", kind: "end" },
      ],
      edges: [
        { from: "a", to: "c" },
        { from: "c", to: "end", branch: "yes" },
      ],
    });
    expect(problems).toContainEqual({ node_id: "c", problem: 'the "no" branch leads nowhere' });
    expect(problems).toContainEqual({ node_id: "c", problem: '"a" is not a check-in' });
  });

  it("requires exactly one of scale and choices on a check-in, and one of duration and until on a wait", async () => {
    const problems = await problemsOf({
      nodes: [
        { id: "q", kind: "checkin", question: "How?" },
        { id: "w", kind: "wait", duration_minutes: 5, until: { time: "09:00", days_ahead: 1 } },
        { id: "end", kind: "end" },
      ],
      edges: [
        { from: "q", to: "w" },
        { from: "w", to: "end" },
      ],
    });
    expect(problems).toEqual([
      { node_id: "q", problem: "a check-in needs exactly one of scale and choices" },
      { node_id: "w", problem: "a wait needs exactly one of duration_minutes and until" },
    ]);
  });

  it("answers 400 for fields of the wrong shape before looking at the graph", async () => {
    const res = await call("/api/v1/programs", {
      token: workspace.members.owner.token,
      body: {
        name: "Bad",
        slug: "Bad Slug",
        steps: { nodes: [{ id: "a", kind: "teleport" }], edges: [] },
      },
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("validation_failed");
  });
});
