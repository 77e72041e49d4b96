// Child processes for the local stack: each runs in its own process group with its output prefixed,
// and all of them are stopped together (Ctrl-C, SIGTERM, or one of them dying) so nothing is left behind.
// A group outlives its leader: when the bridge dies, the Chroma it started is still in the bridge's
// group, so groups are signalled until they are empty, not only while their leader runs.
import { spawn } from "node:child_process";
import readline from "node:readline";

/** Process group ids of every child started, running or not. */
const groups = new Set();
let stopping = false;

/** Starts `command args` with a name prefix on every output line. */
export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  groups.add(child.pid);
  const label = `[${name}]`.padEnd(10);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      if (options.quiet?.(line)) return;
      process.stdout.write(`${label} ${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${label} exited (${signal ?? code}); stopping the stack.`);
      stopAll(1);
    }
  });
  return child;
}

function signalGroup(group, signal) {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    // No process is left in the group.
    return false;
  }
}

/** Stops every process group (SIGTERM, then SIGKILL after a grace period) and exits with `code`. */
export function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const group of groups) signalGroup(group, "SIGTERM");
  const deadline = setTimeout(() => {
    for (const group of groups) signalGroup(group, "SIGKILL");
    process.exit(code);
  }, 5000);
  const check = setInterval(() => {
    // Signal 0 only asks whether any process of the group is still there.
    if ([...groups].every((group) => !signalGroup(group, 0))) {
      clearTimeout(deadline);
      clearInterval(check);
      process.exit(code);
    }
  }, 100);
}

/** Stops the stack on Ctrl-C or SIGTERM. */
export function stopOnSignals() {
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
}
