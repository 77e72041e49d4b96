// Delta relay through the room: how long after the bridge streams a delta it reaches the sockets.
// A probe between the edge and the bridge stamps each delta line as it passes; the sockets stamp
// arrival on the same clock. One socket, then fan-out to 10 sockets of one conversation.
// Targets: added latency ≤ 2 ms p95 (one socket), fan-out to 10 sockets ≤ 10 ms p95 (the last socket).
import {
  benchSession,
  benchSocket,
  percentile,
  startEdgeStack,
  type EdgeStack,
} from "./lib/edge-stack";

const TURNS = 20;
const UNLIMITED = JSON.stringify({
  socket_message: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  socket_frame: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  socket_open: { capacity: 1_000_000, refill_per_second: 1_000_000 },
  sockets_per_conversation: 1_000_000,
});

async function measure(stack: EdgeStack, sockets: number, label: string) {
  const session = await benchSession(stack, `10.2.0.${sockets}`);
  // arrivals[socket][turn] = times of the deltas of that turn, in order
  const arrivals: number[][][] = Array.from({ length: sockets }, () => []);
  const turnIndex = new Map<string, number>();
  const dones: Array<() => void> = [];
  const clients = await Promise.all(
    Array.from({ length: sockets }, (_, s) =>
      benchSocket(session.socket_url, (frame, at) => {
        if (frame.type === "delta") {
          const turn = String(frame.turn_id);
          if (!turnIndex.has(turn)) turnIndex.set(turn, turnIndex.size);
          const t = turnIndex.get(turn) as number;
          (arrivals[s] as number[][])[t] ??= [];
          (arrivals[s] as number[][])[t]?.push(at);
        }
        if (frame.type === "done" && s === 0) dones.shift()?.();
      }),
    ),
  );
  const firstTurn = stack.forwardedDeltas.length;
  for (let t = 0; t < TURNS; t++) {
    const finished = new Promise<void>((resolve) => dones.push(resolve));
    clients[0]?.send(
      JSON.stringify({
        type: "message",
        client_id: `${label}-turn-${t}-xxxxxx`,
        text: "How do I start a morning routine?",
      }),
    );
    await finished;
  }
  const added: number[] = [];
  const fanout: number[] = [];
  for (let t = 0; t < TURNS; t++) {
    const forwarded = stack.forwardedDeltas[firstTurn + t] ?? [];
    forwarded.forEach((sent, d) => {
      const perSocket = arrivals
        .map((bySocket) => bySocket[t]?.[d])
        .filter((at): at is number => at !== undefined);
      if (perSocket.length !== sockets) return;
      added.push(...perSocket.map((at) => at - sent));
      fanout.push(Math.max(...perSocket) - sent);
    });
  }
  for (const client of clients) client.close();
  return {
    sockets,
    deltas: fanout.length,
    added_p50_ms: +percentile(added, 50).toFixed(2),
    added_p95_ms: +percentile(added, 95).toFixed(2),
    last_socket_p95_ms: +percentile(fanout, 95).toFixed(2),
  };
}

const stack = await startEdgeStack({ probe: true, vars: { RATE_LIMITS: UNLIMITED } });
try {
  // A realistic token rate for a 1B model on a home server: 25 tokens per second.
  await fetch(`${stack.controlUrl}/stand-in/settings`, {
    method: "POST",
    body: JSON.stringify({ latencyMs: 50, tokensPerSecond: 25, replyTokens: 12 }),
  });
  const one = await measure(stack, 1, "one");
  const ten = await measure(stack, 10, "ten");
  const results = {
    one_socket: one,
    ten_sockets: ten,
    target_added_p95_ms: 2,
    target_fanout10_p95_ms: 10,
  };
  console.log("delta relay, bridge stream → socket (ms)");
  console.log(
    `  1 socket:   p50 ${one.added_p50_ms}, p95 ${one.added_p95_ms} over ${one.deltas} deltas`,
  );
  console.log(
    `  10 sockets: p95 to the last socket ${ten.last_socket_p95_ms}, p95 per socket ${ten.added_p95_ms} over ${ten.deltas} deltas`,
  );
  console.log(JSON.stringify({ bench: "room-relay", results }));
} finally {
  await stack.stop();
}
process.exit(0);
