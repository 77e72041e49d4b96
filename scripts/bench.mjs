// `npm run bench`: runs every benchmark in bench/ (one process each), collects the JSON line each one
// ends with, judges the figures against the issues' targets, and writes bench/results/latest.json and
// bench/results/latest.md. Pass names to run only some: `npm run bench -- room-ack widget-size`.
import { spawnSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { BENCH_TARGETS, valueAt } from "./lib/bench-targets.mjs";

const ROOT = new URL("..", import.meta.url);
const only = process.argv.slice(2);
const names = readdirSync(new URL("bench/", ROOT))
  .filter((file) => file.endsWith(".ts"))
  .map((file) => file.slice(0, -3))
  .filter((name) => only.length === 0 || only.includes(name))
  .sort();

const machine = {
  cpus: os.cpus().length,
  cpu_model: os.cpus()[0]?.model ?? "unknown",
  memory_gib: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
};

/** @type {Record<string, unknown>} */
const results = {};
/** @type {{ bench: string, label: string, value: unknown, target: string, verdict: string }[]} */
const verdicts = [];

for (const [i, name] of names.entries()) {
  console.log(`\n▶ [${i + 1}/${names.length}] ${name}`);
  const started = Date.now();
  const run = spawnSync("npx", ["tsx", `bench/${name}.ts`], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = run.stdout
    .split("\n")
    .reverse()
    .find((l) => l.startsWith('{"bench"'));
  for (const l of run.stdout.split("\n")) if (l && !l.startsWith("{")) console.log(`  ${l}`);
  if (!line) {
    console.log(
      `  ✖ no result (exit ${run.status ?? run.signal}); last error output:\n${run.stderr.split("\n").slice(-8).join("\n")}`,
    );
    results[name] = { error: `exit ${run.status ?? run.signal}` };
    verdicts.push({
      bench: name,
      label: "ran",
      value: "no result",
      target: "a result",
      verdict: "fall-short",
    });
    continue;
  }
  const figures = JSON.parse(line).results;
  results[name] = { ...figures, seconds: Math.round((Date.now() - started) / 1000) };
  for (const t of BENCH_TARGETS[name] ?? []) {
    const value = valueAt(figures, t.path);
    const ok = typeof value === "number" && (t.op === "<=" ? value <= t.target : value >= t.target);
    verdicts.push({
      bench: name,
      label: t.label,
      value,
      target: `${t.op} ${t.target} ${t.unit}`,
      verdict: ok ? "pass" : "fall-short",
    });
  }
}

const ranAt = new Date().toISOString();
const out = new URL("bench/results/", ROOT);
writeFileSync(
  new URL("latest.json", out),
  `${JSON.stringify({ ran_at: ranAt, machine, results, verdicts }, null, 2)}\n`,
);
const md = [
  `# Benchmark results`,
  ``,
  `Ran ${ranAt} on ${machine.cpus} × ${machine.cpu_model}, ${machine.memory_gib} GiB, Node ${machine.node}, ${machine.platform}.`,
  `Reproduce with \`npm run bench\` (figures in latest.json).`,
  ``,
  `| Benchmark | Figure | Measured | Target | Verdict |`,
  `| --- | --- | --- | --- | --- |`,
  ...verdicts.map(
    (v) =>
      `| ${v.bench} | ${v.label} | ${typeof v.value === "number" ? v.value : String(v.value)} | ${v.target} | ${v.verdict} |`,
  ),
  ``,
];
writeFileSync(new URL("latest.md", out), md.join("\n"));
console.log(`\n${md.slice(6).join("\n")}`);
console.log(`Wrote bench/results/latest.json and latest.md.`);
