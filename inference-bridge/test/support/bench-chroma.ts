/**
 * A throwaway Chroma server for a benchmark run: temporary data directory, free port, removed on stop.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChroma } from "../../src/backends/chroma-process";
import { freePort } from "./free-port";

/** Starts Chroma; `stop` kills it and deletes its data. */
export async function startBenchChroma(): Promise<{
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), "bench-chroma-"));
  const chroma = await startChroma({ dataDir, port: await freePort() });
  return {
    url: chroma.url,
    pid: chroma.pid,
    async stop() {
      await chroma.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
