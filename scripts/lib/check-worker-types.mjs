// `npm test`'s check that worker-configuration.d.ts is what `npm run cf-typegen` makes of wrangler.toml
// and secrets.env.example today: it regenerates the file in place and compares byte for byte. A stale
// file is put back as it was, and the check fails naming the command that refreshes it.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FILE = path.join(ROOT, "worker-configuration.d.ts");

const committed = readFileSync(FILE, "utf8");
const result = spawnSync("npm", ["run", "--silent", "cf-typegen"], {
  cwd: ROOT,
  encoding: "utf8",
  env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
});
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  console.error("✖ wrangler types failed; see above.");
  process.exit(1);
}
const regenerated = readFileSync(FILE, "utf8");
if (regenerated !== committed) {
  writeFileSync(FILE, committed);
  console.error(
    "✖ worker-configuration.d.ts is stale: run `npm run cf-typegen` and commit the result.",
  );
  process.exit(1);
}
console.log("✔ worker-configuration.d.ts matches wrangler.toml");
