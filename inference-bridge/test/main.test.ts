/**
 * The entry point as a process: config errors, builtin start without Ollama, graceful SIGTERM drain.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { signRequest } from "@coach/contracts/signature";
import { freePort } from "./support/free-port";
import { PERSONA, TEST_SECRET, uniqueTenant } from "./support/harness";
import { TEST_LANGUAGE_DIR } from "./support/language-dir";
import { OllamaStandIn } from "./support/ollama-stand-in";

const root = join(import.meta.dirname, "..");

/**
 * As `npm start` runs it: one Node process with tsx as a loader. tsx's CLI wrapper would stand between
 * the signal and the bridge and SIGKILL it when the bridge is slow to acknowledge a SIGTERM.
 */
function launch(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

async function waitForHealth(port: number): Promise<Response | undefined> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const health = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
    if (health) return health;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

async function signedPost(port: number, path: string, payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  const headers = await signRequest(TEST_SECRET, { method: "POST", pathWithQuery: path, body });
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

describe("main", () => {
  it("stops with one sentence naming the variable when BRIDGE_SECRET is missing", async () => {
    const { child, output } = launch({});
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(1);
    expect(output().stderr.trim()).toBe(
      "BRIDGE_SECRET is missing; it should be the shared HMAC secret, at least 32 characters long.",
    );
  });

  it("starts in builtin mode without Ollama, serves /health and exits cleanly on SIGTERM", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), "bridge-main-"));
    const { child, output } = launch({
      BRIDGE_SECRET: TEST_SECRET,
      BRIDGE_PORT: String(port),
      CHROMA_URL: inject("chromaUrl"),
      OLLAMA_HOST: `http://127.0.0.1:${await freePort()}`,
      BRIDGE_DATA_DIR: dataDir,
    });
    try {
      const health = await waitForHealth(port);
      expect(await health?.json()).toMatchObject({ mode: "builtin", status: "ok" });
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number];
      expect(code).toBe(0);
      const messages = output()
        .stdout.trim()
        .split("\n")
        .map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).toEqual(
        expect.arrayContaining(["bridge listening", "shutting down", "stopped"]),
      );
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("finishes an answer in progress on SIGTERM before exiting", async () => {
    const standIn = await OllamaStandIn.start({ tokensPerSecond: 20, replyTokens: 16 });
    const port = await freePort();
    const { child } = launch({
      BRIDGE_SECRET: TEST_SECRET,
      BRIDGE_PORT: String(port),
      CHROMA_URL: inject("chromaUrl"),
      OLLAMA_HOST: standIn.url,
    });
    try {
      await waitForHealth(port);
      const tenant = uniqueTenant();
      await signedPost(port, "/v1/documents", {
        tenant_id: tenant,
        document_id: "d",
        title: "D",
        text: "Drink water every morning.",
      });
      const response = await signedPost(port, "/v1/chat", {
        tenant_id: tenant,
        conversation_id: "c",
        question: "water every morning?",
        persona: PERSONA,
        retrieval: { k: 1, min_score: 0 },
      });
      const reader = response.body?.getReader();
      let text = new TextDecoder().decode((await reader?.read())?.value);
      child.kill("SIGTERM");
      for (let part = await reader?.read(); part && !part.done; part = await reader?.read())
        text += new TextDecoder().decode(part.value);
      expect(text.trim().split("\n").at(-1)).toContain('"type":"done"');
      const [code] = (await once(child, "exit")) as [number];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await standIn.close();
    }
  });
});
