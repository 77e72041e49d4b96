// Reads named values from .dev.vars for the auth benchmarks (which pass them to the Worker they start).
import { readFileSync } from "node:fs";

/** The named values of .dev.vars, unquoted. */
export function readDevVars(names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(".dev.vars", "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1] || !names.includes(match[1])) continue;
    values[match[1]] = (match[2] ?? "").replace(/^'(.*)'$/, "$1").replace(/^"(.*)"$/, "$1");
  }
  return values;
}
