// The CoachingAgent's SQLite: who the contact is and their preferences (meta), their enrolments (one
// JSON record each, with status and next wake-up as columns to query), the history of every step, and
// queued interventions; the send intents and send times are its ledger of sends (send-ledger.ts).
import {
  DEFAULT_COACHING_PREFERENCES,
  type CoachingPreferences,
  type EnrollmentEvent,
  type EnrollmentStatus,
  type ProgramSteps,
} from "@coach/contracts/programs";
import { MetaTable } from "../shared/meta-table";
import { SendLedger } from "./send-ledger";

export type CheckinAnswer = { text: string; at: number; value?: number; choice_id?: string };

/** One enrolment as the engine works it. */
export type EnrollmentRecord = {
  id: string;
  programId: string;
  version: number;
  steps: ProgramSteps;
  status: EnrollmentStatus;
  currentNode: string | null;
  /** When the engine next looks at this enrolment; null once it has ended. */
  wakeAt: number | null;
  /** How many times each node has been entered: part of a send's message id, so loops send anew. */
  visits: Record<string, number>;
  /** Set on entering a wait step: when it is over. */
  waitUntil: number | null;
  /** When the running wait step was entered: a wait until a local time is re-timed from it when the time zone changes. */
  waitStartedAt: number | null;
  /** When each message or check-in step was last sent. */
  sentAt: Record<string, number>;
  answers: Record<string, CheckinAnswer>;
  /** The check-in most recently sent and not yet answered. */
  awaitingAnswer: string | null;
  lastAnswered: string | null;
  source: string;
  startedAt: number;
  endedAt: number | null;
  endReason: string | null;
};

/** A one-off proactive message queued by a caller (rules, reminders), under the same guards as steps. */
export type Intervention = {
  id: string;
  text: string;
  prompt: string | null;
  quickReplies: { id: string; label: string }[];
  dueAt: number;
  reason: string;
  status: "pending" | "sent" | "dropped";
};

const SCHEMA = [
  "CREATE TABLE IF NOT EXISTS enrollments (id TEXT PRIMARY KEY, program_id TEXT NOT NULL, status TEXT NOT NULL, wake_at INTEGER, data TEXT NOT NULL)",
  "CREATE TABLE IF NOT EXISTS history (seq INTEGER PRIMARY KEY AUTOINCREMENT, enrollment_id TEXT, at INTEGER NOT NULL, node_id TEXT, event TEXT NOT NULL, detail TEXT)",
  "CREATE TABLE IF NOT EXISTS interventions (id TEXT PRIMARY KEY, due_at INTEGER NOT NULL, status TEXT NOT NULL, data TEXT NOT NULL)",
];

export type AgentIdentity = { tenantId: string; contactId: string; channelId?: string | null };

export class AgentStore {
  /** The send intents and send times (see send-ledger.ts). */
  readonly sends: SendLedger;
  /** Who the contact is and their preferences, each under its key. */
  private readonly meta: MetaTable;

  constructor(private readonly sql: SqlStorage) {
    this.meta = new MetaTable(sql);
    for (const statement of SCHEMA) sql.exec(statement);
    this.sends = new SendLedger(sql);
  }

  identity(): AgentIdentity | undefined {
    const raw = this.meta.get("identity");
    return raw ? (JSON.parse(raw) as AgentIdentity) : undefined;
  }

  /** Records who this agent is for the first time; the channel a user joined from is kept up to date. */
  bind(identity: AgentIdentity): boolean {
    const current = this.identity();
    if (
      current &&
      (current.tenantId !== identity.tenantId || current.contactId !== identity.contactId)
    )
      return false;
    this.meta.set(
      "identity",
      JSON.stringify({
        ...current,
        ...identity,
        channelId: identity.channelId ?? current?.channelId ?? null,
      }),
    );
    return true;
  }

  /**
   * The preferences in force: what the creator or the user set explicitly, else the contact's own time
   * zone from their D1 record, else the defaults (UTC).
   */
  preferences(): CoachingPreferences {
    const fallback = {
      ...DEFAULT_COACHING_PREFERENCES,
      timezone: this.contactTimeZone() ?? DEFAULT_COACHING_PREFERENCES.timezone,
    };
    return { ...fallback, ...this.explicitPreferences() };
  }

  /** Only the fields the creator or the user set themselves. */
  explicitPreferences(): Partial<CoachingPreferences> {
    const raw = this.meta.get("preferences");
    return raw ? (JSON.parse(raw) as Partial<CoachingPreferences>) : {};
  }

  setExplicitPreferences(prefs: Partial<CoachingPreferences>): void {
    this.meta.set("preferences", JSON.stringify(prefs));
  }

  /** The time zone of the contact's D1 record, as last read (null: none or not a valid one). */
  contactTimeZone(): string | null {
    return this.meta.get("contact_timezone") ?? null;
  }

  setContactTimeZone(timeZone: string | null): void {
    this.meta.set("contact_timezone", timeZone);
  }

  optedOutAt(): number | null {
    const raw = this.meta.get("opted_out_at");
    return raw ? Number(raw) : null;
  }

  setOptedOutAt(at: number | null): void {
    this.meta.set("opted_out_at", at === null ? null : String(at));
  }

  lastReplyAt(): number | null {
    const raw = this.meta.get("last_reply_at");
    return raw ? Number(raw) : null;
  }

  setLastReplyAt(at: number): void {
    this.meta.set("last_reply_at", String(at));
  }

  enrollment(id: string): EnrollmentRecord | undefined {
    const row = this.sql
      .exec<{ data: string }>("SELECT data FROM enrollments WHERE id = ?", id)
      .toArray()[0];
    return row ? (JSON.parse(row.data) as EnrollmentRecord) : undefined;
  }

  enrollments(): EnrollmentRecord[] {
    return this.sql
      .exec<{ data: string }>("SELECT data FROM enrollments ORDER BY rowid")
      .toArray()
      .map((r) => JSON.parse(r.data) as EnrollmentRecord);
  }

  activeEnrollments(): EnrollmentRecord[] {
    return this.enrollments().filter((e) => e.status === "active");
  }

  saveEnrollment(record: EnrollmentRecord): void {
    this.sql.exec(
      "INSERT INTO enrollments (id, program_id, status, wake_at, data) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET status = excluded.status, wake_at = excluded.wake_at, data = excluded.data",
      record.id,
      record.programId,
      record.status,
      record.wakeAt,
      JSON.stringify(record),
    );
  }

  /** The earliest wake-up of any active enrolment or pending intervention. */
  nextWake(): number | null {
    const enrollment = this.sql
      .exec<{ at: number | null }>(
        "SELECT MIN(wake_at) AS at FROM enrollments WHERE status = 'active'",
      )
      .one().at;
    const intervention = this.sql
      .exec<{ at: number | null }>(
        "SELECT MIN(due_at) AS at FROM interventions WHERE status = 'pending'",
      )
      .one().at;
    const times = [enrollment, intervention].filter((t): t is number => t !== null);
    return times.length > 0 ? Math.min(...times) : null;
  }

  addHistory(enrollmentId: string | null, event: EnrollmentEvent): void {
    this.sql.exec(
      "INSERT INTO history (enrollment_id, at, node_id, event, detail) VALUES (?, ?, ?, ?, ?)",
      enrollmentId,
      event.at,
      event.node_id,
      event.event,
      event.detail ? JSON.stringify(event.detail) : null,
    );
  }

  history(enrollmentId: string): EnrollmentEvent[] {
    return this.sql
      .exec<{
        at: number;
        node_id: string | null;
        event: EnrollmentEvent["event"];
        detail: string | null;
      }>(
        "SELECT at, node_id, event, detail FROM history WHERE enrollment_id = ? ORDER BY seq",
        enrollmentId,
      )
      .toArray()
      .map((r) => ({
        at: r.at,
        node_id: r.node_id,
        event: r.event,
        ...(r.detail
          ? { detail: JSON.parse(r.detail) as NonNullable<EnrollmentEvent["detail"]> }
          : {}),
      }));
  }

  intervention(id: string): Intervention | undefined {
    const row = this.sql
      .exec<{ data: string }>("SELECT data FROM interventions WHERE id = ?", id)
      .toArray()[0];
    return row ? (JSON.parse(row.data) as Intervention) : undefined;
  }

  dueInterventions(now: number): Intervention[] {
    return this.sql
      .exec<{ data: string }>(
        "SELECT data FROM interventions WHERE status = 'pending' AND due_at <= ? ORDER BY due_at",
        now,
      )
      .toArray()
      .map((r) => JSON.parse(r.data) as Intervention);
  }

  pendingInterventions(): Intervention[] {
    return this.sql
      .exec<{ data: string }>(
        "SELECT data FROM interventions WHERE status = 'pending' ORDER BY due_at",
      )
      .toArray()
      .map((r) => JSON.parse(r.data) as Intervention);
  }

  saveIntervention(item: Intervention): void {
    this.sql.exec(
      "INSERT INTO interventions (id, due_at, status, data) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET due_at = excluded.due_at, status = excluded.status, data = excluded.data",
      item.id,
      item.dueAt,
      item.status,
      JSON.stringify(item),
    );
  }
}
