/**
 * Runs the bridge as its own process, as `npm start` does (`node --import tsx src/main.ts`), for
 * benchmarks that must not share an event loop or a heap with the load generator. Includes a signed
 * POST helper.
 */
import { signRequest } from "@coach/contracts/signature";
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { TEST_LANGUAGE_DIR } from "./language-dir";
import { freePort } from "./free-port";
import { TEST_SECRET } from "./harness";

export interface BridgeProcess {
  url: string;
  child: ChildProcess;
  /** Signs and sends a POST; `signed` is called after signing, just before the request leaves. */
  post(path: string, payload: unknown, signed?: () => void): Promise<Response>;
  stop(): Promise<void>;
}

/** Starts the bridge with `env` on a free port and waits until /health answers. */
export async function startBridgeProcess(env: Record<string, string>): Promise<BridgeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: {
      ...process.env,
      BRIDGE_SECRET: TEST_SECRET,
      BRIDGE_PORT: String(port),
      BRIDGE_LOG_LEVEL: "warn",
      BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`bridge exited with code ${child.exitCode}`);
    if (
      await fetch(`${url}/health`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    async post(path, payload, signed) {
      const body = JSON.stringify(payload);
      const headers = await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: path, body });
      signed?.();
      return fetch(`${url}${path}`, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json", ...headers },
      });
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
