// The room's outbox: user turns waiting for an answer, kept in the object's SQLite so they survive
// eviction and restarts. Turns are answered one at a time, oldest first; failed attempts are retried
// with exponential backoff and full jitter, never sooner than the bridge's `Retry-After`.

export type TurnStatus = "pending" | "running";

export type PendingTurn = {
  turnId: string;
  userSeq: number;
  status: TurnStatus;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  /** Whether the user was already told that the answer is delayed (they are told once). */
  notified: boolean;
  requestId: string;
};

type Row = {
  turn_id: string;
  user_seq: number;
  status: TurnStatus;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  notified: number;
  request_id: string;
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  turn_id TEXT PRIMARY KEY,
  user_seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  notified INTEGER NOT NULL DEFAULT 0,
  request_id TEXT NOT NULL
);
`;

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

function toTurn(row: Row): PendingTurn {
  return {
    turnId: row.turn_id,
    userSeq: row.user_seq,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    notified: row.notified === 1,
    requestId: row.request_id,
  };
}

/**
 * When to try again after `attempts` failures: full jitter over an exponential window, but never
 * before `retryAfterMs` (the bridge's own estimate).
 */
export function nextAttemptDelay(
  attempts: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  const window = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(window / 2 + random() * (window / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Pending turns of one conversation. */
export class Outbox {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  enqueue(turnId: string, userSeq: number, requestId: string, now: number = Date.now()): void {
    this.sql.exec(
      "INSERT OR IGNORE INTO outbox (turn_id, user_seq, status, next_attempt_at, created_at, request_id) VALUES (?, ?, 'pending', ?, ?, ?)",
      turnId,
      userSeq,
      now,
      now,
      requestId,
    );
  }

  /** The oldest turn, whatever its state: turns are answered strictly in order. */
  head(): PendingTurn | undefined {
    const [row] = this.sql.exec<Row>("SELECT * FROM outbox ORDER BY user_seq LIMIT 1").toArray();
    return row ? toTurn(row) : undefined;
  }

  get(turnId: string): PendingTurn | undefined {
    const [row] = this.sql.exec<Row>("SELECT * FROM outbox WHERE turn_id = ?", turnId).toArray();
    return row ? toTurn(row) : undefined;
  }

  size(): number {
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n;
  }

  markRunning(turnId: string): void {
    this.sql.exec(
      "UPDATE outbox SET status = 'running', attempts = attempts + 1 WHERE turn_id = ?",
      turnId,
    );
  }

  /** Puts a turn back to wait until `nextAttemptAt` (why it waits is in the "turn deferred" log line). */
  reschedule(turnId: string, nextAttemptAt: number): void {
    this.sql.exec(
      "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE turn_id = ?",
      nextAttemptAt,
      turnId,
    );
  }

  markNotified(turnId: string): void {
    this.sql.exec("UPDATE outbox SET notified = 1 WHERE turn_id = ?", turnId);
  }

  /** Turns interrupted by an eviction or restart go back to pending, to be tried again now. */
  recoverInterrupted(now: number = Date.now()): number {
    return this.sql.exec(
      "UPDATE outbox SET status = 'pending', next_attempt_at = ? WHERE status = 'running'",
      now,
    ).rowsWritten;
  }

  remove(turnId: string): void {
    this.sql.exec("DELETE FROM outbox WHERE turn_id = ?", turnId);
  }

  clear(): number {
    return this.sql.exec("DELETE FROM outbox").rowsWritten;
  }
}
