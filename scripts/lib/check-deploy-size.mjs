// `npm test`'s deploy check: bundles the production Worker exactly as `wrangler deploy --env production`
// would (`--dry-run`, nothing is uploaded) and reports its compressed size against the Workers plans'
// limits (developers.cloudflare.com/workers/platform/limits/#worker-size: 3 MB on Free, 10 MB on Paid,
// after compression). Fails when the Worker would not deploy on the Paid plan; warns past Free's.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const FREE_LIMIT_KIB = 3 * 1024;
const PAID_LIMIT_KIB = 10 * 1024;

const outdir = mkdtempSync(path.join(tmpdir(), "coach-deploy-"));
const result = spawnSync(
  "npx",
  ["wrangler", "deploy", "--dry-run", "--env", "production", "--outdir", outdir],
  { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
);
rmSync(outdir, { recursive: true, force: true });
const output = `${result.stdout}\n${result.stderr}`;
const sizes = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output);
if (result.status !== 0 || !sizes) {
  console.error(output);
  console.error("✖ wrangler deploy --dry-run --env production failed; see above.");
  process.exit(1);
}
const [raw, gzip] = [Number(sizes[1]), Number(sizes[2])];
const percent = (limit) => `${((gzip / limit) * 100).toFixed(1)} %`;
console.log(
  `Worker bundle: ${raw.toFixed(0)} KiB, ${gzip.toFixed(0)} KiB compressed — ${percent(FREE_LIMIT_KIB)} of the Free plan's 3 MB, ${percent(PAID_LIMIT_KIB)} of the Paid plan's 10 MB.`,
);
if (gzip > PAID_LIMIT_KIB) {
  console.error("✖ The Worker is over the Paid plan's 10 MB limit and would not deploy.");
  process.exit(1);
}
if (gzip > FREE_LIMIT_KIB)
  console.warn("! Over the Free plan's 3 MB: deploying needs Workers Paid.");
console.log("✔ the production Worker bundles within the plan limits");
