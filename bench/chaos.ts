// Chaos: widget clients talk to the whole local stack while its parts fail under them — the bridge is
// killed mid-stream (SIGKILL) and comes back, Chroma stops and comes back, the stand-in answers 503
// "server busy", the dev server (workerd) restarts mid-conversation, and sockets are cut at random. The
// clients behave like the widget: reconnect with their last seq, re-send unacknowledged messages under
// their own client ids. At the end every conversation's stored log is read back and checked: 0 lost,
// 0 duplicated, seqs strictly increasing, every turn answered or the user told.
// Scale: CHAOS_CLIENTS (20), CHAOS_MESSAGES in total (10,000), CHAOS_RATE per client per second (3);
// CHAOS_FAULTS=0,3 injects only those entries of the plan (to chase one failure at a time).
import type { MessageView } from "@coach/contracts/socket";
import { benchSession, UNLIMITED_RATE_LIMITS } from "./lib/edge-stack";
import { readHistory } from "./lib/history";
import { startProofStack, type ProofStack } from "./lib/proof-stack";
import { ResilientClient, type ClientTally } from "./lib/resilient-client";

const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 20);
const MESSAGES = Number(process.env.CHAOS_MESSAGES ?? 10_000);
const RATE = Number(process.env.CHAOS_RATE ?? 3);
const SETTLE_MS = Number(process.env.CHAOS_SETTLE_SECONDS ?? 300) * 1000;
const PARALLEL = 4;
const PER_CLIENT = Math.ceil(MESSAGES / CLIENTS);
const SEND_MS = (PER_CLIENT / RATE) * 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

async function session(stack: ProofStack, i: number): Promise<string> {
  return (await benchSession(stack, `10.9.0.${i + 1}`)).socket_url;
}

/** The faults, spread over the sending phase; each entry is [fraction of the phase, name, action]. */
function faultPlan(stack: ProofStack): Array<[number, string, () => Promise<void>]> {
  const bridgeCrash = async () => {
    await stack.killBridge();
    await sleep(3000);
    await stack.startBridge();
  };
  // Ollama's own refusal when full: every chat answered 503 "server busy" for a while (no slot, no queue).
  const busy = async () => {
    await stack.standInSettings({ parallel: 0, maxQueue: 0 });
    await sleep(5000);
    await stack.standInSettings({ parallel: PARALLEL, maxQueue: 512 });
  };
  return [
    [0.1, "bridge killed mid-stream", bridgeCrash],
    [
      0.25,
      "Chroma stopped for 5 s",
      async () => (await stack.stopChroma(), await sleep(5000), await stack.startChroma()),
    ],
    [0.4, "stand-in answers 503 server busy for 5 s", busy],
    [0.55, "dev server restarted", () => stack.restartEdge()],
    [0.7, "bridge killed mid-stream", bridgeCrash],
    [0.85, "stand-in answers 503 server busy for 5 s", busy],
  ];
}

type Verdict = {
  user: number;
  assistant: number;
  lost: number;
  duplicated: number;
  order_violations: number;
  statuses: Record<string, number>;
};

function check(client: ResilientClient, history: MessageView[]): Verdict {
  const user = history.filter((m) => m.role === "user");
  const assistant = history.filter((m) => m.role === "assistant");
  const stored = new Map<string, number>();
  for (const m of user)
    if (m.client_id) stored.set(m.client_id, (stored.get(m.client_id) ?? 0) + 1);
  const answers = new Map<string, number>();
  for (const m of assistant)
    if (m.turn_id) answers.set(m.turn_id, (answers.get(m.turn_id) ?? 0) + 1);
  const statuses: Record<string, number> = {};
  for (const m of assistant) statuses[m.status] = (statuses[m.status] ?? 0) + 1;
  return {
    user: user.length,
    assistant: assistant.length,
    lost: [...client.sent].filter((id) => !stored.has(id)).length,
    duplicated: [...stored.values(), ...answers.values()].reduce((sum, n) => sum + n - 1, 0),
    order_violations: history.filter(
      (m, i) => i > 0 && m.seq <= (history[i - 1] as MessageView).seq,
    ).length,
    statuses,
  };
}

const stack = await startProofStack({
  vars: { RATE_LIMITS: UNLIMITED_RATE_LIMITS },
  parallel: PARALLEL,
  standIn: { latencyMs: 10, tokensPerSecond: 400, replyTokens: 6 },
  // All conversations belong to one tenant: let it queue one turn per conversation.
  bridgeEnv: { BRIDGE_QUEUE_TENANT_MAX_DEPTH: "64" },
});
try {
  const urls = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => session(stack, i)));
  const clients = urls.map((url) => new ResilientClient(url));
  await Promise.all(clients.map((client) => client.start()));
  log(
    `${CLIENTS} clients connected; sending ${PER_CLIENT} messages each at ${RATE}/s (~${Math.round(SEND_MS / 1000)} s) under faults`,
  );

  const injected: string[] = [];
  const faults = (async () => {
    const t0 = performance.now();
    const only = process.env.CHAOS_FAULTS?.split(",");
    for (const [at, name, action] of faultPlan(stack).filter(
      (_, i) => !only || only.includes(String(i)),
    )) {
      await sleep(Math.max(0, t0 + at * SEND_MS - performance.now()));
      log(`fault: ${name}`);
      await action();
      injected.push(name);
    }
  })();
  let cuts = 0;
  let sending = true;
  const cutter = (async () => {
    while (sending) {
      await sleep(1000 + Math.random() * 1000);
      clients[Math.floor(Math.random() * clients.length)]?.cut();
      cuts++;
    }
  })();

  await Promise.all(
    clients.map(async (client, c) => {
      const t0 = performance.now();
      for (let i = 0; i < PER_CLIENT && c * PER_CLIENT + i < MESSAGES; i++) {
        await sleep(Math.max(0, t0 + (i * 1000) / RATE - performance.now()));
        client.send(`chaos-${c}-${i}-xxxx`, "How do I start a morning routine?");
      }
    }),
  );
  sending = false;
  await Promise.all([faults, cutter]);
  log(
    `sent ${clients.reduce((n, client) => n + client.sent.size, 0)} messages; waiting for every turn to settle`,
  );

  // Settled: every message acknowledged and every stored user message has its answer.
  const deadline = Date.now() + SETTLE_MS;
  // A conversation whose log cannot be read back is retried on the next round; the last read that
  // worked is kept, and conversations never read count as unreadable.
  const latest: Array<Verdict | null> = clients.map(() => null);
  let unreadable = 0;
  for (;;) {
    const unacked = clients.reduce((n, client) => n + client.unacked.size, 0);
    const reads = await Promise.all(
      clients.map(async (client, i) => {
        try {
          latest[i] = check(client, await readHistory(client.socketUrl, 30_000));
          return true;
        } catch (err) {
          log(
            `conversation ${i}: its log could not be read back (${err instanceof Error ? err.message : String(err)})`,
          );
          return false;
        }
      }),
    );
    unreadable = reads.filter((ok) => !ok).length;
    const unanswered = latest.reduce((n, v) => n + (v ? v.user - v.assistant : 0), 0);
    if ((unacked === 0 && unanswered === 0 && unreadable === 0) || Date.now() > deadline) {
      log(
        `settled: ${unacked} unacknowledged, ${unanswered} unanswered, ${unreadable} logs unreadable`,
      );
      break;
    }
    log(
      `${unacked} unacknowledged, ${unanswered} turns still pending, ${unreadable} logs unreadable`,
    );
    await sleep(5000);
  }
  const verdicts = latest.filter((v): v is Verdict => v !== null);
  for (const client of clients) client.close();

  const sum = (pick: (v: Verdict) => number) => verdicts.reduce((n, v) => n + pick(v), 0);
  const sumTally = (pick: (t: ClientTally) => number) =>
    clients.reduce((n, client) => n + pick(client.tally), 0);
  const merge = (pick: (t: ClientTally) => Record<string, number>) =>
    clients.reduce<Record<string, number>>((acc, client) => {
      for (const [k, v] of Object.entries(pick(client.tally))) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {});
  const statuses = verdicts.reduce<Record<string, number>>((acc, v) => {
    for (const [k, n] of Object.entries(v.statuses)) acc[k] = (acc[k] ?? 0) + n;
    return acc;
  }, {});
  const results = {
    clients: CLIENTS,
    messages_sent: clients.reduce((n, client) => n + client.sent.size, 0),
    stored_user_messages: sum((v) => v.user),
    answers: sum((v) => v.assistant),
    answer_statuses: statuses,
    lost: sum((v) => v.lost),
    duplicated: sum((v) => v.duplicated),
    seq_violations:
      sum((v) => v.order_violations) + sumTally((t) => t.seq_regressions + t.seq_repeats),
    unacknowledged: clients.reduce((n, client) => n + client.unacked.size, 0),
    unanswered: sum((v) => v.user - v.assistant),
    unreadable_logs: unreadable,
    faults: { injected, socket_cuts: cuts },
    reconnects: sumTally((t) => t.connections - 1),
    resent: sumTally((t) => t.resent),
    duplicate_acks: sumTally((t) => t.duplicate_acks),
    notices: merge((t) => t.notices),
    errors: merge((t) => t.errors),
    seconds: Math.round((performance.now() - started) / 1000),
  };
  console.log(
    `lost ${results.lost}, duplicated ${results.duplicated}, seq violations ${results.seq_violations}, unanswered ${results.unanswered} ` +
      `(of ${results.messages_sent} messages; answers ${JSON.stringify(statuses)}; notices ${JSON.stringify(results.notices)}; ${results.reconnects} reconnects, ${results.resent} re-sent)`,
  );
  console.log(JSON.stringify({ bench: "chaos", results }));
} finally {
  await stack.stop();
}
process.exit(0);
