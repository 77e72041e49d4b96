// A complete local stack for benchmarks: the Worker under wrangler's local dev server (workerd, Durable
// Objects, local D1 in a temporary directory; no file watching, so edits elsewhere cannot restart it) in front of the real bridge with its Ollama-protocol stand-in (test/support/bridge-stack.ts),
// optionally through a probe that timestamps every NDJSON line the bridge streams, plus a seeded workspace
// whose widget allows the benchmark's origin.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { unstable_dev } from "wrangler";
import WebSocket from "ws";
import { signRequest } from "@coach/contracts/signature";
import { freePort } from "../../inference-bridge/test/support/free-port";
import { startBridgeStack } from "../../test/support/bridge-stack";
import { COACH_MATERIAL } from "../../test/support/coach-material";
import { waitForHttp } from "../../scripts/lib/wait-for.mjs";
import { snapshotWranglerConfig } from "./wrangler-snapshot";

export const BENCH_ORIGIN = "https://bench.example";
/** `RATE_LIMITS` far above any load a benchmark makes, so the figures measure the path, not the limiter. */
export const UNLIMITED_RATE_LIMITS = JSON.stringify({
  socket_message: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  widget_session_ip: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  socket_frame: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  socket_open: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  sockets_per_conversation: 1_000_000,
});
const SECRET = "bench-bridge-secret-0123456789abcdef0123";

export type EdgeStack = {
  edgeUrl: string;
  controlUrl: string;
  publicKey: string;
  tenantId: string;
  /** Times (performance.now()) at which the probe forwarded each delta line, by turn order; when `probe` was set. */
  forwardedDeltas: number[][];
  stop(): Promise<void>;
};

/** A proxy to the bridge that records when each streamed `delta` line passes through it. */
function startProbe(bridgePort: number, port: number, forwarded: number[][]): Promise<Server> {
  const server = createServer((req, res) => {
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: bridgePort,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        const stamps: number[] = [];
        if (req.url === "/v1/chat") forwarded.push(stamps);
        let buffered = "";
        up.on("data", (chunk: Buffer) => {
          buffered += chunk.toString();
          const lines = buffered.split("\n");
          buffered = lines.pop() ?? "";
          for (const line of lines) {
            res.write(`${line}\n`);
            if (line.includes('"type":"delta"')) stamps.push(performance.now());
          }
        });
        up.on("end", () => res.end(buffered));
      },
    );
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Gives the workspace material to answer from, so answers stream as many deltas, not one fallback line. */
async function ingestMaterial(bridgePort: number, tenantId: string): Promise<void> {
  const body = JSON.stringify({
    tenant_id: tenantId,
    document_id: "bench-guide",
    title: "Routine guide",
    text: COACH_MATERIAL,
  });
  const headers = {
    "Content-Type": "application/json",
    ...(await signRequest(SECRET, { method: "POST", pathWithQuery: "/v1/documents", body })),
  };
  const res = await fetch(`http://127.0.0.1:${bridgePort}/v1/documents`, {
    method: "POST",
    headers,
    body,
  });
  if (!res.ok) throw new Error(`ingest: ${res.status} ${await res.text()}`);
}

/** A JSON call to the edge, as the creator's API client makes it; throws with the status on refusal. */
export async function api(
  edgeUrl: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(`${edgeUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Starts everything; `vars` override the Worker's variables from wrangler.toml. */
export async function startEdgeStack(
  options: { vars?: Record<string, string>; probe?: boolean } = {},
): Promise<EdgeStack> {
  // Local storage on tmpfs when there is one: every acknowledged write waits for its commit (the output
  // gate), and on this kind of VM an fsync costs more than the code path being measured.
  const persist = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "bench-edge-"));
  const [bridgePort, controlPort, edgePort, probePort] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const stopBridge = await startBridgeStack({ bridgePort, controlPort, secret: SECRET });
  const forwardedDeltas: number[][] = [];
  const probe = options.probe ? await startProbe(bridgePort, probePort, forwardedDeltas) : null;
  process.env.WRANGLER_SEND_METRICS = "false";
  spawnSync(
    "npx",
    ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persist],
    { env: { ...process.env, CI: "true" }, stdio: "ignore" },
  );
  const vars = {
    BRIDGE_URL: `http://127.0.0.1:${probe ? probePort : bridgePort}`,
    BRIDGE_SECRET: SECRET,
    LOG_LEVEL: "warn",
    ...options.vars,
  };
  const config = snapshotWranglerConfig();
  const worker = await unstable_dev("", {
    config,
    persistTo: persist,
    vars,
    ip: "127.0.0.1",
    port: edgePort,
    logLevel: "warn",
    experimental: { disableExperimentalWarning: true, testMode: true, watch: false },
  });
  const edgeUrl = `http://127.0.0.1:${worker.port}`;
  await waitForHttp(`${edgeUrl}/health`, { timeoutMs: 30_000, what: "The edge" });

  const email = `bench.${Date.now()}@example.test`;
  // Sign-up answers alike for every email (202); the account is then signed in to.
  await api(edgeUrl, "/api/v1/auth/register", {
    method: "POST",
    body: { email, password: "bench password 2026!", full_name: "Bench Coach" },
  });
  const session = await api(edgeUrl, "/api/v1/auth/login", {
    method: "POST",
    body: { email, password: "bench password 2026!" },
  });
  const widget = await api(edgeUrl, "/api/v1/widget", {
    method: "PUT",
    token: String(session.access_token),
    body: { allowed_origins: [BENCH_ORIGIN] },
  });
  const tenantId = String((session.tenant as { id: string }).id);
  await ingestMaterial(bridgePort, tenantId);

  return {
    edgeUrl,
    controlUrl: `http://127.0.0.1:${controlPort}`,
    publicKey: String(widget.public_key),
    tenantId,
    forwardedDeltas,
    async stop() {
      await worker.stop();
      probe?.close();
      await stopBridge();
      rmSync(persist, { recursive: true, force: true });
      rmSync(dirname(config), { recursive: true, force: true });
    },
  };
}

/** A visitor session of the stack's widget. */
export async function benchSession(
  stack: Pick<EdgeStack, "edgeUrl" | "publicKey">,
  ip: string,
): Promise<{ socket_url: string; conversation_id: string }> {
  const res = await fetch(`${stack.edgeUrl}/api/v1/widget/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: BENCH_ORIGIN, "CF-Connecting-IP": ip },
    body: JSON.stringify({ public_key: stack.publicKey }),
  });
  if (!res.ok) throw new Error(`session: ${res.status} ${await res.text()}`);
  return (await res.json()) as { socket_url: string; conversation_id: string };
}

/** Opens a socket and says hello; resolves once welcomed. `onFrame` sees every frame with its arrival time. */
export function benchSocket(
  socketUrl: string,
  onFrame: (frame: Record<string, unknown>, at: number) => void,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl, { headers: { Origin: BENCH_ORIGIN } });
    ws.on("message", (data) => {
      const at = performance.now();
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      if (frame.type === "welcome") resolve(ws);
      onFrame(frame, at);
    });
    ws.on("open", () => ws.send(JSON.stringify({ type: "hello", last_seq: 0 })));
    ws.on("error", reject);
  });
}

/** p-th percentile (0–100) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  );
}
