/**
 * Test and benchmark harness: the production wiring (`createBridge` + `createApp` + `startServer`) on a
 * random port, against a real Chroma and either the Ollama stand-in or the built-in fallback, plus a
 * signed fetch helper and captured log lines.
 */
import { signRequest } from "@coach/contracts/signature";
import { randomUUID } from "node:crypto";
import { createBridge, type Bridge } from "../../src/bootstrap";
import { loadConfig } from "../../src/config";
import { Logger } from "../../src/logger";
import { createApp, startServer, type RunningServer } from "../../src/server";
import { TEST_LANGUAGE_DIR } from "./language-dir";
import { OllamaStandIn, type StandInSettings } from "./ollama-stand-in";

/** The shared secret every harness uses. */
export const TEST_SECRET = "test-secret-0123456789-abcdefghijklmnop";

export interface HarnessOptions {
  chromaUrl: string;
  backend: "ollama" | "builtin";
  standIn?: Partial<StandInSettings>;
  /** Extra environment variables (queue budgets and the like). */
  env?: Record<string, string>;
  logLevel?: "debug" | "info" | "warn" | "error";
}

export interface Harness {
  url: string;
  bridge: Bridge;
  server: RunningServer;
  standIn: OllamaStandIn | undefined;
  logs: string[];
  /** Sends a signed request; `body` is JSON-encoded unless it is already a string. */
  fetch(
    method: string,
    path: string,
    body?: unknown,
    init?: { headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response>;
  close(): Promise<void>;
}

/** A tenant id unique to this call, so tests never see each other's data in the shared Chroma. */
export function uniqueTenant(): string {
  return `t${randomUUID().replaceAll("-", "").slice(0, 20)}`;
}

/** Starts a bridge for a test or benchmark. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const standIn =
    options.backend === "ollama" ? await OllamaStandIn.start(options.standIn) : undefined;
  const config = loadConfig({
    BRIDGE_SECRET: TEST_SECRET,
    CHROMA_URL: options.chromaUrl,
    BRIDGE_BACKEND: options.backend,
    OLLAMA_HOST: standIn?.url,
    BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
    ...options.env,
  });
  const logs: string[] = [];
  const logger = new Logger(options.logLevel ?? "info", {}, (line) => logs.push(line));
  const bridge = await createBridge(config, logger);
  const server = await startServer(createApp(bridge.services), { hostname: "127.0.0.1", port: 0 });
  const url = `http://127.0.0.1:${server.port}`;
  return {
    url,
    bridge,
    server,
    standIn,
    logs,
    async fetch(method, path, body, init = {}) {
      const raw = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
      const signature = await signRequest(TEST_SECRET, { method, pathWithQuery: path, body: raw });
      return fetch(`${url}${path}`, {
        method,
        body: method === "GET" || method === "HEAD" ? undefined : raw,
        headers: { "Content-Type": "application/json", ...signature, ...init.headers },
        signal: init.signal,
      });
    },
    async close() {
      await server.close();
      await bridge.close();
      await standIn?.close();
    },
  };
}

/** Reads an NDJSON response to the end and returns its parsed lines. */
export async function readNdjson(response: Response): Promise<Array<Record<string, unknown>>> {
  const text = await response.text();
  return text
    .split("\n")
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A persona for tests. */
export const PERSONA = {
  name: "Coach Ada",
  voice: "Warm, direct, practical. Uses short sentences.",
  fallback: "I don't have that in my material yet — ask me about habits or focus.",
  guardrails: ["Never give medical advice."],
};
