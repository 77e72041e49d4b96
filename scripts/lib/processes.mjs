// Child processes for the local stack: each runs in its own process group with its output prefixed,
// and all of them are stopped together (Ctrl-C, SIGTERM, or one of them dying) so nothing is left behind.
import { spawn } from "node:child_process";
import readline from "node:readline";

const children = new Set();
let stopping = false;

/** Starts `command args` with a name prefix on every output line. */
export function startProcess(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.add(child);
  const label = `[${name}]`.padEnd(10);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      if (options.quiet?.(line)) return;
      process.stdout.write(`${label} ${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`${label} exited (${signal ?? code}); stopping the stack.`);
      stopAll(1);
    }
  });
  return child;
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Stops every child (SIGTERM, then SIGKILL after a grace period) and exits with `code`. */
export function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) killGroup(child, "SIGTERM");
  const deadline = setTimeout(() => {
    for (const child of children) killGroup(child, "SIGKILL");
    process.exit(code);
  }, 5000);
  const check = setInterval(() => {
    if (children.size === 0) {
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
