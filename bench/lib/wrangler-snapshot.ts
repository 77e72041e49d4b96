// A frozen copy of the Worker for a benchmark's dev server. wrangler's local server rebuilds and reloads
// whenever a source file or wrangler.toml changes (unstable_dev offers no way to turn that off), and a
// reload mid-run restarts every Durable Object and, in wrangler 4.85, can lose the compatibility date.
// Other work in the checkout may edit files at any time, so the benchmark's server runs a bundle built
// once at start (`wrangler deploy --dry-run`), from a config copy that points at it without bundling.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureDevSecrets } from "../../scripts/lib/dev-secrets.mjs";

const ROOT = join(import.meta.dirname, "..", "..");

/** Builds the Worker and writes the config copy into a fresh temporary directory; returns the config's path. */
export function snapshotWranglerConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), "bench-wrangler-"));
  const build = join(dir, "build");
  const built = spawnSync("npx", ["wrangler", "deploy", "--dry-run", "--outdir", build], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (built.status !== 0)
    throw new Error(`wrangler could not build the Worker:\n${built.stdout}\n${built.stderr}`);
  // Paths in the config are relative to its own folder: make them absolute so the copy points home,
  // and run the built bundle as it is (its WebAssembly modules beside it).
  const config = readFileSync(join(ROOT, "wrangler.toml"), "utf8")
    .replace(
      /^(\s*(?:directory|migrations_dir)\s*=\s*)"([^"]+)"/gm,
      (_, key: string, value: string) => `${key}${JSON.stringify(resolve(ROOT, value))}`,
    )
    .replace(
      /^main\s*=\s*"[^"]+"/m,
      `main = ${JSON.stringify(join(build, "index.js"))}\nno_bundle = true\nfind_additional_modules = true\nrules = [{ type = "CompiledWasm", globs = ["**/*.wasm"] }]`,
    );
  const path = join(dir, "wrangler.toml");
  writeFileSync(path, config);
  // The local secrets too (the Worker needs them), completed in the copy, never in the checkout.
  if (existsSync(join(ROOT, ".dev.vars")))
    copyFileSync(join(ROOT, ".dev.vars"), join(dir, ".dev.vars"));
  ensureDevSecrets({ file: join(dir, ".dev.vars") });
  return path;
}
