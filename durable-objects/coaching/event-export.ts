// Mirrors a CoachingAgent's history to D1 for the analytics: enrolments, steps sent, check-in answers
// (with their score), completions and endings, plus the follow-ups of commitments (their status moves
// to `asked`) and the nudges rules sent and the replies to them. Reads the agent's own tables after a
// cursor, so each export sends only what is new; D1 skips anything it already has.
import type { CoachingEventRow } from "../../worker/db/coaching-event-store";
import { recordCoachingEvents } from "../../worker/db/coaching-event-store";
import { markFollowedUp } from "../../worker/db/commitment-store";
import type { AgentStore } from "./agent-store";

export type EventExportDeps = { sql: SqlStorage; store: AgentStore; env: Env };

const BATCH = 200;

function cursor(sql: SqlStorage): number {
  return Number(
    sql
      .exec<{ value: string }>("SELECT value FROM signal_meta WHERE key = 'export_seq'")
      .toArray()[0]?.value ?? 0,
  );
}

/** The agent's history after the cursor (the `history` table of agent-store.ts). */
function historyRows(
  deps: EventExportDeps,
  contactId: string,
): { rows: CoachingEventRow[]; lastSeq: number } {
  const after = cursor(deps.sql);
  const entries = deps.sql
    .exec<{
      seq: number;
      enrollment_id: string | null;
      at: number;
      node_id: string | null;
      event: string;
      detail: string | null;
    }>(
      "SELECT seq, enrollment_id, at, node_id, event, detail FROM history WHERE seq > ? ORDER BY seq LIMIT ?",
      after,
      BATCH,
    )
    .toArray();
  const rows = entries.map((e) => {
    const detail = e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null;
    return {
      id: `${contactId}:h${e.seq}`,
      contactId,
      programId: e.enrollment_id
        ? (deps.store.enrollment(e.enrollment_id)?.programId ?? null)
        : null,
      enrollmentId: e.enrollment_id,
      nodeId: e.node_id,
      event: e.event,
      value: e.event === "answered" && typeof detail?.value === "number" ? detail.value : null,
      detail,
      at: e.at,
    };
  });
  return { rows, lastSeq: entries[entries.length - 1]?.seq ?? after };
}

/** Intervention sends not exported yet (the `sends` table counts every send toward the caps). */
function interventionSends(sql: SqlStorage): { messageId: string; at: number }[] {
  sql.exec("CREATE TABLE IF NOT EXISTS exported_sends (message_id TEXT PRIMARY KEY)");
  return sql
    .exec<{ message_id: string; at: number }>(
      "SELECT s.message_id, s.at FROM sends s LEFT JOIN exported_sends e ON e.message_id = s.message_id WHERE s.message_id LIKE 'iv:%' AND e.message_id IS NULL ORDER BY s.at LIMIT ?",
      BATCH,
    )
    .toArray()
    .map((r) => ({ messageId: r.message_id, at: r.at }));
}

/** Exports what is new since the last export. */
export async function exportCoachingEvents(deps: EventExportDeps): Promise<void> {
  const identity = deps.store.identity();
  if (!identity) return;
  const { tenantId, contactId } = identity;
  const { sql, env } = deps;
  const history = historyRows(deps, contactId);
  const rows = [...history.rows];
  const sends = interventionSends(sql);
  for (const send of sends) {
    const interventionId = send.messageId.slice("iv:".length);
    if (interventionId.startsWith("commitment:")) {
      const commitmentId = interventionId.slice("commitment:".length);
      await markFollowedUp(env.DB, tenantId, commitmentId, send.at);
      rows.push({
        id: `${contactId}:${send.messageId}`,
        contactId,
        programId: null,
        enrollmentId: null,
        nodeId: null,
        event: "follow_up_sent",
        value: null,
        detail: { commitment_id: commitmentId },
        at: send.at,
      });
      continue;
    }
    const nudge = sql
      .exec<{ rule_id: string; program_id: string | null }>(
        "SELECT rule_id, program_id FROM nudges WHERE intervention_id = ?",
        interventionId,
      )
      .toArray()[0];
    if (!nudge) continue;
    sql.exec("UPDATE nudges SET sent_at = ? WHERE intervention_id = ?", send.at, interventionId);
    rows.push({
      id: `${contactId}:${send.messageId}`,
      contactId,
      programId: nudge.program_id,
      enrollmentId: null,
      nodeId: null,
      event: "nudge_sent",
      value: null,
      detail: { rule_id: nudge.rule_id },
      at: send.at,
    });
  }
  const replied = sql
    .exec<{
      intervention_id: string;
      rule_id: string;
      program_id: string | null;
      replied_at: number;
    }>(
      "SELECT intervention_id, rule_id, program_id, replied_at FROM nudges WHERE replied_at IS NOT NULL AND reply_exported = 0",
    )
    .toArray();
  for (const r of replied) {
    rows.push({
      id: `${contactId}:reply:${r.intervention_id}`,
      contactId,
      programId: r.program_id,
      enrollmentId: null,
      nodeId: null,
      event: "nudge_replied",
      value: null,
      detail: { rule_id: r.rule_id },
      at: r.replied_at,
    });
  }
  if (rows.length === 0) return;
  await recordCoachingEvents(env.DB, tenantId, rows);
  sql.exec(
    "INSERT INTO signal_meta (key, value) VALUES ('export_seq', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    String(history.lastSeq),
  );
  for (const send of sends)
    sql.exec(
      "INSERT INTO exported_sends (message_id) VALUES (?) ON CONFLICT(message_id) DO NOTHING",
      send.messageId,
    );
  for (const r of replied)
    sql.exec("UPDATE nudges SET reply_exported = 1 WHERE intervention_id = ?", r.intervention_id);
}
