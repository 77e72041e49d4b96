/**
 * `npm run doctor` on a home server set up as the README says: the settings file, the systemd unit from
 * deploy/, Ollama (the protocol stand-in) with both models, a real Chroma, the running bridge and the
 * tunnel config from cloudflared/ — every line passes except what this machine lacks (cloudflared's
 * binary), and each thing taken away is named with what to do.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { formatResults, runDoctor } from "../src/doctor/main";
import { startHarness, TEST_SECRET, type Harness } from "./support/harness";

const BRIDGE_DIR = path.resolve(import.meta.dirname, "..");
let harness: Harness;
let dir: string;

beforeAll(async () => {
  harness = await startHarness({ chromaUrl: inject("chromaUrl"), backend: "ollama" });
  dir = mkdtempSync(path.join(tmpdir(), "doctor-"));
});
afterAll(() => harness.close());

/** A home server's files, as the README's steps leave them, with `change` applied to the settings. */
function homeServer(settings: Record<string, string> = {}, mode = 0o600) {
  const port = new URL(harness.url).port;
  const envFile = path.join(dir, `bridge-${Math.random().toString(36).slice(2)}.env`);
  const values = {
    BRIDGE_SECRET: TEST_SECRET,
    BRIDGE_PORT: port,
    OLLAMA_HOST: harness.standIn?.url ?? "",
    CHROMA_URL: inject("chromaUrl"),
    ...settings,
  };
  writeFileSync(
    envFile,
    Object.entries(values)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
  chmodSync(envFile, mode);
  const unit = path.join(dir, "inference-bridge.service");
  writeFileSync(
    unit,
    readFileSync(path.join(BRIDGE_DIR, "deploy/inference-bridge.service"), "utf8")
      .replace("EnvironmentFile=/etc/inference-bridge.env", `EnvironmentFile=${envFile}`)
      .replace("WorkingDirectory=/opt/coach/inference-bridge", `WorkingDirectory=${BRIDGE_DIR}`)
      .replace("ExecStart=/usr/bin/node", `ExecStart=${process.execPath}`),
  );
  const credentials = path.join(dir, "tunnel.json");
  writeFileSync(credentials, "{}");
  const tunnelConfig = path.join(dir, "tunnel.yml");
  writeFileSync(
    tunnelConfig,
    readFileSync(path.join(BRIDGE_DIR, "cloudflared/config.yml"), "utf8")
      .replaceAll("bridge.example.com", "bridge.coach.test")
      .replace("/etc/cloudflared/inference-bridge.json", credentials)
      .replace("http://127.0.0.1:8788", `http://127.0.0.1:${port}`),
  );
  // cloudflared's binary cannot be installed on these machines (its npm package downloads it); named
  // absent on purpose, so the line is the same wherever the test runs.
  return { envFile, unit, tunnelConfig, bridgeDir: BRIDGE_DIR, cloudflared: "cloudflared-absent" };
}

describe("the doctor", () => {
  it("passes every line of a server set up as documented, except cloudflared's binary", async () => {
    const results = await runDoctor(homeServer());
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.line)).toEqual(["cloudflared is not installed"]);
    expect(results.filter((r) => r.ok).map((r) => r.line)).toEqual([
      expect.stringMatching(/^Node \d+/),
      expect.stringContaining("settings accepted"),
      expect.stringContaining("installed, Node"),
      expect.stringContaining("with llama3.2:1b and nomic-embed-text"),
      expect.stringContaining("Chroma at"),
      expect.stringContaining("(ollama mode)"),
      expect.stringContaining("the bridge and nothing else"),
    ]);
    expect(formatResults(results)).toContain("→ Install it from Cloudflare's packages");
  });

  it("names what is missing and what to do: a readable secret, a missing model, a stopped bridge", async () => {
    const exposed = await runDoctor(homeServer({}, 0o644));
    expect(formatResults(exposed)).toMatch(/✖ .* is readable by others\n {4}→ chmod 600/);

    const noEmbedder = await runDoctor(homeServer({ EMBED_MODEL: "mxbai-embed-large" }));
    expect(noEmbedder.find((r) => !r.ok && r.line.startsWith("Ollama"))?.fix).toBe(
      "ollama pull mxbai-embed-large",
    );

    const elsewhere = await runDoctor(homeServer({ BRIDGE_PORT: "1" }));
    expect(elsewhere.map((r) => r.line)).toEqual(
      expect.arrayContaining([
        "The bridge does not answer at http://127.0.0.1:1/health",
        expect.stringContaining("does not route to the bridge"),
      ]),
    );
  });

  it("refuses settings the bridge would refuse, with the bridge's own words", async () => {
    const results = await runDoctor(homeServer({ BRIDGE_SECRET: "short" }));
    expect(results[1]).toMatchObject({ ok: false, line: expect.stringContaining("BRIDGE_SECRET") });
  });
});
