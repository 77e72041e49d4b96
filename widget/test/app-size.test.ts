// The companion app's size on a fresh build: what a first visit downloads of it (script and styles;
// the HTML shell, manifest and icon come from the Worker and are measured in companion-app.test.ts)
// and the service worker, gzipped, printed and held to the first-load budget of 60 KB.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../scripts/lib/app-build.mjs";

const FIRST_LOAD_BUDGET = 60 * 1024;
const root = mkdtempSync(path.join(tmpdir(), "app-size-"));
let sizes: Record<string, number>;

beforeAll(async () => {
  const dir = await buildApp(root);
  sizes = Object.fromEntries(
    readdirSync(dir).map((name) => [
      name,
      gzipSync(readFileSync(path.join(dir, name)), { level: 9 }).length,
    ]),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("companion app size (gzip)", () => {
  it(`keeps the app's script and styles within ${FIRST_LOAD_BUDGET} bytes`, () => {
    const firstLoad = (sizes["app.js"] ?? 0) + (sizes["app.css"] ?? 0);
    console.log(
      `companion app build, gzipped: ${JSON.stringify(sizes)}; first load ${firstLoad} bytes`,
    );
    expect(sizes["app.js"]).toBeGreaterThan(0);
    expect(sizes["sw.js"]).toBeGreaterThan(0);
    expect(firstLoad).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  });
});
