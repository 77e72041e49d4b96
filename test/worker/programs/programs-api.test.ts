// The programs API: creating, reading, versioning and archiving programs, and the structural
// validation that answers 422 `program_invalid` with each problem located at its node.
import type { ProgramSteps, ProgramVersionView, ProgramView } from "@coach/contracts/programs";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { createProgram, oneMessage } from "./program-helpers";

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

describe("creating and reading programs", () => {
  it("saves a valid program as version 1 and answers it", async () => {
    const program = await createProgram(workspace, { keyword: " join   run5k " });
    expect(program).toMatchObject({
      name: "Run 5K",
      status: "active",
      version: 1,
      keyword: "JOIN RUN5K",
      steps: oneMessage(),
    });
    const res = await call(`/api/v1/programs/${program.id}`, {
      token: workspace.members.viewer.token,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ProgramView).steps).toEqual(oneMessage());
  });

  it("lists the workspace's programs and hides other workspaces' ones", async () => {
    const program = await createProgram(workspace);
    const other = await seedWorkspace();
    const mine = (await (
      await call("/api/v1/programs", { token: workspace.members.owner.token })
    ).json()) as { programs: { id: string }[] };
    expect(mine.programs.map((p) => p.id)).toContain(program.id);
    const theirs = await call(`/api/v1/programs/${program.id}`, {
      token: other.members.owner.token,
    });
    expect(theirs.status).toBe(404);
  });

  it("refuses a slug or keyword another program already uses", async () => {
    const first = await createProgram(workspace, { keyword: "JOIN ONE" });
    const slug = await call("/api/v1/programs", {
      token: workspace.members.owner.token,
      body: { name: "Again", slug: first.slug, steps: oneMessage() },
    });
    expect(slug.status).toBe(409);
    expect((await errorOf(slug)).code).toBe("slug_taken");
    const keyword = await call("/api/v1/programs", {
      token: workspace.members.owner.token,
      body: { name: "Again", slug: "another-one-x", keyword: "join one", steps: oneMessage() },
    });
    expect((await errorOf(keyword)).code).toBe("keyword_taken");
  });

  it("lets a viewer read programs but not write them", async () => {
    const res = await call("/api/v1/programs", {
      token: workspace.members.viewer.token,
      body: { name: "Nope", slug: "nope-viewer", steps: oneMessage() },
    });
    expect(res.status).toBe(403);
  });
});

describe("versions", () => {
  it("makes a new immutable version when the steps change, and none when only the name does", async () => {
    const program = await createProgram(workspace);
    const renamed = await call(`/api/v1/programs/${program.id}`, {
      method: "PUT",
      token: workspace.members.editor.token,
      body: { name: "Run 5K, gently" },
    });
    expect(((await renamed.json()) as ProgramView).version).toBe(1);
    const changed = await call(`/api/v1/programs/${program.id}`, {
      method: "PUT",
      token: workspace.members.editor.token,
      body: { steps: oneMessage("A new welcome.") },
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()) as ProgramView).toMatchObject({
      version: 2,
      name: "Run 5K, gently",
      goal: "Run five kilometres",
    });
    const versions = (await (
      await call(`/api/v1/programs/${program.id}/versions`, {
        token: workspace.members.viewer.token,
      })
    ).json()) as {
      current_version: number;
      versions: ProgramVersionView[];
    };
    expect(versions.current_version).toBe(2);
    expect(versions.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.versions[1]?.steps).toEqual(oneMessage());
  });

  it("refuses invalid steps on update and keeps the current version", async () => {
    const program = await createProgram(workspace);
    const res = await call(`/api/v1/programs/${program.id}`, {
      method: "PUT",
      token: workspace.members.owner.token,
      body: { steps: { nodes: [{ id: "x", kind: "message", text: "hi" }], edges: [] } },
    });
    expect(res.status).toBe(422);
    const current = (await (
      await call(`/api/v1/programs/${program.id}`, { token: workspace.members.owner.token })
    ).json()) as ProgramView;
    expect(current.version).toBe(1);
  });

  it("archives a program on DELETE and records it in the audit log", async () => {
    const program = await createProgram(workspace);
    const res = await call(`/api/v1/programs/${program.id}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(((await res.json()) as ProgramView).status).toBe("archived");
    const audit = (await (
      await call(`/api/v1/audit?target_id=${program.id}`, { token: workspace.members.owner.token })
    ).json()) as { events: { action: string }[] };
    expect(audit.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["program.created", "program.archived"]),
    );
  });
});

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
