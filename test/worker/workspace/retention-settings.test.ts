// A workspace's retention settings: every member reads them, only owners and admins change them, each
// value is a whole number of days within its bounds or null ("keep forever"), a change is audited, and
// one workspace's settings are never another's.
import { DEFAULT_RETENTION } from "@coach/contracts/retention";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE, call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

const PATH = "/api/v1/workspace/retention";

type View = { settings: Record<string, number | null>; defaults: Record<string, number | null> };

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

function put(body: unknown, token = workspace.members.admin.token) {
  return call(PATH, { method: "PUT", token, body });
}

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe("GET and PUT /api/v1/workspace/retention", () => {
  it("shows the documented defaults to any member until someone changes them", async () => {
    const res = await call(PATH, { token: workspace.members.viewer.token });
    expect(res.status).toBe(200);
    const view = (await res.json()) as View;
    expect(view.settings).toEqual(DEFAULT_RETENTION);
    expect(view.defaults).toEqual({
      conversations_days: null,
      originals_days: null,
      audit_days: 365,
      webhook_deliveries_days: 30,
      gaps_days: 180,
    });
  });

  it("lets an admin change some values, keeps the others, and records the change in the audit log", async () => {
    const res = await put({ conversations_days: 90, gaps_days: null });
    expect(res.status).toBe(200);
    const expected = { ...DEFAULT_RETENTION, conversations_days: 90, gaps_days: null };
    expect(((await res.json()) as View).settings).toEqual(expected);
    const read = (await (
      await call(PATH, { token: workspace.members.editor.token })
    ).json()) as View;
    expect(read.settings).toEqual(expected);
    const audit = (await (
      await call("/api/v1/audit?action=retention.updated", { token: workspace.members.owner.token })
    ).json()) as { events: { actor_id: string; metadata: unknown }[] };
    expect(audit.events[0]).toMatchObject({
      actor_id: workspace.members.admin.userId,
      metadata: {
        from: { conversations_days: null, gaps_days: 180 },
        to: { conversations_days: 90, gaps_days: null },
      },
    });
  });

  it("refuses editors and viewers with 403", async () => {
    for (const role of ["editor", "viewer"] as const) {
      const res = await put({ gaps_days: 10 }, workspace.members[role].token);
      expect(res.status).toBe(403);
      expect(await errorCode(res)).toBe("forbidden");
    }
  });

  it("refuses a body that is not JSON", async () => {
    const res = await exports.default.fetch(`${BASE}${PATH}`, {
      method: "PUT",
      headers: {
        Authorization: `Bearer ${workspace.members.owner.token}`,
        "Content-Type": "application/json",
      },
      body: '{"audit_days": ',
    });
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe("invalid_json");
  });

  it.each([
    ["a string", { conversations_days: "30" }],
    ["a fraction", { gaps_days: 1.5 }],
    ["zero days", { originals_days: 0 }],
    ["more than ten years", { webhook_deliveries_days: 3651 }],
    ["an audit log shorter than 30 days", { audit_days: 29 }],
    ["an audit log kept for no time", { audit_days: 0 }],
    ["an unknown kind", { messages_days: 30 }],
  ])("refuses %s with 400 validation_failed and changes nothing", async (_label, body) => {
    const before = (await (
      await call(PATH, { token: workspace.members.owner.token })
    ).json()) as View;
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe("validation_failed");
    const after = (await (
      await call(PATH, { token: workspace.members.owner.token })
    ).json()) as View;
    expect(after.settings).toEqual(before.settings);
  });

  it("accepts the bounds themselves: one day, ten years, an audit log of 30 days", async () => {
    const res = await put({ originals_days: 1, conversations_days: 3650, audit_days: 30 });
    expect(res.status).toBe(200);
    expect(((await res.json()) as View).settings).toMatchObject({
      originals_days: 1,
      conversations_days: 3650,
      audit_days: 30,
    });
  });

  it("never shows one workspace's settings to another", async () => {
    const other = await seedWorkspace();
    await put({ conversations_days: 7 });
    const res = await call(PATH, { token: other.members.owner.token });
    expect(((await res.json()) as View).settings).toEqual(DEFAULT_RETENTION);
  });
});
