// Starts bench/lib/paced-bridge-process.ts as child processes: one paced stand-in bridge each, so the
// pool's bridges pace their answers on event loops of their own, apart from the load generator.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { PacedBridgeSettings } from "./paced-bridge-process";

const ROOT = join(import.meta.dirname, "../..");

export type PacedBridge = { child: ChildProcess; url: string };

/** Starts one paced bridge; resolves once it listens. */
export async function startPacedBridge(settings: PacedBridgeSettings): Promise<PacedBridge> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/lib/paced-bridge-process.ts")],
    {
      cwd: ROOT,
      env: { ...process.env, PACED_BRIDGE_SETTINGS: JSON.stringify(settings) },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`a paced bridge exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) =>
      resolve(String((JSON.parse(line) as { url: string }).url)),
    );
  });
  return { child, url };
}

/** Stops the bridge and waits for its process to exit. */
export async function stopPacedBridge(bridge: PacedBridge): Promise<void> {
  if (bridge.child.exitCode !== null) return;
  const exited = new Promise((resolve) => bridge.child.once("exit", resolve));
  bridge.child.kill("SIGTERM");
  await exited;
}
