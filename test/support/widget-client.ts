// Test helpers that act like the widget: a workspace with a widget, a visitor session, and a socket
// client that collects server frames and waits for the ones a test expects.
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import type { WidgetSessionResponse } from "@coach/contracts/widget";
import { env, exports } from "cloudflare:workers";
import { database } from "../../worker/db/client";
import { callBridge } from "../../worker/lib/bridge-client";
import { tenants } from "../../worker/db/schema";
import { forTenant } from "../../worker/db/tenant-gateway";
import { newPublicKey } from "../../worker/widget/widget-store";
import { COACH_MATERIAL, COACH_MATERIAL_TITLE } from "./coach-material";

export const ORIGIN = "https://creator.example";

export type Workspace = { tenantId: string; publicKey: string };

/** A tenant with a widget that allows `origins`. */
export async function createWorkspace(origins: string[] = [ORIGIN]): Promise<Workspace> {
  const tenantId = `t${crypto.randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await database(env.DB)
    .insert(tenants)
    .values({ id: tenantId, name: "Test coach", slug: tenantId });
  const publicKey = newPublicKey();
  await forTenant(env.DB, tenantId).insert("widgets", {
    id: crypto.randomUUID(),
    publicKey,
    allowedOrigins: origins,
    settings: {},
  });
  await ingestMaterial(tenantId);
  return { tenantId, publicKey };
}

/** Gives the workspace the test material at the bridge, so questions about it reach the model. */
export async function ingestMaterial(tenantId: string): Promise<void> {
  const res = await callBridge(env, {
    method: "POST",
    path: "/v1/documents",
    body: {
      tenant_id: tenantId,
      document_id: "routine-guide",
      title: COACH_MATERIAL_TITLE,
      text: COACH_MATERIAL,
    },
    requestId: `test-ingest-${tenantId}`,
  });
  if (!res.ok) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
}

export function requestSession(
  publicKey: string,
  origin: string | null,
  visitorId?: string,
): Promise<Response> {
  const headers: Record<string, string> = {
    "Content-Type": "application/json",
    "CF-Connecting-IP": `203.0.113.${Math.floor(Math.random() * 250)}`,
  };
  if (origin) headers.Origin = origin;
  return exports.default.fetch("http://edge.test/api/v1/widget/session", {
    method: "POST",
    headers,
    body: JSON.stringify({
      public_key: publicKey,
      ...(visitorId ? { visitor_id: visitorId } : {}),
    }),
  });
}

export async function openSession(
  workspace: Workspace,
  visitorId?: string,
): Promise<WidgetSessionResponse> {
  const res = await requestSession(workspace.publicKey, ORIGIN, visitorId);
  if (res.status !== 200) throw new Error(`session failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as WidgetSessionResponse;
}

/** Opens the socket URL as a browser would (the URL as given, plus an Origin). */
export function upgrade(socketUrl: string, origin: string | null = ORIGIN): Promise<Response> {
  const headers: Record<string, string> = { Upgrade: "websocket" };
  if (origin) headers.Origin = origin;
  return exports.default.fetch(socketUrl.replace(/^ws/, "http"), { headers });
}

/**
 * A ping spelled unlike the widget's keep-alive (contracts/src/keep-alive.ts): the runtime's auto-response
 * does not match it, so the room's own code answers it, after every frame sent before it. Tests use it
 * as a barrier and to exercise the room's frame limits.
 */
export const ROOM_PING = '{ "type": "ping" }';

/** A connected socket that records every frame it receives. */
export class SocketClient {
  readonly frames: ServerFrame[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (event) => {
      this.frames.push(JSON.parse(String(event.data)) as ServerFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Opens the session's socket and says hello; `welcomeWithinMs` bounds the wait for the welcome. */
  static async connect(
    session: WidgetSessionResponse,
    lastSeq = 0,
    welcomeWithinMs = 5000,
    origin: string = ORIGIN,
  ): Promise<SocketClient> {
    const res = await upgrade(session.socket_url, origin);
    if (!res.webSocket) throw new Error(`upgrade failed: ${res.status} ${await res.text()}`);
    res.webSocket.accept();
    const client = new SocketClient(res.webSocket);
    client.send({ type: "hello", last_seq: lastSeq });
    await client.next((f) => f.type === "welcome", welcomeWithinMs);
    return client;
  }

  send(frame: ClientFrame | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Frames of one type received so far. */
  of<T extends ServerFrame["type"]>(type: T): Extract<ServerFrame, { type: T }>[] {
    return this.frames.filter((f): f is Extract<ServerFrame, { type: T }> => f.type === type);
  }

  /** Waits for a frame matching `predicate` (already received or arriving), or fails after `timeoutMs`. */
  async next<T extends ServerFrame>(
    predicate: (frame: ServerFrame) => frame is T,
    timeoutMs?: number,
  ): Promise<T>;
  async next(predicate: (frame: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  async next(predicate: (frame: ServerFrame) => boolean, timeoutMs = 5000): Promise<ServerFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(
          `no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.type))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.ws.close(1000, "test done");
  }
}

/** Asks the test bridge stack to change its behaviour (see test/support/bridge-stack.ts). */
export async function controlBridge(
  path: string,
  body: object = {},
): Promise<Record<string, number>> {
  const res = await fetch(`${env.TEST_CONTROL_URL}${path}`, {
    method: path.endsWith("stats") ? "GET" : "POST",
    body: path.endsWith("stats") ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, number>;
}
