/**
 * Vitest under Node for the bridge. One real Chroma server is started for the whole run by the global
 * setup; each test file uses its own tenants, so files can run in parallel against it.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 40_000,
  },
});
