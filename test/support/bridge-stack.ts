// The real inference bridge for the edge tests, running in the Vitest main process (Node): a real
// Chroma, the Ollama-protocol stand-in, and the bridge's production wiring on a fixed port, plus a small
// control server so tests inside workerd can make the stand-in slow or failing, take the bridge down, kill
// it (open streams cut, as a crashed process does), or freeze it (a listener on its port that accepts
// connections and never answers, as a stopped process does), or start a second, independent bridge.
// The bridge's signed status callbacks go to the control server (its EDGE_CALLBACK_URL), which keeps
// them as sent so tests can deliver them to the Worker, which Node cannot call directly.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  startChroma,
  type ChromaProcess,
} from "../../inference-bridge/src/backends/chroma-process";
import { createBridge, type Bridge } from "../../inference-bridge/src/bootstrap";
import { loadConfig } from "../../inference-bridge/src/config";
import { TEST_LANGUAGE_DIR } from "../../inference-bridge/test/support/language-dir";
import { Logger } from "../../inference-bridge/src/logger";
import { createApp, startServer, type RunningServer } from "../../inference-bridge/src/server";
import { freePort } from "../../inference-bridge/test/support/free-port";
import { startAccessStandIn } from "./access-stand-in";
import {
  OllamaStandIn,
  type StandInSettings,
} from "../../inference-bridge/test/support/ollama-stand-in";

/** Answers take ~100 ms: long enough to see several deltas, short enough for a quick suite. */
export const STAND_IN_DEFAULTS: Partial<StandInSettings> = {
  latencyMs: 20,
  tokensPerSecond: 100,
  replyTokens: 8,
};

/** A status callback the bridge sent, exactly as it was signed. */
export type CapturedCallback = { path: string; timestamp: string; signature: string; body: string };

export type BridgeStackOptions = {
  bridgePort: number;
  controlPort: number;
  secret: string;
  /** Where the bridge's signed callbacks go; by default the control server, which keeps them for tests. */
  edgeCallbackUrl?: string;
  /**
   * When given, the same bridge also listens on `access.bridgePort` with Cloudflare Access verification
   * on, behind the Access stand-in on `access.port` that lets through only this service token.
   */
  access?: { port: number; bridgePort: number; clientId: string; clientSecret: string };
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return parts.length
    ? (JSON.parse(Buffer.concat(parts).toString()) as Record<string, unknown>)
    : {};
}

/** The bridge behind Cloudflare Access: its Access-verifying listener and the Access stand-in before it. */
async function startAccessPair(
  bridge: Bridge,
  access: NonNullable<BridgeStackOptions["access"]>,
): Promise<() => Promise<void>> {
  const standIn = await startAccessStandIn({
    port: access.port,
    origin: `http://127.0.0.1:${access.bridgePort}`,
    clientId: access.clientId,
    clientSecret: access.clientSecret,
  });
  const guarded = await startServer(
    createApp({
      ...bridge.services,
      access: {
        certsUrl: `${standIn.url}/cdn-cgi/access/certs`,
        issuer: standIn.url,
        audience: standIn.audience,
      },
    }),
    { hostname: "127.0.0.1", port: access.bridgePort },
  );
  return async () => {
    await standIn.close();
    await guarded.close();
  };
}

/** Starts Chroma, the stand-in, the bridge and the control server; resolves to a stop function. */
export async function startBridgeStack(options: BridgeStackOptions): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), "edge-chroma-"));
  const chroma: ChromaProcess = await startChroma({ dataDir, port: await freePort() });
  const standIn = await OllamaStandIn.start(STAND_IN_DEFAULTS);
  const config = loadConfig({
    BRIDGE_SECRET: options.secret,
    CHROMA_URL: chroma.url,
    BRIDGE_BACKEND: "ollama",
    OLLAMA_HOST: standIn.url,
    BRIDGE_LOG_LEVEL: "warn",
    BRIDGE_LANGUAGE_DIR: TEST_LANGUAGE_DIR,
    EDGE_CALLBACK_URL: options.edgeCallbackUrl ?? `http://127.0.0.1:${options.controlPort}`,
  });
  const bridge: Bridge = await createBridge(config, new Logger("warn"));
  let server: RunningServer | null = null;
  const up = async () => {
    server ??= await startServer(createApp(bridge.services), {
      hostname: "127.0.0.1",
      port: options.bridgePort,
    });
  };
  const down = async () => {
    await server?.close();
    server = null;
  };
  const kill = async () => {
    if (server && "closeAllConnections" in server.server) server.server.closeAllConnections();
    await down();
  };
  let frozen: { listener: TcpServer; held: Set<Socket> } | null = null;
  const freeze = async () => {
    await down();
    const held = new Set<Socket>();
    const listener = createTcpServer((socket) => {
      held.add(socket);
      socket.on("close", () => held.delete(socket));
    });
    await new Promise<void>((resolve) => listener.listen(options.bridgePort, "127.0.0.1", resolve));
    frozen = { listener, held };
  };
  const thaw = async () => {
    if (!frozen) return;
    const { listener, held } = frozen;
    frozen = null;
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  };
  await up();
  const stopAccess = options.access ? await startAccessPair(bridge, options.access) : null;

  const callbacks: CapturedCallback[] = [];
  // A second, independent bridge (its own Chroma, its own secret) started on demand by the tests of a
  // workspace with several bridges, so only they pay for it.
  let peer: { stop: () => Promise<void>; url: string; controlUrl: string } | null = null;
  const control: Server = createServer((req, res) => {
    void (async () => {
      if (req.method === "POST" && req.url === "/peer/start") {
        const { secret } = await readJson(req);
        if (!peer) {
          const [bridgePort, controlPort] = [await freePort(), await freePort()];
          const stop = await startBridgeStack({ bridgePort, controlPort, secret: String(secret) });
          peer = {
            stop,
            url: `http://127.0.0.1:${bridgePort}`,
            controlUrl: `http://127.0.0.1:${controlPort}`,
          };
        }
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify({ url: peer.url, control_url: peer.controlUrl }));
        return;
      }
      if (req.method === "POST" && req.url?.startsWith("/api/v1/bridge/")) {
        const parts: Buffer[] = [];
        for await (const part of req) parts.push(part as Buffer);
        const header = (name: string) => String(req.headers[name.toLowerCase()] ?? "");
        callbacks.push({
          path: req.url,
          timestamp: header("X-Bridge-Timestamp"),
          signature: header("X-Bridge-Signature"),
          body: Buffer.concat(parts).toString(),
        });
        res.writeHead(200, { "Content-Type": "application/json" }).end('{"applied":true}');
        return;
      }
      if (req.method === "GET" && req.url?.startsWith("/callbacks?")) {
        // Only the callbacks to one path whose body names the caller's document or tenant, so test files
        // running side by side never take each other's.
        const query = new URL(req.url, "http://control").searchParams;
        const mine = (callback: CapturedCallback) =>
          callback.path === query.get("path") &&
          callback.body.includes(query.get("contains") ?? "");
        const taken = callbacks.filter(mine);
        callbacks.splice(0, callbacks.length, ...callbacks.filter((callback) => !mine(callback)));
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(taken));
        return;
      }
      const body = req.method === "POST" ? await readJson(req) : {};
      switch (`${req.method} ${req.url}`) {
        case "POST /stand-in/settings":
          Object.assign(standIn.settings, STAND_IN_DEFAULTS, body);
          break;
        case "POST /stand-in/fail":
          standIn.failNext(Number(body.count ?? 1), Number(body.status ?? 503));
          break;
        case "POST /bridge/stop":
          await down();
          break;
        case "POST /bridge/kill":
          await kill();
          break;
        case "POST /bridge/freeze":
          await freeze();
          break;
        case "POST /bridge/start":
          await thaw();
          await up();
          break;
        case "POST /peer/stop":
          await peer?.stop();
          peer = null;
          break;
        case "GET /stand-in/stats":
          break;
        default:
          res.writeHead(404).end();
          return;
      }
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(standIn.stats));
    })();
  });
  await new Promise<void>((resolve) => control.listen(options.controlPort, "127.0.0.1", resolve));

  return async () => {
    await peer?.stop();
    control.closeAllConnections();
    await new Promise<void>((resolve) => control.close(() => resolve()));
    await thaw();
    await down();
    await stopAccess?.();
    await bridge.close();
    await standIn.close();
    await chroma.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
