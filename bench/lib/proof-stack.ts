// The whole local stack as separate processes, for the load and chaos benchmarks: the Worker under
// wrangler's local dev server (workerd, local D1/R2/Durable Objects on tmpfs), the inference bridge as
// its own Node process (as `npm start` runs it), a real Chroma, and the Ollama-protocol stand-in in a
// process of its own. Each part can be killed and started again on the same port and data, which is how
// the chaos run injects faults, and each one's memory can be read from /proc.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unstable_dev } from "wrangler";
import { signRequest } from "@coach/contracts/signature";
import {
  startChroma,
  type ChromaProcess,
} from "../../inference-bridge/src/backends/chroma-process";
import { freePort } from "../../inference-bridge/test/support/free-port";
import type { StandInSettings } from "../../inference-bridge/test/support/ollama-stand-in";
import { COACH_MATERIAL } from "../../test/support/coach-material";
import { waitForHttp } from "../../scripts/lib/wait-for.mjs";
import { api, BENCH_ORIGIN } from "./edge-stack";
import { startStandIn } from "./stand-in-launcher";
import { snapshotWranglerConfig } from "./wrangler-snapshot";
import { TEST_LANGUAGE_DIR } from "../../inference-bridge/test/support/language-dir";

const SECRET = "proof-bridge-secret-0123456789abcdef0123";
const ROOT = join(import.meta.dirname, "..", "..");

type Worker = Awaited<ReturnType<typeof unstable_dev>>;

export type ProofStackOptions = {
  /** Worker variables beyond the bridge's address and secret (e.g. RATE_LIMITS). */
  vars?: Record<string, string>;
  standIn: Partial<StandInSettings>;
  /** Generations the bridge runs at once (OLLAMA_NUM_PARALLEL); the stand-in gets the same. */
  parallel: number;
  /** Extra bridge environment (queue budgets). */
  bridgeEnv?: Record<string, string>;
};

export type ProofStack = {
  edgeUrl: string;
  bridgeUrl: string;
  publicKey: string;
  tenantId: string;
  /** Changes the stand-in's behaviour (token rate, latency; `parallel: 0, maxQueue: 0` answers every chat 503 "server busy"). */
  standInSettings(settings: Partial<StandInSettings>): Promise<void>;
  /** SIGKILL: the bridge dies mid-stream, as a crash or power cut would do it. */
  killBridge(): Promise<void>;
  startBridge(): Promise<void>;
  stopChroma(): Promise<void>;
  startChroma(): Promise<void>;
  /** Stops the dev server and starts it again on the same port and local data. */
  restartEdge(): Promise<void>;
  /** Process ids by role, for memory sampling; undefined while a part is down. */
  pids(): Record<"workerd" | "bridge" | "chroma" | "stand_in", number | undefined>;
  stop(): Promise<void>;
};

function childExited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", () => resolve()));
}

/** The pid of the workerd process this process started (wrangler runs it as a descendant). */
function findWorkerd(): number | undefined {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map(([pid, ppid, comm]) => ({ pid: Number(pid), ppid: Number(ppid), comm: String(comm) }));
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (mine.has(row.ppid) && !mine.has(row.pid)) {
        mine.add(row.pid);
        grew = true;
      }
  }
  return rows.find((row) => mine.has(row.pid) && row.comm === "workerd")?.pid;
}

/** Starts every part, seeds a workspace whose widget allows BENCH_ORIGIN and gives it material to answer from. */
export async function startProofStack(options: ProofStackOptions): Promise<ProofStack> {
  const persist = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "proof-edge-"));
  const chromaDir = mkdtempSync(join(tmpdir(), "proof-chroma-"));
  const [chromaPort, bridgePort, edgePort] = [await freePort(), await freePort(), await freePort()];
  const edgeUrl = `http://127.0.0.1:${edgePort}`;
  const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
  const standIn = await startStandIn({ ...options.standIn, parallel: options.parallel });

  let chroma: ChromaProcess | null = null;
  const upChroma = async () => {
    chroma ??= await startChroma({ dataDir: chromaDir, port: chromaPort });
  };
  const downChroma = async () => {
    await chroma?.stop();
    chroma = null;
  };

  let bridge: ChildProcess | null = null;
  const upBridge = async () => {
    if (bridge) return;
    bridge = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: join(ROOT, "inference-bridge"),
      env: {
        ...process.env,
        BRIDGE_SECRET: SECRET,
        BRIDGE_PORT: String(bridgePort),
        BRIDGE_LOG_LEVEL: process.env.PROOF_LOG_LEVEL ?? "error",
        BRIDGE_BACKEND: "ollama",
        OLLAMA_HOST: standIn.url,
        OLLAMA_NUM_PARALLEL: String(options.parallel),
        CHROMA_URL: `http://127.0.0.1:${chromaPort}`,
        EDGE_CALLBACK_URL: edgeUrl,
        BRIDGE_DRAIN_TIMEOUT_MS: "2000",
        BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
        ...options.bridgeEnv,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHttp(`${bridgeUrl}/health`, { timeoutMs: 60_000, what: "The bridge" });
  };
  const killBridge = async () => {
    const child = bridge;
    bridge = null;
    if (!child) return;
    child.kill("SIGKILL");
    await childExited(child);
  };

  process.env.WRANGLER_SEND_METRICS = "false";
  spawnSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist],
    { cwd: ROOT, env: { ...process.env, CI: "true" }, stdio: "ignore" },
  );
  // PROOF_LOG_LEVEL=warn shows the Worker's and the bridge's own account of a run.
  const logLevel = process.env.PROOF_LOG_LEVEL ?? "error";
  const vars = {
    BRIDGE_URL: bridgeUrl,
    BRIDGE_SECRET: SECRET,
    LOG_LEVEL: logLevel,
    ...options.vars,
  };
  const config = snapshotWranglerConfig();
  let worker: Worker | null = null;
  const upEdge = async () => {
    worker ??= await unstable_dev("", {
      config,
      persistTo: persist,
      vars,
      ip: "127.0.0.1",
      port: edgePort,
      logLevel: logLevel === "error" ? "none" : "log",
      experimental: { disableExperimentalWarning: true, testMode: true, watch: false },
    });
    await waitForHttp(`${edgeUrl}/health`, { timeoutMs: 60_000, what: "The edge" });
  };
  const downEdge = async () => {
    await worker?.stop();
    worker = null;
  };

  const stopAll = async () => {
    await downEdge();
    if (bridge) {
      const child = bridge;
      bridge = null;
      child.kill("SIGTERM");
      await childExited(child);
    }
    standIn.child.kill("SIGTERM");
    await childExited(standIn.child);
    await downChroma();
    rmSync(persist, { recursive: true, force: true });
    rmSync(chromaDir, { recursive: true, force: true });
    rmSync(dirname(config), { recursive: true, force: true });
  };
  // A part that fails to start must not leave the others running.
  try {
    await upChroma();
    await upBridge();
    await upEdge();
  } catch (err) {
    await stopAll();
    throw err;
  }

  // Sign-up answers alike for every email (202); the account is then signed in to.
  const account = { email: `proof.${Date.now()}@example.test`, password: "proof password 2026!" };
  await api(edgeUrl, "/api/v1/auth/register", {
    method: "POST",
    body: { ...account, full_name: "Proof Coach" },
  });
  const session = await api(edgeUrl, "/api/v1/auth/login", { method: "POST", body: account });
  const widget = await api(edgeUrl, "/api/v1/widget", {
    method: "PUT",
    token: String(session.access_token),
    body: { allowed_origins: [BENCH_ORIGIN] },
  });
  const tenantId = String((session.tenant as { id: string }).id);
  const body = JSON.stringify({
    tenant_id: tenantId,
    document_id: "proof-guide",
    title: "Routine guide",
    text: COACH_MATERIAL,
  });
  const ingest = await fetch(`${bridgeUrl}/v1/documents`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(await signRequest(SECRET, { method: "POST", pathWithQuery: "/v1/documents", body })),
    },
    body,
  });
  if (!ingest.ok) throw new Error(`ingest: ${ingest.status} ${await ingest.text()}`);

  const control = (path: string, payload: object) =>
    fetch(`${standIn.controlUrl}${path}`, { method: "POST", body: JSON.stringify(payload) }).then(
      (res) => void res.body?.cancel(),
    );

  return {
    edgeUrl,
    bridgeUrl,
    publicKey: String(widget.public_key),
    tenantId,
    standInSettings: (settings) => control("/settings", settings),
    killBridge,
    startBridge: upBridge,
    stopChroma: downChroma,
    startChroma: upChroma,
    async restartEdge() {
      await downEdge();
      await upEdge();
    },
    pids: () => ({
      workerd: worker ? findWorkerd() : undefined,
      bridge: bridge?.pid,
      chroma: chroma?.pid,
      stand_in: standIn.child.pid,
    }),
    stop: stopAll,
  };
}

/** Resident memory of a process in MB, or undefined when it is gone. */
export function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples every part's RSS once a second; `report()` gives the peak and last value of each, in MB. */
export function sampleMemory(stack: ProofStack): {
  report(): Record<string, { peak_mb: number; last_mb: number }>;
  stop(): void;
} {
  const seen: Record<string, { peak_mb: number; last_mb: number }> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries({ ...stack.pids(), load_generator: process.pid })) {
      const mb = rssMb(pid);
      if (mb === undefined) continue;
      const entry = (seen[name] ??= { peak_mb: 0, last_mb: 0 });
      entry.peak_mb = Math.max(entry.peak_mb, mb);
      entry.last_mb = mb;
    }
  };
  sample();
  const timer = setInterval(sample, 1000);
  return {
    report: () => (sample(), structuredClone(seen)),
    stop: () => clearInterval(timer),
  };
}
