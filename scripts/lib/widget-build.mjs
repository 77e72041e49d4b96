// Builds the web widget with esbuild into dist/widget/ (served by the Worker as Workers Static Assets):
// `widget.js`, the loader (IIFE, a stable URL with a short cache), and `panel-<hash>.js`, the chat panel
// chunk it imports on first open (immutable). `_headers` gives both their caching and CORS headers.
// The companion app is built beside them, into app-assets/ (scripts/lib/app-build.mjs).
// Run directly (`npm run build:widget`) or call buildWidget() from the dev and test scripts.
import { build } from "esbuild";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildApp } from "./app-build.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the Worker's `[assets]` directory points. */
export const WIDGET_OUT_DIR = path.join(ROOT, "dist/widget");

// Module scripts (the panel chunk) are fetched with CORS, so every asset may be read cross-origin;
// they are public files and no credentials are ever allowed with them.
const HEADERS = `/widget.js
  Cache-Control: public, max-age=300
/panel-*
  Cache-Control: public, max-age=31536000, immutable
/app-assets/*
  Cache-Control: public, max-age=300
/*
  Access-Control-Allow-Origin: *
  Cross-Origin-Resource-Policy: cross-origin
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'none'; frame-ancestors 'none'
`;

const common = {
  bundle: true,
  minify: true,
  target: ["es2022"],
  legalComments: "none",
  tsconfig: path.join(ROOT, "widget/tsconfig.json"),
  logLevel: "warning",
};

/** Builds the widget; resolves to the output directory and the two file names. */
export async function buildWidget(outdir = WIDGET_OUT_DIR) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const panel = await build({
    ...common,
    entryPoints: { panel: path.join(ROOT, "widget/src/panel/index.ts") },
    format: "esm",
    entryNames: "[name]-[hash]",
    outdir,
    metafile: true,
  });
  const panelFile = path.basename(
    Object.keys(panel.metafile.outputs).find((file) => file.endsWith(".js")) ?? "",
  );
  await build({
    ...common,
    entryPoints: { widget: path.join(ROOT, "widget/src/loader/index.ts") },
    format: "iife",
    outdir,
    define: { __PANEL_FILE__: JSON.stringify(panelFile) },
  });
  writeFileSync(path.join(outdir, "_headers"), HEADERS);
  // The companion app ships as assets of the same Worker (app-assets/, beside the widget's files).
  await buildApp(outdir);
  return { outdir, loader: "widget.js", panel: panelFile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await buildWidget();
  console.log(
    `Widget built into ${path.relative(ROOT, result.outdir)}/: ${result.loader}, ${result.panel}`,
  );
}
