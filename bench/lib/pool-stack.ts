// A workspace with a pool of real bridges, for the pool chaos run: the Worker under wrangler's local
// dev server (a frozen bundle, bench/lib/wrangler-snapshot.ts; local D1 and Durable Objects on tmpfs),
// and N inference bridges, each its own Node process (`src/main.ts`, as `npm start` runs it) with its
// own signing secret, data directory and Ollama-protocol stand-in process, registered through
// `POST /api/v1/bridges` as a creator would. The bridges share one Chroma (one machine here; each home
// server has its own in production), and each is given the material to answer from. Any bridge can be
// killed (SIGKILL), frozen (SIGSTOP: its port still accepts connections, nothing answers) and thawed
// (SIGCONT), or started again on the same port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unstable_dev } from "wrangler";
import { signRequest } from "@coach/contracts/signature";
import {
  startChroma,
  type ChromaProcess,
} from "../../inference-bridge/src/backends/chroma-process";
import { freePort } from "../../inference-bridge/test/support/free-port";
import { TEST_LANGUAGE_DIR } from "../../inference-bridge/test/support/language-dir";
import type { StandInSettings } from "../../inference-bridge/test/support/ollama-stand-in";
import { COACH_MATERIAL } from "../../test/support/coach-material";
import { waitForHttp } from "../../scripts/lib/wait-for.mjs";
import { api, BENCH_ORIGIN, UNLIMITED_RATE_LIMITS } from "./edge-stack";
import { startStandIn, stopStandIn, type StandInChild } from "./stand-in-launcher";
import { snapshotWranglerConfig } from "./wrangler-snapshot";

const ROOT = join(import.meta.dirname, "..", "..");

export type PoolStackOptions = {
  bridges: number;
  /** Generations each bridge runs at once (OLLAMA_NUM_PARALLEL); its stand-in gets the same. */
  parallel: number;
  standIn: Partial<StandInSettings>;
  bridgeEnv?: Record<string, string>;
};

export type PoolStack = {
  edgeUrl: string;
  publicKey: string;
  tenantId: string;
  /** The bridges' ids as the edge registered them, in order. */
  bridgeIds: string[];
  kill(i: number): Promise<void>;
  freeze(i: number): void;
  thaw(i: number): void;
  start(i: number): Promise<void>;
  stop(): Promise<void>;
};

type Member = {
  port: number;
  secret: string;
  dataDir: string;
  standIn: StandInChild;
  child: ChildProcess | null;
};

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

async function ingest(member: Member, tenantId: string): Promise<void> {
  const body = JSON.stringify({
    tenant_id: tenantId,
    document_id: "pool-guide",
    title: "Routine guide",
    text: COACH_MATERIAL,
  });
  const res = await fetch(`http://127.0.0.1:${member.port}/v1/documents`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(await signRequest(member.secret, {
        method: "POST",
        pathWithQuery: "/v1/documents",
        body,
      })),
    },
    body,
  });
  if (!res.ok) throw new Error(`ingest: ${res.status} ${await res.text()}`);
}

export async function startPoolStack(options: PoolStackOptions): Promise<PoolStack> {
  const persist = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "pool-edge-"));
  const chromaDir = mkdtempSync(join(tmpdir(), "pool-chroma-"));
  const chroma: ChromaProcess = await startChroma({ dataDir: chromaDir, port: await freePort() });
  const members: Member[] = [];
  let worker: Awaited<ReturnType<typeof unstable_dev>> | null = null;
  let config: string | null = null;

  const up = async (member: Member) => {
    if (member.child) return;
    member.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: join(ROOT, "inference-bridge"),
      env: {
        ...process.env,
        BRIDGE_SECRET: member.secret,
        BRIDGE_PORT: String(member.port),
        BRIDGE_DATA_DIR: member.dataDir,
        BRIDGE_LOG_LEVEL: process.env.PROOF_LOG_LEVEL ?? "error",
        BRIDGE_BACKEND: "ollama",
        OLLAMA_HOST: member.standIn.url,
        OLLAMA_NUM_PARALLEL: String(options.parallel),
        CHROMA_URL: chroma.url,
        BRIDGE_DRAIN_TIMEOUT_MS: "2000",
        BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
        ...options.bridgeEnv,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHttp(`http://127.0.0.1:${member.port}/health`, {
      timeoutMs: 60_000,
      what: "A bridge",
    });
  };
  const down = async (member: Member, signal: NodeJS.Signals) => {
    const child = member.child;
    member.child = null;
    if (!child) return;
    child.kill("SIGCONT");
    child.kill(signal);
    await exited(child);
  };
  const stopAll = async () => {
    await worker?.stop();
    for (const member of members) {
      await down(member, "SIGTERM");
      await stopStandIn(member.standIn);
      rmSync(member.dataDir, { recursive: true, force: true });
    }
    await chroma.stop();
    rmSync(persist, { recursive: true, force: true });
    rmSync(chromaDir, { recursive: true, force: true });
    if (config) rmSync(dirname(config), { recursive: true, force: true });
  };

  try {
    for (let i = 0; i < options.bridges; i++) {
      const member: Member = {
        port: await freePort(),
        secret: `pool-bridge-${i}-secret-0123456789abcdef0123456789`,
        dataDir: mkdtempSync(join(tmpdir(), `pool-bridge-${i}-`)),
        standIn: await startStandIn({ ...options.standIn, parallel: options.parallel }),
        child: null,
      };
      members.push(member);
      await up(member);
    }
    process.env.WRANGLER_SEND_METRICS = "false";
    spawnSync(
      "npx",
      ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist],
      { cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: "ignore" },
    );
    const logLevel = process.env.PROOF_LOG_LEVEL ?? "error";
    config = snapshotWranglerConfig();
    const edgePort = await freePort();
    worker = await unstable_dev("", {
      config,
      persistTo: persist,
      vars: {
        // The deployment's shared bridge is never used: the workspace has bridges of its own.
        BRIDGE_URL: "http://127.0.0.1:9",
        BRIDGE_SECRET: "pool-shared-bridge-secret-0123456789abcdef",
        // The bridges are on loopback, which only a local run may register.
        WEBHOOKS_ALLOW_LOCAL_HTTP: "true",
        RATE_LIMITS: UNLIMITED_RATE_LIMITS,
        LOG_LEVEL: logLevel,
      },
      ip: "127.0.0.1",
      port: edgePort,
      logLevel: logLevel === "error" ? "none" : "log",
      experimental: { disableExperimentalWarning: true, testMode: true, watch: false },
    });
    const edgeUrl = `http://127.0.0.1:${edgePort}`;
    await waitForHttp(`${edgeUrl}/health`, { timeoutMs: 60_000, what: "The edge" });

    const account = { email: `pool.${Date.now()}@example.test`, password: "pool password 2026!" };
    await api(edgeUrl, "/api/v1/auth/register", {
      method: "POST",
      body: { ...account, full_name: "Pool Coach" },
    });
    const session = await api(edgeUrl, "/api/v1/auth/login", { method: "POST", body: account });
    const token = String(session.access_token);
    const widget = await api(edgeUrl, "/api/v1/widget", {
      method: "PUT",
      token,
      body: { allowed_origins: [BENCH_ORIGIN] },
    });
    const tenantId = String((session.tenant as { id: string }).id);
    const bridgeIds: string[] = [];
    for (const [i, member] of members.entries()) {
      await ingest(member, tenantId);
      const created = await api(edgeUrl, "/api/v1/bridges", {
        method: "POST",
        token,
        body: {
          name: `bridge ${i + 1}`,
          url: `http://127.0.0.1:${member.port}`,
          secret: member.secret,
        },
      });
      bridgeIds.push(String(created.id));
    }
    const at = (i: number): Member => {
      const member = members[i];
      if (!member) throw new Error(`no bridge ${i}`);
      return member;
    };
    return {
      edgeUrl,
      publicKey: String(widget.public_key),
      tenantId,
      bridgeIds,
      kill: (i) => down(at(i), "SIGKILL"),
      freeze: (i) => void at(i).child?.kill("SIGSTOP"),
      thaw: (i) => void at(i).child?.kill("SIGCONT"),
      start: (i) => up(at(i)),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
