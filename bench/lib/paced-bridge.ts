// Starts the capacity benchmark's paced stand-ins as child processes — bridges
// (bench/lib/paced-bridge-process.ts) and Workers AI (bench/lib/paced-workers-ai-process.ts) — so each
// paces its answers on an event loop of its own, apart from the load generator.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { PacedBridgeSettings } from "./paced-bridge-process";
import type { PacedWorkersAiSettings } from "./paced-workers-ai-process";

const ROOT = join(import.meta.dirname, "../..");

export type PacedBridge = { child: ChildProcess; url: string };

/** Starts `script` with its settings as JSON in `variable`; resolves once it prints the URL it listens on. */
async function startPaced(
  script: string,
  variable: string,
  settings: object,
): Promise<PacedBridge> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, [variable]: JSON.stringify(settings) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${script} exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) =>
      resolve(String((JSON.parse(line) as { url: string }).url)),
    );
  });
  return { child, url };
}

/** Starts one paced bridge; resolves once it listens. */
export function startPacedBridge(settings: PacedBridgeSettings): Promise<PacedBridge> {
  return startPaced("bench/lib/paced-bridge-process.ts", "PACED_BRIDGE_SETTINGS", settings);
}

/** Starts the paced Workers AI stand-in; resolves once it listens. */
export function startPacedWorkersAi(settings: PacedWorkersAiSettings): Promise<PacedBridge> {
  return startPaced("bench/lib/paced-workers-ai-process.ts", "PACED_WORKERS_AI_SETTINGS", settings);
}

/** Stops a stand-in and waits for its process to exit. */
export async function stopPacedBridge(bridge: PacedBridge): Promise<void> {
  if (bridge.child.exitCode !== null) return;
  const exited = new Promise((resolve) => bridge.child.once("exit", resolve));
  bridge.child.kill("SIGTERM");
  await exited;
}
