// Reads and updates `.dev.vars`, the local secrets file wrangler loads (never committed).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";

export const DEV_VARS_PATH = new URL("../../.dev.vars", import.meta.url);

/** The variables in `.dev.vars` (values may be quoted). */
export function readDevVars() {
  if (!existsSync(DEV_VARS_PATH)) return {};
  const vars = {};
  for (const line of readFileSync(DEV_VARS_PATH, "utf8").split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match) continue;
    const raw = match[2];
    vars[match[1]] = raw.startsWith('"') ? JSON.parse(raw) : raw;
  }
  return vars;
}

/** Sets `name` in `.dev.vars`, keeping every other line. */
export function writeDevVar(name, value) {
  const lines = existsSync(DEV_VARS_PATH) ? readFileSync(DEV_VARS_PATH, "utf8").split("\n").filter((l) => l !== "") : [];
  const kept = lines.filter((line) => !line.startsWith(`${name}=`));
  kept.push(`${name}=${JSON.stringify(value)}`);
  writeFileSync(DEV_VARS_PATH, `${kept.join("\n")}\n`, { mode: 0o600 });
}

/**
 * The shared secret the edge signs bridge requests with: `BRIDGE_SECRET` from the environment when
 * set, else the one generated on a previous run, else a new random one. Kept in `.dev.vars`.
 */
export function ensureBridgeSecret() {
  const current = readDevVars().BRIDGE_SECRET;
  const secret = process.env.BRIDGE_SECRET || current || randomBytes(32).toString("hex");
  if (secret !== current) writeDevVar("BRIDGE_SECRET", secret);
  return secret;
}
