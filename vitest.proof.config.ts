// The proof suites as one run (`npm run proof`): fuzzing of every API body and socket frame, tenant
// isolation at scale, and the JWT and webhook forgeries of the auth and channel issues, all inside
// workerd with the root config's real bridge, Chroma and stand-ins. PROOF_CASES defaults to 10,000 here;
// `npm test` runs the same test/proof files with a small default.
import { defineConfig, type ViteUserConfig } from "vitest/config";
import rootConfig from "./vitest.config";

const PROOF_FILES = [
  "test/proof/**/*.test.ts",
  "test/worker/auth/forged-tokens.test.ts",
  "test/worker/channels/forgery.test.ts",
];

export default defineConfig(async (configEnv) => {
  process.env.PROOF_CASES ||= "10000";
  const base = (await (typeof rootConfig === "function"
    ? rootConfig(configEnv)
    : rootConfig)) as ViteUserConfig;
  return { ...base, test: { ...base.test, include: PROOF_FILES, testTimeout: 4 * 3_600_000 } };
});
