/**
 * `npm run dev` stops the whole stack when one process dies, and leaves nothing behind: in the attack
 * run the bridge died and the Chroma it had started kept running on its port. The stack's process
 * handling (scripts/lib/processes.mjs) is tested here, in the suite that runs under Node, with a shell
 * standing in for the bridge: it starts a long-running child of its own, as the bridge starts Chroma,
 * and then dies.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const PROCESSES = pathToFileURL(
  join(import.meta.dirname, "..", "..", "scripts", "lib", "processes.mjs"),
).href;

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the dev stack's processes", () => {
  it("stops what a dead process had started", { timeout: 30_000 }, async () => {
    const script = `import { startProcess } from ${JSON.stringify(PROCESSES)};
startProcess("bridge", "sh", ["-c", "sleep 300 & echo leftover=$!; sleep 0.5; exit 3"]);`;
    const stack = spawn(process.execPath, ["--input-type=module", "--eval", script], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    stack.stdout.on("data", (data: Buffer) => (output += data.toString()));
    const code = await new Promise<number | null>((resolve) => stack.once("exit", resolve));
    const leftover = Number(/leftover=(\d+)/.exec(output)?.[1]);
    try {
      expect(code).toBe(1);
      expect(leftover).toBeGreaterThan(0);
      expect(alive(leftover)).toBe(false);
    } finally {
      if (leftover > 0 && alive(leftover)) process.kill(leftover, "SIGKILL");
    }
  });
});
