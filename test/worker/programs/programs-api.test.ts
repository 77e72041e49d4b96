// The programs API: creating, reading, versioning and archiving programs (their structural validation
// is in programs-validation.test.ts).
import type { ProgramVersionView, ProgramView } from "@coach/contracts/programs";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { createProgram, oneMessage } from "./program-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

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

  it("answers exactly the programs named by `ids`, wherever they are in the list, and no other workspace's", async () => {
    const [first, , third] = [
      await createProgram(workspace),
      await createProgram(workspace),
      await createProgram(workspace),
    ];
    const other = await createProgram(await seedWorkspace());
    const ids = [first.id, third.id, other.id, first.id].join(",");
    const res = await call(`/api/v1/programs?ids=${ids}&limit=1`, {
      token: workspace.members.viewer.token,
    });
    const named = (await res.json()) as { programs: { id: string }[]; next_offset: number | null };
    expect(named.programs.map((p) => p.id)).toHaveLength(1);
    expect(named.next_offset).toBe(1);
    const all = (await (
      await call(`/api/v1/programs?ids=${ids}`, { token: workspace.members.viewer.token })
    ).json()) as { programs: { id: string }[] };
    expect(all.programs.map((p) => p.id).sort()).toEqual([first.id, third.id].sort());

    const tooMany = await call(
      `/api/v1/programs?ids=${Array.from({ length: 51 }, (_, i) => `p${i}`).join(",")}`,
      { token: workspace.members.viewer.token },
    );
    expect(tooMany.status).toBe(400);
    expect((await errorOf(tooMany)).code).toBe("validation_failed");
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
