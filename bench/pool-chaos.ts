// Chaos in a pool (issue 21): a workspace with 3 real bridges registered through /api/v1/bridges,
// 1,000 turns asked by many widget sockets (each a user who waits for the answer, thinks, asks again),
// and during the run one bridge is killed mid-stream (SIGKILL; started again later) and another is
// frozen (SIGSTOP: its port still takes connections and nothing answers; SIGCONT later). Sockets are
// cut at random too, and clients reconnect and re-send as the widget does. At the end every
// conversation's stored log is read back: every question stored once with exactly one stored answer.
// Prints lost / duplicated / unanswered turns, how many turns the users were told to wait on (and
// with which notices), which bridge answered, and the time from asking to the answer, p50/p95.
// Scale: POOL_CHAOS_CLIENTS (40), POOL_CHAOS_TURNS in total (1,000), POOL_CHAOS_THINK_MS (1,500).
import type { MessageView, ServerFrame } from "@coach/contracts/socket";
import { round, summary } from "../inference-bridge/test/support/stats";
import { benchSession } from "./lib/edge-stack";
import { readHistory } from "./lib/history";
import { startPoolStack, type PoolStack } from "./lib/pool-stack";
import { ResilientClient } from "./lib/resilient-client";

const CLIENTS = Number(process.env.POOL_CHAOS_CLIENTS ?? 40);
const TURNS = Number(process.env.POOL_CHAOS_TURNS ?? 1000);
const THINK_MS = Number(process.env.POOL_CHAOS_THINK_MS ?? 1500);
/** A user whose answer has not come after this long asks the next question anyway. */
const PATIENCE_MS = 180_000;
const SETTLE_MS = 240_000;

/** The notices that tell a user their answer will take a while. */
const WAIT_NOTICES: ReadonlySet<string> = new Set([
  "queued",
  "coach_busy",
  "coach_offline",
  "answer_will_follow",
]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`);

/** One user: a socket, the question in flight and when it was asked, and the times to answer. */
class User {
  readonly client: ResilientClient;
  readonly times: number[] = [];
  /** Turns the room told this user to wait on (a notice naming the turn). */
  readonly toldToWait = new Set<string>();
  private pending: { askedAt: number; answered: () => void } | null = null;

  constructor(socketUrl: string) {
    this.client = new ResilientClient(socketUrl, (frame, at) => this.onFrame(frame, at));
  }

  private onFrame(frame: ServerFrame, at: number): void {
    if (frame.type === "notice" && frame.turn_id && WAIT_NOTICES.has(frame.code))
      this.toldToWait.add(frame.turn_id);
    const answer =
      frame.type === "done" || (frame.type === "message" && frame.role === "assistant");
    if (answer && this.pending) {
      this.times.push(at - this.pending.askedAt);
      this.pending.answered();
      this.pending = null;
    }
  }

  /** Asks and resolves when the answer arrives (or patience runs out). */
  ask(clientId: string): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => ((this.pending = null), resolve()), PATIENCE_MS);
      this.pending = {
        askedAt: performance.now(),
        answered: () => (clearTimeout(timer), resolve()),
      };
      this.client.send(clientId, "How do I keep a morning routine when I travel?");
    });
  }
}

type Verdict = { questions: number; lost: number; duplicated: number; unanswered: number };

/** Every question sent stored once, each with exactly one stored answer (by its turn). */
function check(user: User, history: MessageView[]): Verdict & { models: Record<string, number> } {
  const questions = history.filter((m) => m.role === "user");
  const answers = history.filter((m) => m.role === "assistant");
  const stored = new Map<string, number>();
  for (const m of questions)
    if (m.client_id) stored.set(m.client_id, (stored.get(m.client_id) ?? 0) + 1);
  const byTurn = new Map<string, number>();
  for (const m of answers) if (m.turn_id) byTurn.set(m.turn_id, (byTurn.get(m.turn_id) ?? 0) + 1);
  const models: Record<string, number> = {};
  for (const m of answers) models[m.model ?? "none"] = (models[m.model ?? "none"] ?? 0) + 1;
  return {
    questions: questions.length,
    lost: [...user.client.sent].filter((id) => !stored.has(id)).length,
    duplicated: [...stored.values(), ...byTurn.values()].reduce((sum, n) => sum + n - 1, 0),
    unanswered: Math.max(0, questions.length - byTurn.size),
    models,
  };
}

/** The faults, each when this share of the turns has been answered. */
function faultPlan(stack: PoolStack): Array<[number, string, () => Promise<void> | void]> {
  return [
    [0.2, "bridge 1 killed mid-stream (SIGKILL)", () => stack.kill(0)],
    [0.3, "bridge 2 frozen (SIGSTOP)", () => stack.freeze(1)],
    [0.6, "bridge 1 started again", () => stack.start(0)],
    [0.85, "bridge 2 thawed (SIGCONT)", () => stack.thaw(1)],
  ];
}

const stack = await startPoolStack({
  bridges: 3,
  parallel: 2,
  // Answers of ~0.5 s: long enough to be cut mid-stream, short enough for 1,000 turns in minutes.
  standIn: { latencyMs: 50, tokensPerSecond: 60, replyTokens: 24 },
  // Every conversation belongs to one workspace: let each bridge queue one turn per conversation.
  bridgeEnv: { BRIDGE_QUEUE_TENANT_MAX_DEPTH: "64" },
});
try {
  const users = await Promise.all(
    Array.from(
      { length: CLIENTS },
      async (_, i) =>
        new User(
          (await benchSession(stack, `10.21.${Math.floor(i / 200)}.${(i % 200) + 1}`)).socket_url,
        ),
    ),
  );
  await Promise.all(users.map((user) => user.client.start()));
  log(`${CLIENTS} users connected to a workspace of 3 bridges; asking ${TURNS} questions`);

  let asked = 0;
  let answered = 0;
  const injected: string[] = [];
  const plan = faultPlan(stack);
  const faults = (async () => {
    for (const [share, name, action] of plan) {
      while (answered < share * TURNS) await sleep(100);
      log(`fault: ${name} (${answered} answered)`);
      await action();
      injected.push(name);
    }
  })();
  let sending = true;
  let cuts = 0;
  const cutter = (async () => {
    while (sending) {
      await sleep(2000 + Math.random() * 2000);
      users[Math.floor(Math.random() * users.length)]?.client.cut();
      cuts++;
    }
  })();
  await Promise.all(
    users.map(async (user, u) => {
      await sleep(Math.random() * THINK_MS);
      for (let q = 0; asked < TURNS; q++) {
        asked++;
        await user.ask(`pool-${u}-${q}-xxxx`);
        answered++;
        await sleep(THINK_MS * (0.5 + Math.random()));
      }
    }),
  );
  sending = false;
  await Promise.all([faults, cutter]);
  log(`asked ${asked}; reading every conversation back`);

  const deadline = Date.now() + SETTLE_MS;
  let verdicts: Array<ReturnType<typeof check>> = [];
  for (;;) {
    const reads = await Promise.allSettled(
      users.map(async (user) => check(user, await readHistory(user.client.socketUrl, 30_000))),
    );
    verdicts = reads.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const unread = reads.length - verdicts.length;
    const open = verdicts.reduce((n, v) => n + v.unanswered + v.lost, 0);
    if ((open === 0 && unread === 0) || Date.now() > deadline) break;
    log(`${open} turns still open, ${unread} logs unread`);
    await sleep(5000);
  }
  for (const user of users) user.client.close();

  const sum = (pick: (v: Verdict) => number) => verdicts.reduce((n, v) => n + pick(v), 0);
  const models: Record<string, number> = {};
  for (const v of verdicts)
    for (const [model, n] of Object.entries(v.models)) models[model] = (models[model] ?? 0) + n;
  const notices: Record<string, number> = {};
  for (const user of users)
    for (const [code, n] of Object.entries(user.client.tally.notices))
      notices[code] = (notices[code] ?? 0) + n;
  const times = users.flatMap((user) => user.times);
  const ttaSeconds = summary(times.map((ms) => ms / 1000));
  const results = {
    users: CLIENTS,
    questions_sent: users.reduce((n, user) => n + user.client.sent.size, 0),
    stored_questions: sum((v) => v.questions),
    lost: sum((v) => v.lost),
    duplicated: sum((v) => v.duplicated),
    unanswered: sum((v) => v.unanswered),
    unreadable_logs: users.length - verdicts.length,
    told_to_wait: users.reduce((n, user) => n + user.toldToWait.size, 0),
    notices,
    answers_by_model: models,
    time_to_answer_s: ttaSeconds,
    faults: { injected, socket_cuts: cuts },
    reconnects: users.reduce((n, user) => n + user.client.tally.connections - 1, 0),
    seconds: round((performance.now() - started) / 1000, 0),
  };
  console.log(
    `lost ${results.lost}, duplicated ${results.duplicated}, unanswered ${results.unanswered} of ${results.questions_sent} questions; ` +
      `${results.told_to_wait} turns with a wait notice ${JSON.stringify(notices)}; ` +
      `time to answer p50 ${ttaSeconds.p50} s, p95 ${ttaSeconds.p95} s; ${cuts} socket cuts, ${results.reconnects} reconnects`,
  );
  console.log(JSON.stringify({ bench: "pool-chaos", results }));
} finally {
  await stack.stop();
}
process.exit(0);
