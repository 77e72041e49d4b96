/**
 * Sign-in latency on a local Worker (wrangler dev: workerd, local D1 and Durable Objects): p50 and p95
 * of POST /api/v1/auth/login, and how much of it is the Argon2id check (m=19456 KiB, t=2, p=1),
 * timed on its own inside workerd.
 *
 * Run: npx tsx bench/auth-login.ts
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unstable_dev } from "wrangler";
import { ensureDevSecrets, readDevVars } from "../scripts/lib/dev-secrets.mjs";
import { buildWidget } from "../scripts/lib/widget-build.mjs";

const WARMUP = 10;
const RUNS = 100;
const PASSWORD = "Bench lantern 8812";

process.env.WRANGLER_SEND_METRICS = "false";
ensureDevSecrets();
// The Worker serves the widget as static assets; wrangler refuses to start without them.
await buildWidget();
const persistTo = mkdtempSync(path.join(tmpdir(), "coach-auth-bench-"));
const migrate = spawnSync(
  "npx",
  ["wrangler", "d1", "migrations", "apply", "coach-db", "--local", "--persist-to", persistTo],
  { encoding: "utf8" },
);
if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

const app = await unstable_dev("worker/index.ts", {
  config: "wrangler.toml",
  persistTo,
  logLevel: "warn",
  experimental: { disableExperimentalWarning: true, testMode: true },
});
const hashWorker = await unstable_dev("bench/lib/auth-bench-worker.ts", {
  config: "bench/lib/auth-bench.wrangler.toml",
  vars: readDevVars({ names: ["JWT_PRIVATE_KEY", "JWT_PREVIOUS_PUBLIC_KEYS"] }),
  logLevel: "warn",
  experimental: { disableExperimentalWarning: true, testMode: true },
});

try {
  const email = `bench.${Date.now()}@example.test`;
  const headers = (i: number) => ({
    "Content-Type": "application/json",
    "CF-Connecting-IP": `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`,
  });
  const registered = await app.fetch("/api/v1/auth/register", {
    method: "POST",
    headers: headers(0),
    body: JSON.stringify({ email, password: PASSWORD, full_name: "Bench" }),
  });
  if (registered.status !== 202)
    throw new Error(`register answered ${registered.status}: ${await registered.text()}`);

  const times: number[] = [];
  for (let i = 1; i <= WARMUP + RUNS; i++) {
    const started = performance.now();
    const res = await app.fetch("/api/v1/auth/login", {
      method: "POST",
      headers: headers(i),
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const elapsed = performance.now() - started;
    if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    if (i > WARMUP) times.push(elapsed);
  }
  const hash = (await (await hashWorker.fetch("/hash?runs=30")).json()) as { median_ms: number };
  const p50 = percentile(times, 50);
  const p95 = percentile(times, 95);
  const share = hash.median_ms / p50;
  console.log(
    `login over ${RUNS} runs (local wrangler dev): p50 ${round(p50)} ms, p95 ${round(p95)} ms`,
  );
  console.log(
    `Argon2id verify in workerd (m=19456, t=2, p=1): median ${round(hash.median_ms)} ms = ${Math.round(share * 100)}% of the p50`,
  );
  console.log(
    JSON.stringify({
      bench: "auth-login",
      results: {
        runs: RUNS,
        login_p50_ms: round(p50),
        login_p95_ms: round(p95),
        hash_median_ms: round(hash.median_ms),
        hash_share_of_p50: Math.round(share * 100) / 100,
      },
    }),
  );
} finally {
  await app.stop();
  await hashWorker.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
