/**
 * The web widget's size: builds it (as `npm run build:widget` does, into a temporary directory) and
 * prints the gzip size of the loader, of the panel chunk and of both, each against its budget
 * (loader ≤ 4 KB, whole widget ≤ 25 KB). The size test in the browser suite enforces the same budget.
 *
 * Run: npx tsx bench/widget-size.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildWidget } from "../scripts/lib/widget-build.mjs";
import { BUDGET, measureWidget } from "../widget/tools/size-budget";

const dir = mkdtempSync(path.join(tmpdir(), "widget-size-bench-"));
try {
  await buildWidget(dir);
  const sizes = measureWidget(dir);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  const ratio = (bytes: number, budget: number) => Math.round((bytes / budget) * 1000) / 1000;
  for (const [file, bytes] of Object.entries(sizes.files))
    console.log(`${file.padEnd(24)} ${kb(bytes)} gzip`);
  console.log(
    `loader       ${kb(sizes.loader)} of ${kb(BUDGET.loader)}  (${(ratio(sizes.loader, BUDGET.loader) * 100).toFixed(1)}% of budget)`,
  );
  console.log(
    `whole widget ${kb(sizes.total)} of ${kb(BUDGET.total)}  (${(ratio(sizes.total, BUDGET.total) * 100).toFixed(1)}% of budget; ${kb(sizes.raw_total)} before gzip)`,
  );
  const met = sizes.loader <= BUDGET.loader && sizes.total <= BUDGET.total;
  console.log(`budget: ${met ? "met" : "exceeded"}`);
  console.log(
    JSON.stringify({
      bench: "widget-size",
      results: {
        loader_gzip_bytes: sizes.loader,
        panel_gzip_bytes: sizes.panel,
        total_gzip_bytes: sizes.total,
        total_raw_bytes: sizes.raw_total,
        loader_budget_bytes: BUDGET.loader,
        total_budget_bytes: BUDGET.total,
        loader_budget_ratio: ratio(sizes.loader, BUDGET.loader),
        total_budget_ratio: ratio(sizes.total, BUDGET.total),
        met,
      },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
