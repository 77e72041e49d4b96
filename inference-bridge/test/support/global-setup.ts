/**
 * Prepares the language files once, starts one real Chroma server (`chroma run` from node_modules) in a
 * temporary directory for the test run, hands its URL to the tests through `provide`, and stops it at
 * teardown.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startChroma } from "../../src/backends/chroma-process";
import { loadLanguageResources } from "../../src/text/language-resources";
import { freePort } from "./free-port";
import { TEST_LANGUAGE_DIR } from "./language-dir";

declare module "vitest" {
  export interface ProvidedContext {
    chromaUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Built here once (in a child process, tens of seconds on a first run), so no test waits for it.
  await loadLanguageResources(TEST_LANGUAGE_DIR);
  const dataDir = mkdtempSync(join(tmpdir(), "bridge-chroma-"));
  const chroma = await startChroma({ dataDir, port: await freePort() });
  project.provide("chromaUrl", chroma.url);
  return async () => {
    await chroma.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
