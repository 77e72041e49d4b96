/**
 * Starts a local Chroma server from the `chromadb` package (`chroma run --path DIR --port N`) when no
 * CHROMA_URL is configured, and waits until its heartbeat answers. Used by the bridge, the test run and
 * the benchmarks, so all three exercise a real server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** A running Chroma child process. */
export interface ChromaProcess {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Path of the chroma CLI shipped inside the chromadb package. */
export function chromaCliPath(): string {
  const require = createRequire(import.meta.url);
  // The package exports no package.json; its CommonJS entry sits in dist/cjs, next to dist/cli.mjs.
  return join(dirname(require.resolve("chromadb")), "..", "cli.mjs");
}

async function waitForHeartbeat(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Chroma exited with code ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(`${url}/api/v2/heartbeat`, {
        signal: AbortSignal.timeout(1000),
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Chroma did not answer its heartbeat within ${timeoutMs} ms: ${output()}`);
}

/** Starts Chroma on 127.0.0.1:`port` with data under `dataDir`; resolves once it answers. */
export async function startChroma(options: {
  dataDir: string;
  port: number;
  timeoutMs?: number;
}): Promise<ChromaProcess> {
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      chromaCliPath(),
      "run",
      "--path",
      options.dataDir,
      "--port",
      String(options.port),
      "--host",
      "127.0.0.1",
    ],
    {
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (data: Buffer) => {
    // Keep only the tail: enough to explain a failed start without growing forever.
    stderr = (stderr + data.toString()).slice(-2000);
  });
  const url = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForHeartbeat(url, child, options.timeoutMs ?? 30_000, () => stderr.trim());
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
