// Message → ack round trip through the edge, on a local stack (the Worker in workerd + the real bridge):
// 100 sockets on one conversation, then 1,000 conversations with one socket each. Sends are paced (open
// loop) at a steady rate, so the figures are latency, not the length of a queue we built ourselves.
// Baselines in the same run: ping → pong on the same sockets, paced alike (the path that stores nothing),
// once on an idle room and once interleaved with the messages, so it meets the same answers streaming.
// Target: ack p99 ≤ 20 ms.
import type WebSocket from "ws";
import {
  benchSession,
  benchSocket,
  percentile,
  startEdgeStack,
  UNLIMITED_RATE_LIMITS,
  type EdgeStack,
} from "./lib/edge-stack";

type Client = {
  ws: WebSocket;
  pending: Map<string, { started: number; resolve: (ms: number) => void }>;
};

async function connect(socketUrl: string): Promise<Client> {
  const pending: Client["pending"] = new Map();
  const ws = await benchSocket(socketUrl, (frame, at) => {
    const key =
      frame.type === "ack" ? String(frame.client_id) : frame.type === "pong" ? "pong" : null;
    const waiter = key ? pending.get(key) : undefined;
    if (key && waiter) {
      pending.delete(key);
      waiter.resolve(at - waiter.started);
    }
  });
  return { ws, pending };
}

function roundTrip(client: Client, frame: Record<string, unknown>, key: string): Promise<number> {
  return new Promise((resolve) => {
    client.pending.set(key, { started: performance.now(), resolve });
    client.ws.send(JSON.stringify(frame));
  });
}

const ping = (client: Client) => roundTrip(client, { type: "ping" }, "pong");
const message = (client: Client, id: string) =>
  roundTrip(
    client,
    { type: "message", client_id: id, text: "Quick check-in: I did my routine today." },
    id,
  );

async function inBatches<T>(
  count: number,
  batch: number,
  make: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch)
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(batch, count - i) }, (_, j) => make(i + j)),
      )),
    );
  return out;
}

function summary(samples: number[]) {
  return {
    samples: samples.length,
    p50_ms: +percentile(samples, 50).toFixed(2),
    p99_ms: +percentile(samples, 99).toFixed(2),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `send(i)` for i in [0, count) at `perSecond`, each without waiting for the others. */
async function paced(
  count: number,
  perSecond: number,
  send: (i: number) => Promise<number>,
): Promise<number[]> {
  const started = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    if (due > performance.now()) await sleep(due - performance.now());
    pending.push(send(i));
  }
  return Promise.all(pending);
}

type Phase = {
  pong: ReturnType<typeof summary>;
  pong_while_answering: ReturnType<typeof summary>;
  ack: ReturnType<typeof summary>;
};

function ratios(phase: Phase) {
  return {
    ack_to_pong_p99_ratio: +(phase.ack.p99_ms / phase.pong.p99_ms).toFixed(2),
    ack_to_busy_pong_p99_ratio: +(phase.ack.p99_ms / phase.pong_while_answering.p99_ms).toFixed(2),
  };
}

const ROOM_RATE = 10;
const ROOMS_RATE = 20;

async function oneRoom(stack: EdgeStack) {
  const session = await benchSession(stack, "10.0.0.1");
  const clients = await inBatches(100, 20, () => connect(session.socket_url));
  const pongs = await paced(300, ROOM_RATE, (i) => ping(clients[i % 100] as Client));
  const [acks, busyPongs] = await Promise.all([
    paced(500, ROOM_RATE, (i) => message(clients[i % 100] as Client, `room1-${i}-xxxxxxxx`)),
    paced(500, ROOM_RATE, (i) => ping(clients[(i + 50) % 100] as Client)),
  ]);
  for (const client of clients) client.ws.close();
  return {
    rate_per_s: ROOM_RATE,
    pong: summary(pongs),
    pong_while_answering: summary(busyPongs),
    ack: summary(acks),
  };
}

async function manyRooms(stack: EdgeStack) {
  const clients = await inBatches(1000, 25, async (i) =>
    connect((await benchSession(stack, `10.1.${Math.floor(i / 250)}.${i % 250}`)).socket_url),
  );
  const pongs = await paced(1000, ROOMS_RATE, (i) => ping(clients[i] as Client));
  const [acks, busyPongs] = await Promise.all([
    paced(1000, ROOMS_RATE, (i) => message(clients[i] as Client, `rooms-${i}-xxxxxxxx`)),
    paced(1000, ROOMS_RATE, (i) => ping(clients[(i + 500) % 1000] as Client)),
  ]);
  for (const client of clients) client.ws.close();
  return {
    rate_per_s: ROOMS_RATE,
    pong: summary(pongs),
    pong_while_answering: summary(busyPongs),
    ack: summary(acks),
  };
}

const stack = await startEdgeStack({ vars: { RATE_LIMITS: UNLIMITED_RATE_LIMITS } });
try {
  await fetch(`${stack.controlUrl}/stand-in/settings`, {
    method: "POST",
    body: JSON.stringify({ latencyMs: 0, tokensPerSecond: 2000, replyTokens: 4 }),
  });
  const single = await oneRoom(stack);
  const many = await manyRooms(stack);
  const results = {
    one_room_100_sockets: { ...single, ...ratios(single) },
    rooms_1000_one_socket: { ...many, ...ratios(many) },
    target_ack_p99_ms: 20,
  };
  console.log("message → ack round trip (ms)");
  for (const [name, r] of Object.entries(results)) {
    if (typeof r === "object")
      console.log(
        `  ${name}: ack p50 ${r.ack.p50_ms}, p99 ${r.ack.p99_ms}; pong idle p99 ${r.pong.p99_ms}, while answering p50 ${r.pong_while_answering.p50_ms}, p99 ${r.pong_while_answering.p99_ms}; ack/pong-while-answering p99 ${r.ack_to_busy_pong_p99_ratio}`,
      );
  }
  console.log(JSON.stringify({ bench: "room-ack", results }));
} finally {
  await stack.stop();
}
process.exit(0);
