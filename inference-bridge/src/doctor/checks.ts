/**
 * What `npm run doctor -w inference-bridge` checks on the home server, one line each, in the order a
 * creator sets things up: Node, the bridge's settings file, its systemd unit, Ollama and the two
 * models, Chroma, the running bridge, and the Cloudflare Tunnel. A failed line says what to do.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { OllamaBackend, ollamaOptions } from "../backends/ollama";
import { ConfigError, loadConfig, type Config } from "../config";

const run = promisify(execFile);

export type CheckResult = { ok: boolean; line: string; fix?: string };

export type DoctorPaths = {
  envFile: string;
  unit: string;
  tunnelConfig: string;
  /** The bridge's folder (where node_modules/.bin/chroma lives when the bridge starts Chroma). */
  bridgeDir: string;
  /** The cloudflared command; "cloudflared" from PATH unless named. */
  cloudflared?: string;
};

export const DEFAULT_PATHS: Omit<DoctorPaths, "bridgeDir"> = {
  envFile: "/etc/inference-bridge.env",
  unit: "/etc/systemd/system/inference-bridge.service",
  tunnelConfig: "/etc/cloudflared/inference-bridge.yml",
};

const pass = (line: string): CheckResult => ({ ok: true, line });
const fail = (line: string, fix: string): CheckResult => ({ ok: false, line, fix });

/** `KEY=value` lines, as systemd's EnvironmentFile reads them (quotes stripped, comments skipped). */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (match?.[1]) values[match[1]] = (match[2] ?? "").replace(/^(["'])(.*)\1$/, "$2");
  }
  return values;
}

async function nodeMajor(binary: string): Promise<number | null> {
  try {
    const { stdout } = await run(binary, ["-v"]);
    return Number(/^v(\d+)/.exec(stdout.trim())?.[1] ?? NaN) || null;
  } catch {
    return null;
  }
}

export function checkNode(version = process.versions.node): CheckResult {
  const major = Number(version.split(".")[0]);
  return major >= 22
    ? pass(`Node ${version}`)
    : fail(
        `Node ${version} is older than 22`,
        "Install Node 22 LTS or newer (nodejs.org or NodeSource).",
      );
}

/** `Environment=KEY=value` lines of a systemd unit. */
function unitEnvironment(unit: string): Record<string, string> {
  if (!existsSync(unit)) return {};
  const lines = [...readFileSync(unit, "utf8").matchAll(/^Environment=(.+)$/gm)];
  return parseEnvFile(lines.map((m) => m[1] ?? "").join("\n"));
}

/**
 * The settings file: present, readable only by its owner, and accepted by the bridge together with what
 * the unit sets (the file wins, as under systemd).
 */
export function checkEnvFile(
  file: string,
  unit: string,
): { result: CheckResult; config: Config | null } {
  if (!existsSync(file))
    return {
      result: fail(
        `${file} is missing`,
        `Create it (mode 0600) with at least BRIDGE_SECRET=<the edge's BRIDGE_SECRET>.`,
      ),
      config: null,
    };
  if ((statSync(file).mode & 0o077) !== 0)
    return {
      result: fail(
        `${file} is readable by others`,
        `chmod 600 ${file}: it holds the bridge's secret.`,
      ),
      config: null,
    };
  try {
    const config = loadConfig({
      ...unitEnvironment(unit),
      ...parseEnvFile(readFileSync(file, "utf8")),
    });
    return { result: pass(`${file}: settings accepted`), config };
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    return {
      result: fail(`${file}: ${message}`, `Fix ${file} and run the doctor again.`),
      config: null,
    };
  }
}

/** The systemd unit: installed, reading the settings file, running a Node that is new enough. */
export async function checkUnit(unit: string, envFile: string): Promise<CheckResult> {
  if (!existsSync(unit))
    return fail(
      `${unit} is missing`,
      `sudo cp deploy/inference-bridge.service ${unit} && sudo systemctl daemon-reload && sudo systemctl enable --now inference-bridge`,
    );
  const text = readFileSync(unit, "utf8");
  if (!text.includes(`EnvironmentFile=${envFile}`))
    return fail(
      `${unit} does not read ${envFile}`,
      `Set EnvironmentFile=${envFile} under [Service].`,
    );
  const workDir = /^WorkingDirectory=(.+)$/m.exec(text)?.[1]?.trim();
  if (!workDir || !existsSync(path.join(workDir, "src", "main.ts")))
    return fail(
      `${unit}: WorkingDirectory ${workDir ?? "(unset)"} holds no bridge`,
      "Point WorkingDirectory at the repository's inference-bridge folder.",
    );
  const binary = /^ExecStart=(\S+)/m.exec(text)?.[1] ?? "node";
  const major = await nodeMajor(binary);
  if (major === null || major < 22)
    return fail(
      `${unit}: ${binary} is ${major === null ? "missing" : `Node ${major}`}`,
      "Point ExecStart at a Node 22 or newer binary.",
    );
  return pass(`${unit}: installed, Node ${major}`);
}

/** Ollama up, with the chat and embedding models pulled (skipped when the built-in answerer is chosen). */
export async function checkOllama(config: Config): Promise<CheckResult> {
  if (config.BRIDGE_BACKEND === "builtin")
    return pass(
      "Ollama not used (BRIDGE_BACKEND=builtin: the built-in answerer quotes the material)",
    );
  const models = await new OllamaBackend(ollamaOptions(config)).checkModels();
  if (!models.reachable)
    return fail(
      `Ollama at ${config.OLLAMA_HOST} does not answer`,
      "Install it (curl -fsSL https://ollama.com/install.sh | sh) and start it (sudo systemctl enable --now ollama).",
    );
  if (models.missing.length > 0)
    return fail(
      `Ollama is missing ${models.missing.join(" and ")}`,
      models.missing.map((name) => `ollama pull ${name}`).join(" && "),
    );
  return pass(
    `Ollama at ${config.OLLAMA_HOST} with ${config.CHAT_MODEL} and ${config.EMBED_MODEL}`,
  );
}

/** Chroma: the configured server answers its heartbeat, or the bridge can start its own. */
export async function checkChroma(config: Config, bridgeDir: string): Promise<CheckResult> {
  if (config.CHROMA_URL) {
    const ok = await fetch(new URL("/api/v2/heartbeat", config.CHROMA_URL), {
      signal: AbortSignal.timeout(3000),
    }).then(
      (res) => res.ok,
      () => false,
    );
    return ok
      ? pass(`Chroma at ${config.CHROMA_URL}`)
      : fail(
          `Chroma at ${config.CHROMA_URL} does not answer`,
          "Start it, or unset CHROMA_URL to let the bridge run its own.",
        );
  }
  const binary = [bridgeDir, path.dirname(bridgeDir)]
    .map((dir) => path.join(dir, "node_modules", ".bin", "chroma"))
    .find((candidate) => existsSync(candidate));
  return binary
    ? pass(`Chroma: the bridge starts its own (${binary})`)
    : fail(
        "Chroma's server is not installed",
        "Run npm ci --workspace inference-bridge --omit=dev --include-workspace-root=false in the repository.",
      );
}

/** The running bridge's own health. */
export async function checkBridge(config: Config): Promise<CheckResult> {
  const url = `http://${config.BRIDGE_HOST}:${config.BRIDGE_PORT}/health`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { status?: string; mode?: string };
    return body.status === "ok"
      ? pass(`The bridge answers at ${url} (${body.mode ?? "?"} mode)`)
      : fail(
          `The bridge at ${url} is ${body.status ?? "unwell"}`,
          "See journalctl -u inference-bridge for what it lacks.",
        );
  } catch {
    return fail(
      `The bridge does not answer at ${url}`,
      "sudo systemctl start inference-bridge; journalctl -u inference-bridge says why it stopped.",
    );
  }
}

/** The tunnel: cloudflared installed, its config exposing the bridge and nothing else. */
export async function checkTunnel(
  file: string,
  config: Config,
  cloudflared = "cloudflared",
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  try {
    const { stdout } = await run(cloudflared, ["--version"]);
    results.push(pass(stdout.trim().split("\n")[0] ?? "cloudflared"));
  } catch {
    results.push(
      fail(
        "cloudflared is not installed",
        "Install it from Cloudflare's packages (pkg.cloudflare.com); the npm package is not used.",
      ),
    );
  }
  if (!existsSync(file)) {
    results.push(
      fail(
        `${file} is missing`,
        `sudo cp cloudflared/config.yml ${file}, then set hostname and credentials-file.`,
      ),
    );
    return results;
  }
  const text = readFileSync(file, "utf8");
  const services = [...text.matchAll(/^\s*-?\s*service:\s*(\S+)/gm)].map((m) => m[1] ?? "");
  const credentials = /^credentials-file:\s*(\S+)/m.exec(text)?.[1];
  const bridgeTargets = [
    `http://127.0.0.1:${config.BRIDGE_PORT}`,
    `http://localhost:${config.BRIDGE_PORT}`,
  ];
  if (!services.some((service) => bridgeTargets.includes(service)))
    results.push(
      fail(
        `${file} does not route to the bridge`,
        `Set the ingress service to http://127.0.0.1:${config.BRIDGE_PORT}.`,
      ),
    );
  else if (services.at(-1) !== "http_status:404")
    results.push(
      fail(
        `${file} routes more than the bridge`,
        "End the ingress with `- service: http_status:404`.",
      ),
    );
  else if (/hostname:\s*bridge\.example\.com/.test(text))
    results.push(
      fail(
        `${file} still names bridge.example.com`,
        "Set hostname to your tunnel's hostname (the edge's BRIDGE_URL).",
      ),
    );
  else if (!credentials || !existsSync(credentials))
    results.push(
      fail(
        `${file}: credentials file ${credentials ?? "(unset)"} is missing`,
        "cloudflared tunnel create inference-bridge writes it; point credentials-file at it.",
      ),
    );
  else results.push(pass(`${file}: the bridge and nothing else`));
  return results;
}
