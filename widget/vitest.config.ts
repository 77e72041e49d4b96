// The widget's browser suite: real Chromium (playwright-core, the system's /usr/bin/chromium) against a
// real local stack started once by the global setup (wrangler dev, the bridge with its stand-in, the
// demo site on its own origin). Files run one after another: they share the stand-in's settings.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, ".."),
  test: {
    include: ["widget/test/**/*.test.ts"],
    globalSetup: ["widget/test/support/stack.global.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // What a page shows after a round trip through the stack (a program's step, a push, a reconnect)
    // can take seconds on a loaded CI machine; the one-second default made these checks flaky.
    expect: { poll: { timeout: 15_000 } },
  },
});
