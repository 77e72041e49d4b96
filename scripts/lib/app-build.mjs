// Builds the companion app with esbuild into `<outdir>/app-assets/` (served as Workers Static Assets
// beside the widget): `app.js` (the app, an ES module), `app.css`, and `sw.js` (the service worker
// code every creator's `/app/<key>/sw.js` imports), which names the build's hash so a new build
// replaces the offline cache. Called by buildWidget(), so dev, tests and deploys build both.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const common = {
  bundle: true,
  minify: true,
  target: ["es2022"],
  legalComments: "none",
  tsconfig: path.join(ROOT, "app/tsconfig.json"),
  logLevel: "warning",
};

/** Builds the app into `<outdir>/app-assets/`; resolves to that directory. */
export async function buildApp(outdir) {
  const dir = path.join(outdir, "app-assets");
  mkdirSync(dir, { recursive: true });
  await build({
    ...common,
    entryPoints: [path.join(ROOT, "app/src/index.ts")],
    format: "esm",
    outfile: path.join(dir, "app.js"),
  });
  copyFileSync(path.join(ROOT, "app/src/app.css"), path.join(dir, "app.css"));
  const version = createHash("sha256")
    .update(readFileSync(path.join(dir, "app.js")))
    .update(readFileSync(path.join(dir, "app.css")))
    .digest("hex")
    .slice(0, 12);
  await build({
    ...common,
    entryPoints: [path.join(ROOT, "app/src/sw.ts")],
    format: "iife",
    outfile: path.join(dir, "sw.js"),
    define: { __APP_VERSION__: JSON.stringify(version) },
  });
  return dir;
}
