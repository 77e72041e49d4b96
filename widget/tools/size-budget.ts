// The widget's size budget and how it is measured: gzip (level 9) of each built file, the loader on its
// own and the loader plus every chunk. Used by the size test (fails past the budget) and the bench.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Bytes, gzipped: what every page view downloads, and everything once the chat has been opened. */
export const BUDGET = { loader: 4 * 1024, total: 25 * 1024 } as const;

/** Gzipped sizes of the JavaScript files in a widget build directory. */
export function measureWidget(dir: string) {
  const files: Record<string, number> = {};
  let raw = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    const bytes = readFileSync(path.join(dir, name));
    raw += bytes.length;
    files[name] = gzipSync(bytes, { level: 9 }).length;
  }
  const loader = files["widget.js"] ?? 0;
  const total = Object.values(files).reduce((sum, n) => sum + n, 0);
  return { loader, panel: total - loader, total, raw_total: raw, files };
}

/** What `measureWidget` reports: the loader, the lazily loaded panel, their total and each file. */
export type WidgetSizes = ReturnType<typeof measureWidget>;
