// Load: many widget sockets over many conversations on the whole local stack (wrangler dev with
// workerd, the bridge as its own process, Chroma, the Ollama-protocol stand-in at a realistic 30 tokens/s),
// for minutes. Every conversation's visitor asks a question now and then from one of its sockets; every
// socket of the conversation sees the echo and the streamed answer. Measured: message → ack and
// message → first delta (p50/p99) on the sending socket, ping → pong on the same sockets as the baseline
// of the same run, the error rate, and each process's memory (RSS).
// Scale: LOAD_SOCKETS (1,000), LOAD_CONVERSATIONS (200), LOAD_SECONDS (300), LOAD_ASK_EVERY_S (30 s per conversation).
import WebSocket from "ws";
import type { ServerFrame } from "@coach/contracts/socket";
import { BENCH_ORIGIN, benchSession, percentile, UNLIMITED_RATE_LIMITS } from "./lib/edge-stack";
import { sampleMemory, startProofStack, type ProofStack } from "./lib/proof-stack";

const SOCKETS = Number(process.env.LOAD_SOCKETS ?? 1000);
const CONVERSATIONS = Number(process.env.LOAD_CONVERSATIONS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const ASK_EVERY_MS = Number(process.env.LOAD_ASK_EVERY_S ?? 30) * 1000;
const STAND_IN = { latencyMs: 100, tokensPerSecond: 30, replyTokens: 16 };
const PARALLEL = 8;
const ACK_TIMEOUT_MS = 10_000;
const ANSWER_GRACE_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errors: Record<string, number> = {};
const countError = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);

type Ask = { clientId: string; sentAt: number; acked?: number; firstDelta?: number; done?: number };
type Conversation = { sockets: WebSocket[]; asks: Ask[]; turns: Set<string>; open: boolean };

async function session(stack: ProofStack, i: number): Promise<string> {
  return (await benchSession(stack, `10.${20 + Math.floor(i / 250)}.${i % 250}.1`)).socket_url;
}

const pongWaiters = new Map<WebSocket, number>();
const pongs: number[] = [];

/** Opens one socket of `conversation`; frames on the sender socket time the asks. */
function openSocket(url: string, conversation: Conversation): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { Origin: BENCH_ORIGIN } });
    ws.on("open", () => ws.send(JSON.stringify({ type: "hello", last_seq: 0 })));
    ws.on("message", (data) => {
      const at = performance.now();
      const frame = JSON.parse(String(data)) as ServerFrame;
      if (frame.type === "welcome") resolve(ws);
      else if (frame.type === "pong") {
        const sent = pongWaiters.get(ws);
        if (sent !== undefined) pongs.push(at - sent);
        pongWaiters.delete(ws);
      } else if (frame.type === "ack") {
        const ask = conversation.asks.find((a) => a.clientId === frame.client_id);
        if (ask) ask.acked = at;
      } else if (frame.type === "delta" && !conversation.turns.has(frame.turn_id)) {
        // Turns are answered in order: a new turn answers the oldest ask still waiting for its first delta.
        conversation.turns.add(frame.turn_id);
        const ask = conversation.asks.find((a) => a.firstDelta === undefined);
        if (ask) ask.firstDelta = at;
      } else if (frame.type === "done" && ws === conversation.sockets[0]) {
        const ask = conversation.asks.find((a) => a.done === undefined);
        if (ask) ask.done = at;
      } else if (frame.type === "error") countError(`error frame: ${frame.code}`);
    });
    ws.on("close", () => {
      if (conversation.open) countError("socket closed by the server");
    });
    ws.on("error", (err) => {
      countError(`socket error: ${err.message}`);
      reject(err);
    });
  });
}

const stack = await startProofStack({
  vars: { RATE_LIMITS: UNLIMITED_RATE_LIMITS },
  parallel: PARALLEL,
  standIn: STAND_IN,
  // One tenant owns every conversation here: let it queue as many turns as the model has slots and more.
  bridgeEnv: { BRIDGE_QUEUE_TENANT_MAX_DEPTH: "128" },
});
const memory = sampleMemory(stack);
try {
  const conversations: Conversation[] = [];
  const perConversation = Math.max(1, Math.round(SOCKETS / CONVERSATIONS));
  for (let c = 0; c < CONVERSATIONS; c += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, CONVERSATIONS - c) }, async (_, j) => {
        const url = await session(stack, c + j);
        const conversation: Conversation = { sockets: [], asks: [], turns: new Set(), open: true };
        for (let s = 0; s < perConversation; s++)
          conversation.sockets.push(await openSocket(url, conversation));
        conversations[c + j] = conversation;
      }),
    );
  }
  const opened = conversations.reduce((n, c) => n + c.sockets.length, 0);
  const memoryAtRest = memory.report();
  console.log(
    `${opened} sockets open over ${conversations.length} conversations; asking for ${SECONDS} s`,
  );

  const started = performance.now();
  const end = started + SECONDS * 1000;
  const askers = conversations.map(async (conversation, c) => {
    // Spread the conversations' questions evenly over the interval.
    await sleep((c / conversations.length) * ASK_EVERY_MS);
    for (let i = 0; performance.now() < end; i++) {
      const clientId = `load-${c}-${i}-xxxxxx`;
      conversation.asks.push({ clientId, sentAt: performance.now() });
      // The first socket asks, so the answer timing (`done`) is read where the question was asked.
      conversation.sockets[0]?.send(
        JSON.stringify({
          type: "message",
          client_id: clientId,
          text: "How do I start a morning routine?",
        }),
      );
      await sleep(ASK_EVERY_MS);
    }
  });
  const pinger = (async () => {
    while (performance.now() < end) {
      const conversation = conversations[
        Math.floor(Math.random() * conversations.length)
      ] as Conversation;
      const ws = conversation.sockets[
        Math.floor(Math.random() * conversation.sockets.length)
      ] as WebSocket;
      if (!pongWaiters.has(ws)) {
        pongWaiters.set(ws, performance.now());
        ws.send(JSON.stringify({ type: "ping" }));
      }
      await sleep(200);
    }
  })();
  let ticks = 0;
  const progress = setInterval(() => {
    ticks++;
    const asks = conversations.flatMap((c) => c.asks);
    console.log(
      `  ${ticks * 30} s: ${asks.length} asked, ${asks.filter((a) => a.done).length} answered; RSS ${JSON.stringify(Object.fromEntries(Object.entries(memory.report()).map(([k, v]) => [k, v.last_mb])))}`,
    );
  }, 30_000);
  await Promise.all([...askers, pinger]);
  clearInterval(progress);
  // Let the last answers finish before judging.
  const graceEnd = performance.now() + ANSWER_GRACE_MS;
  while (
    performance.now() < graceEnd &&
    conversations.some((c) => c.asks.some((a) => a.done === undefined))
  )
    await sleep(500);

  const asks = conversations.flatMap((c) => c.asks);
  for (const ask of asks) {
    if (ask.acked === undefined || ask.acked - ask.sentAt > ACK_TIMEOUT_MS)
      countError("message not acknowledged within 10 s");
    else if (ask.done === undefined) countError("question not answered");
  }
  for (const conversation of conversations) conversation.open = false;
  for (const conversation of conversations)
    for (const ws of conversation.sockets) ws.close(1000, "done");

  const acks = asks.filter((a) => a.acked !== undefined).map((a) => (a.acked as number) - a.sentAt);
  const firstDeltas = asks
    .filter((a) => a.firstDelta !== undefined)
    .map((a) => (a.firstDelta as number) - a.sentAt);
  const answers = asks
    .filter((a) => a.done !== undefined)
    .map((a) => (a.done as number) - a.sentAt);
  const stat = (values: number[]) => ({
    n: values.length,
    p50_ms: +percentile(values, 50).toFixed(1),
    p99_ms: +percentile(values, 99).toFixed(1),
  });
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const results = {
    sockets: opened,
    conversations: conversations.length,
    seconds: SECONDS,
    stand_in: {
      ...STAND_IN,
      parallel: PARALLEL,
      model_first_token_ms: STAND_IN.latencyMs + 1000 / STAND_IN.tokensPerSecond,
    },
    questions: asks.length,
    ack: stat(acks),
    pong: stat(pongs),
    first_delta: stat(firstDeltas),
    answer: stat(answers),
    ack_to_pong_p99_ratio: +(percentile(acks, 99) / percentile(pongs, 99)).toFixed(2),
    errors,
    error_rate: +(errorCount / (asks.length + opened)).toFixed(5),
    memory_at_rest_mb: memoryAtRest,
    memory_mb: memory.report(),
  };
  console.log(
    `message → ack ms: p50 ${results.ack.p50_ms}, p99 ${results.ack.p99_ms} (ping → pong p50 ${results.pong.p50_ms}, p99 ${results.pong.p99_ms})`,
  );
  console.log(
    `message → first delta ms: p50 ${results.first_delta.p50_ms}, p99 ${results.first_delta.p99_ms} (the model's own first token: ${results.stand_in.model_first_token_ms} ms)`,
  );
  console.log(
    `errors ${errorCount} (${JSON.stringify(errors)}), rate ${results.error_rate}; peak RSS MB ${JSON.stringify(Object.fromEntries(Object.entries(results.memory_mb).map(([k, v]) => [k, v.peak_mb])))}`,
  );
  console.log(JSON.stringify({ bench: "load-sockets", results }));
} finally {
  memory.stop();
  await stack.stop();
}
process.exit(0);
