/**
 * `npm run doctor -w inference-bridge [-- --env-file F --unit F --tunnel-config F]`: checks the home
 * server line by line (src/doctor/checks.ts) and says what to do about each thing that is missing.
 * Exits 1 when anything is.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import {
  checkBridge,
  checkChroma,
  checkEnvFile,
  checkNode,
  checkOllama,
  checkTunnel,
  checkUnit,
  DEFAULT_PATHS,
  type CheckResult,
  type DoctorPaths,
} from "./checks";

/** Runs every check; later checks that need the settings are skipped when they cannot be read. */
export async function runDoctor(paths: DoctorPaths): Promise<CheckResult[]> {
  const results: CheckResult[] = [checkNode()];
  const { result, config } = checkEnvFile(paths.envFile, paths.unit);
  results.push(result, await checkUnit(paths.unit, paths.envFile));
  if (!config) return results;
  results.push(
    await checkOllama(config),
    await checkChroma(config, paths.bridgeDir),
    await checkBridge(config),
    ...(await checkTunnel(paths.tunnelConfig, config, paths.cloudflared)),
  );
  return results;
}

export function formatResults(results: readonly CheckResult[]): string {
  const lines = results.map((r) => (r.ok ? `✔ ${r.line}` : `✖ ${r.line}\n    → ${r.fix ?? ""}`));
  const missing = results.filter((r) => !r.ok).length;
  lines.push(
    missing === 0
      ? "Everything the bridge needs is in place."
      : `${missing} thing${missing === 1 ? "" : "s"} to fix; run the doctor again afterwards.`,
  );
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      "env-file": { type: "string", default: DEFAULT_PATHS.envFile },
      unit: { type: "string", default: DEFAULT_PATHS.unit },
      "tunnel-config": { type: "string", default: DEFAULT_PATHS.tunnelConfig },
    },
  });
  const results = await runDoctor({
    envFile: values["env-file"],
    unit: values.unit,
    tunnelConfig: values["tunnel-config"],
    bridgeDir: path.resolve(import.meta.dirname, "../.."),
  });
  console.log(formatResults(results));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}
