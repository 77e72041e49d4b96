// `npm test`: every test of the project, in order — the widget build (the edge serves it as assets), the
// generated Worker types checked against wrangler.toml, the production bundle's size against the Workers
// plans' limits, type checks, lint (ESLint, Prettier), the edge
// suite inside workerd (Workers Vitest pool), the bridge suite under Node, the widget's and the
// dashboard's browser suites (real Chromium against a local stack) — then one closing line with the totals.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const reports = mkdtempSync(path.join(tmpdir(), "coach-tests-"));
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

function vitest(label, args, reportName) {
  const outputFile = path.join(reports, `${reportName}.json`);
  const ok = run(label, "npx", [
    "vitest",
    "run",
    ...args,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${outputFile}`,
  ]);
  const report = existsSync(outputFile) ? JSON.parse(readFileSync(outputFile, "utf8")) : null;
  return {
    ok,
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? (ok ? 0 : 1),
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

/** A step that only passes or fails: one failure when the command fails. */
function check(name, label, command, args) {
  const ok = run(label, command, args);
  return { name, ok, passed: 0, failed: ok ? 0 : 1, skipped: 0 };
}

const steps = [
  check("widget build", "Widget build", "npm", ["run", "--silent", "build:widget"]),
  check("worker types", "Worker types up to date", "node", ["scripts/lib/check-worker-types.mjs"]),
  check("deploy bundle", "Production bundle (wrangler deploy --dry-run)", "node", [
    "scripts/lib/check-deploy-size.mjs",
  ]),
  check("types", "Type checks", "npm", ["run", "--silent", "typecheck"]),
  check("lint", "Lint (ESLint, Prettier)", "npm", ["run", "--silent", "lint"]),
];
steps.push({ name: "edge", ...vitest("Edge tests (workerd)", [], "edge") });
steps.push({
  name: "bridge",
  ...vitest("Bridge tests (Node)", ["--root", "inference-bridge"], "bridge"),
});
steps.push({
  name: "widget",
  ...vitest("Widget tests (Chromium)", ["--config", "widget/vitest.config.ts"], "widget"),
});
steps.push({
  name: "dashboard",
  ...vitest("Dashboard tests (Chromium)", ["--config", "dashboard/vitest.config.ts"], "dashboard"),
});

const totals = steps.reduce(
  (acc, s) => ({
    passed: acc.passed + s.passed,
    failed: acc.failed + s.failed,
    skipped: acc.skipped + s.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log("");
for (const s of steps)
  console.log(`${s.ok ? "✔" : "✖"} ${s.name}: ${s.passed} passed, ${s.failed} failed`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
