// A program's analytics as a CSV download (the same figures as the JSON, from program-analytics-seed.ts),
// the escaping of its fields, and who may read them in which format.
import { beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../../../worker/analytics/analytics-csv";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { seedProgramAnalytics } from "./program-analytics-seed";

let workspace: SeededWorkspace;
let programId: string;

beforeAll(async () => {
  ({ workspace, programId } = await seedProgramAnalytics());
});

describe("program analytics", () => {
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
