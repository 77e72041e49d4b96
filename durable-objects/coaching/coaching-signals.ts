// The CoachingAgent's behaviour side: it notes the days a contact writes, computes their signals,
// evaluates the creator's rules on the agent's alarm and on activity (queuing a nudge or a supportive
// message as an intervention, so quiet hours, caps and opt-out decide when it goes out), knows when a
// silence will ripen into a rule, and mirrors the agent's history to D1 for the analytics.
import type { ContactSignals, RuleThen, RuleWhen } from "@coach/contracts/coaching-rules";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { forTenant } from "../../worker/db/tenant-gateway";
import { describeError, type Logger } from "../../worker/lib/logger";
import type { ReplyLanguage } from "../../worker/lib/reply-language";
import type { AgentStore } from "./agent-store";
import {
  computeSignals,
  ruleEpisode,
  ruleRipensAt,
  type CheckinEvent,
  type SignalsWithKeys,
} from "./behaviour-signals";
import { exportCoachingEvents } from "./event-export";
import { defaultRuleMessage } from "./nudge-texts";
import { localDateTime } from "../../worker/lib/zoned-time";

const SCHEMA = [
  "CREATE TABLE IF NOT EXISTS activity_days (day TEXT PRIMARY KEY)",
  "CREATE TABLE IF NOT EXISTS signal_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  // The interventions rules queued, so their sends and the replies to them are counted per program.
  "CREATE TABLE IF NOT EXISTS nudges (intervention_id TEXT PRIMARY KEY, rule_id TEXT NOT NULL, program_id TEXT, queued_at INTEGER NOT NULL, sent_at INTEGER, replied_at INTEGER, reply_exported INTEGER NOT NULL DEFAULT 0)",
];
const ACTIVITY_DAYS_KEPT = 400;
/** A reply this soon after a nudge counts as a response to it. */
export const NUDGE_RESPONSE_WINDOW_MS = 72 * 60 * 60 * 1000;

export type CoachingSignalsDeps = {
  sql: SqlStorage;
  store: AgentStore;
  env: Env;
  now: () => number;
  /** The contact's language, for a rule's built-in message (read only when one is queued). */
  language: () => Promise<ReplyLanguage>;
  logger: Logger;
};

type Rule = { id: string; programId: string | null; when: RuleWhen; then: RuleThen };

function isoDate(local: { year: number; month: number; day: number }): string {
  return `${local.year}-${String(local.month).padStart(2, "0")}-${String(local.day).padStart(2, "0")}`;
}

export class CoachingSignals {
  constructor(private readonly deps: CoachingSignalsDeps) {
    for (const statement of SCHEMA) deps.sql.exec(statement);
  }

  private meta(key: string): string | undefined {
    return this.deps.sql
      .exec<{ value: string }>("SELECT value FROM signal_meta WHERE key = ?", key)
      .toArray()[0]?.value;
  }

  private setMeta(key: string, value: string | null): void {
    if (value === null) this.deps.sql.exec("DELETE FROM signal_meta WHERE key = ?", key);
    else
      this.deps.sql.exec(
        "INSERT INTO signal_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        key,
        value,
      );
  }

  /** The contact wrote at `at`: that local day counts toward their streak, and a recent nudge was answered. */
  noteActivity(at: number): void {
    this.deps.sql.exec(
      "UPDATE nudges SET replied_at = ? WHERE replied_at IS NULL AND sent_at IS NOT NULL AND sent_at <= ? AND sent_at > ?",
      at,
      at,
      at - NUDGE_RESPONSE_WINDOW_MS,
    );
    const day = isoDate(localDateTime(at, this.deps.store.preferences().timezone));
    this.deps.sql.exec(
      "INSERT INTO activity_days (day) VALUES (?) ON CONFLICT(day) DO NOTHING",
      day,
    );
    this.deps.sql.exec(
      "DELETE FROM activity_days WHERE day NOT IN (SELECT day FROM activity_days ORDER BY day DESC LIMIT ?)",
      ACTIVITY_DAYS_KEPT,
    );
  }

  private checkinEvents(): CheckinEvent[] {
    const events: CheckinEvent[] = [];
    for (const record of this.deps.store.enrollments()) {
      const checkinNodes = new Set(
        record.steps.nodes.filter((n) => n.kind === "checkin").map((n) => n.id),
      );
      for (const entry of this.deps.store.history(record.id)) {
        if (
          !entry.node_id ||
          !checkinNodes.has(entry.node_id) ||
          (entry.event !== "sent" && entry.event !== "answered")
        )
          continue;
        const value =
          entry.event === "answered" && typeof entry.detail?.value === "number"
            ? entry.detail.value
            : null;
        events.push({
          enrollmentId: record.id,
          nodeId: entry.node_id,
          kind: entry.event,
          at: entry.at,
          value,
        });
      }
    }
    return events;
  }

  private computed(now: number): SignalsWithKeys {
    const timeZone = this.deps.store.preferences().timezone;
    const local = localDateTime(now, timeZone);
    const yesterday = new Date(Date.UTC(local.year, local.month - 1, local.day - 1))
      .toISOString()
      .slice(0, 10);
    return computeSignals({
      now,
      lastReplyAt: this.deps.store.lastReplyAt(),
      activityDays: this.deps.sql
        .exec<{ day: string }>("SELECT day FROM activity_days")
        .toArray()
        .map((r) => r.day),
      today: isoDate(local),
      yesterday,
      checkins: this.checkinEvents(),
    });
  }

  /** The contact's signals now. */
  signals(): ContactSignals {
    const { last_missed_at: _key, ...signals } = this.computed(this.deps.now());
    return signals;
  }

  /** When a rule may next hold without any new event, as last computed; null when none can. */
  nextCheck(): number | null {
    const raw = this.meta("next_check");
    return raw ? Number(raw) : null;
  }

  /** Evaluates the creator's rules for this contact (each acts once per episode). Never throws. */
  async evaluateRules(): Promise<void> {
    try {
      await this.evaluate();
    } catch (err) {
      this.deps.logger.warn("coaching rules not evaluated", describeError(err));
    }
  }

  /** Mirrors new history, follow-ups and nudges to D1 for the analytics. Never throws: a hiccup only delays a chart. */
  async exportEvents(): Promise<void> {
    try {
      await exportCoachingEvents(this.deps);
    } catch (err) {
      this.deps.logger.warn("coaching events not exported", describeError(err));
    }
  }

  private async rules(tenantId: string, programIds: string[]): Promise<Rule[]> {
    const rows = await forTenant(this.deps.env.DB, tenantId).list("coachingRules", {
      where: (t) =>
        and(
          eq(t.enabled, true),
          programIds.length > 0
            ? or(isNull(t.programId), inArray(t.programId, programIds))
            : isNull(t.programId),
        ),
    });
    return rows.map((r) => ({ id: r.id, programId: r.programId, when: r.when, then: r.then }));
  }

  private async evaluate(): Promise<void> {
    const { store, now: clock } = this.deps;
    const identity = store.identity();
    const active = store.activeEnrollments();
    // Rules act on enrolled contacts only: nobody gets nudged for merely having visited once.
    if (!identity || active.length === 0 || store.optedOutAt() !== null)
      return this.setMeta("next_check", null);
    const now = clock();
    const rules = await this.rules(identity.tenantId, [...new Set(active.map((e) => e.programId))]);
    const signals = this.computed(now);
    const silenceSince = store.lastReplyAt() ?? Math.min(...active.map((e) => e.startedAt));
    const lastCheckinSent =
      Math.max(
        0,
        ...this.checkinEvents()
          .filter((e) => e.kind === "sent")
          .map((e) => e.at),
      ) || null;
    let next: number | null = null;
    for (const rule of rules) {
      const episode = ruleEpisode(rule.when, signals, now, silenceSince);
      if (episode)
        await this.queue(
          rule,
          episode,
          now,
          active.find((e) => rule.programId === null || e.programId === rule.programId)
            ?.programId ?? null,
        );
      const ripens = ruleRipensAt(rule.when, silenceSince, lastCheckinSent);
      if (ripens !== null && ripens > now) next = next === null ? ripens : Math.min(next, ripens);
    }
    this.setMeta("next_check", next === null ? null : String(next));
  }

  private async queue(
    rule: Rule,
    episode: string,
    now: number,
    programId: string | null,
  ): Promise<void> {
    const { store } = this.deps;
    const id = `rule:${rule.id}:${episode}`;
    if (store.intervention(id)) return;
    // The creator's own words go out as written; without them the model writes in their voice, in
    // the contact's language, with the built-in text in that language when it cannot.
    const message = rule.then.text
      ? { text: rule.then.text, prompt: null }
      : defaultRuleMessage(rule.then.send, await this.deps.language());
    store.saveIntervention({
      id,
      text: message.text,
      prompt: message.prompt,
      quickReplies: [],
      dueAt: now,
      reason: `rule:${rule.then.send}`,
      status: "pending",
    });
    this.deps.sql.exec(
      "INSERT INTO nudges (intervention_id, rule_id, program_id, queued_at) VALUES (?, ?, ?, ?) ON CONFLICT(intervention_id) DO NOTHING",
      id,
      rule.id,
      programId,
      now,
    );
  }
}
