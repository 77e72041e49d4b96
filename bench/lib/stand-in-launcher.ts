// Starts bench/lib/stand-in-process.ts as a child process: the Ollama-protocol stand-in with an event loop
// of its own, so neither the load generator's work nor the benchmark client's delays the tokens it
// streams (in one process with the client, the client's handling of each response competed with it).
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { freePort } from "../../inference-bridge/test/support/free-port";
import type { StandInSettings } from "../../inference-bridge/test/support/ollama-stand-in";

const ROOT = join(import.meta.dirname, "../..");

export type StandInChild = { child: ChildProcess; url: string; controlUrl: string };

export async function startStandIn(settings: Partial<StandInSettings>): Promise<StandInChild> {
  const controlPort = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(ROOT, "bench/lib/stand-in-process.ts")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        STAND_IN_CONTROL_PORT: String(controlPort),
        STAND_IN_SETTINGS: JSON.stringify(settings),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the stand-in exited (${code})`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once("line", (line) =>
      resolve(String((JSON.parse(line) as { url: string }).url)),
    );
  });
  return { child, url, controlUrl: `http://127.0.0.1:${controlPort}` };
}

/** Stops the child and waits for it to exit. */
export async function stopStandIn(standIn: StandInChild): Promise<void> {
  if (standIn.child.exitCode !== null) return;
  const exited = new Promise((resolve) => standIn.child.once("exit", resolve));
  standIn.child.kill("SIGTERM");
  await exited;
}
