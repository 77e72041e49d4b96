// The dashboard's tests: unit tests of the session's token refresh, and end-to-end journeys in real
// Chromium against the real local stack (the widget suite's: wrangler dev, the bridge with its Ollama
// stand-in), with the built dashboard served on its own origin. Files run one after another: they share
// the stack and the stand-in's settings.
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, ".."),
  test: {
    include: ["dashboard/test/**/*.test.ts"],
    globalSetup: ["dashboard/test/support/stack.global.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
