// The proof suites (vitest.proof.config.ts) as a benchmark entry, so `npm run bench` reports their
// figures with the rest: cases run, server errors, refusals without a code, rooms that fell over, and
// canaries found across tenants. Cases per property: PROOF_CASES, 1,000 by default here so the whole
// bench stays within its time budget; `npm run proof` runs 10,000.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const cases = process.env.PROOF_CASES || "1000";
const report = join(mkdtempSync(join(tmpdir(), "proof-")), "report.json");
const run = spawnSync(
  "npx",
  [
    "vitest",
    "run",
    "--config",
    "vitest.proof.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
  ],
  {
    encoding: "utf8",
    env: { ...process.env, PROOF_CASES: cases, WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 256 * 1024 * 1024,
  },
);
const figures: Record<string, Record<string, unknown>> = {};
for (const line of `${run.stdout}\n${run.stderr}`.split("\n")) {
  const at = line.indexOf("PROOF {");
  if (at < 0) continue;
  const { name, ...rest } = JSON.parse(line.slice(at + 6)) as { name: string } & Record<
    string,
    unknown
  >;
  figures[name.replaceAll("-", "_")] = rest;
}
const vitest = JSON.parse(readFileSync(report, "utf8")) as {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{
    name: string;
    assertionResults: Array<{ status: string; fullName: string }>;
  }>;
};
const failed = vitest.testResults.flatMap((file) =>
  file.assertionResults
    .filter((test) => test.status === "failed")
    .map((test) => `${file.name.split("/test/").pop()}: ${test.fullName}`),
);
const results = {
  cases_per_property: Number(cases),
  tests_passed: vitest.numPassedTests,
  tests_failed: vitest.numFailedTests,
  failed_tests: failed,
  ...figures,
};
console.log(
  `${results.tests_passed} proof tests passed, ${results.tests_failed} failed (PROOF_CASES=${cases})`,
);
for (const [name, figure] of Object.entries(figures))
  console.log(`  ${name}: ${JSON.stringify(figure)}`);
for (const name of failed) console.log(`  ✖ ${name}`);
console.log(JSON.stringify({ bench: "proof", results }));
