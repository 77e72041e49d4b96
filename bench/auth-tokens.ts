/**
 * Access-token verification inside workerd: the median cost of one `verifyAccessToken` (header checks,
 * RS256 signature, claims) with the app's own code, timed in batches of 50. Target: ≤ 1 ms.
 *
 * Run: npx tsx bench/auth-tokens.ts
 */
import { unstable_dev } from "wrangler";
import { ensureDevSecrets, readDevVars } from "../scripts/lib/dev-secrets.mjs";

process.env.WRANGLER_SEND_METRICS = "false";
ensureDevSecrets();
const vars = readDevVars({ names: ["JWT_PRIVATE_KEY", "JWT_PREVIOUS_PUBLIC_KEYS"] });

const worker = await unstable_dev("bench/lib/auth-bench-worker.ts", {
  config: "bench/lib/auth-bench.wrangler.toml",
  vars,
  logLevel: "warn",
  experimental: { disableExperimentalWarning: true, testMode: true },
});
try {
  const res = await worker.fetch("/verify?batches=40");
  const result = (await res.json()) as {
    median_ms: number;
    min_ms: number;
    max_ms: number;
    batches: number;
    batch_size: number;
  };
  const round = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    `access-token verification in workerd: median ${round(result.median_ms)} ms (min ${round(result.min_ms)}, max ${round(result.max_ms)}) over ${result.batches}×${result.batch_size}`,
  );
  console.log(`target ≤ 1 ms: ${result.median_ms <= 1 ? "met" : "missed"}`);
  console.log(
    JSON.stringify({
      bench: "auth-tokens",
      results: {
        verify_median_ms: round(result.median_ms),
        verify_min_ms: round(result.min_ms),
        verify_max_ms: round(result.max_ms),
        target_ms: 1,
        met: result.median_ms <= 1,
      },
    }),
  );
} finally {
  await worker.stop();
}
