// The size budget, on a fresh build: the loader every page view downloads, and the whole widget.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWidget } from "../../scripts/lib/widget-build.mjs";
import { BUDGET, measureWidget, type WidgetSizes } from "../tools/size-budget";

const dir = mkdtempSync(path.join(tmpdir(), "widget-size-"));
let sizes: WidgetSizes;

beforeAll(async () => {
  await buildWidget(dir);
  sizes = measureWidget(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("widget size (gzip)", () => {
  it(`keeps the loader within ${BUDGET.loader} bytes`, () => {
    expect(sizes.loader).toBeGreaterThan(0);
    expect(sizes.loader).toBeLessThanOrEqual(BUDGET.loader);
  });

  it(`keeps the whole widget within ${BUDGET.total} bytes`, () => {
    expect(Object.keys(sizes.files)).toHaveLength(2);
    expect(sizes.total).toBeLessThanOrEqual(BUDGET.total);
  });
});
