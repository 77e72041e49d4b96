// One pass of a workspace's retention (contracts/src/retention.ts), run by its RetentionSweeper: what is
// older than the workspace keeps is deleted, each kind in one bounded batch, so a pass stays short and
// a backlog is worked off pass after pass. Conversations go the way an erasure takes them (their room
// first, then every D1 row that names them, then the webhook deliveries that quote them), except one
// flagged urgent, which waits for a member to resolve it. Originals leave R2 while their passages stay
// indexed at the bridge; the document says when its original went.
import type { RetentionKind, RetentionSettings } from "@coach/contracts/retention";
import { roomEraser } from "../auth/gdpr/conversation-store";
import { eraseConversationRows } from "../db/personal-rows";
import {
  expiredConversationIds,
  expiredOriginals,
  markOriginalsRemoved,
  pruneAuditLog,
  pruneDeliveryLog,
  pruneGaps,
} from "../db/retention-store";
import { forgetDeliveriesAbout } from "../db/webhook-store";

const DAY_MS = 86_400_000;

/** Rows (or files, or conversations) one pass deletes per kind at most. */
export type SweepLimits = { conversations: number; originals: number; rows: number };

/**
 * Conversations are the dearest (a room each); originals are one R2 delete call per batch (at most
 * 1000 keys); plain rows go in one statement, and D1 counts the rows a statement deletes.
 */
export const SWEEP_LIMITS: SweepLimits = { conversations: 25, originals: 100, rows: 500 };

/** What one pass deleted, by kind, and whether a batch was full (more may be waiting). */
export type SweepCounts = {
  conversations: number;
  originals: number;
  audit_entries: number;
  webhook_deliveries: number;
  gaps: number;
};
export type SweepPass = { deleted: SweepCounts; more: boolean };

/** The cut-off for `kind`: what was created (or last active) before it goes; null keeps it forever. */
function cutoff(settings: RetentionSettings, kind: RetentionKind, now: number): number | null {
  const days = settings[kind];
  return days === null ? null : now - days * DAY_MS;
}

async function sweepConversations(
  env: Env,
  tenantId: string,
  before: number,
  limit: number,
): Promise<{ conversations: number; deliveries: number }> {
  const ids = await expiredConversationIds(env.DB, tenantId, before, limit);
  if (ids.length === 0) return { conversations: 0, deliveries: 0 };
  const rooms = roomEraser(env);
  for (const id of ids) await rooms.eraseConversation(tenantId, id);
  await eraseConversationRows(env.DB, tenantId, ids);
  const deliveries = await forgetDeliveriesAbout(env.DB, tenantId, {
    contactIds: [],
    conversationIds: ids,
  });
  return { conversations: ids.length, deliveries };
}

async function sweepOriginals(
  env: Env,
  tenantId: string,
  before: number,
  limit: number,
): Promise<number> {
  const expired = await expiredOriginals(env.DB, tenantId, before, limit);
  if (expired.length === 0) return 0;
  await env.FILES.delete(expired.map((original) => original.r2Key));
  await markOriginalsRemoved(
    env.DB,
    tenantId,
    expired.map((original) => original.id),
  );
  return expired.length;
}

/** Runs one pass for the workspace; throws when a store fails (the next pass repeats what is left). */
export async function sweepRetention(
  env: Env,
  tenantId: string,
  settings: RetentionSettings,
  limits: SweepLimits = SWEEP_LIMITS,
  now = Date.now(),
): Promise<SweepPass> {
  const before = (kind: RetentionKind) => cutoff(settings, kind, now);
  const conversationsBefore = before("conversations_days");
  const originalsBefore = before("originals_days");
  const auditBefore = before("audit_days");
  const deliveriesBefore = before("webhook_deliveries_days");
  const gapsBefore = before("gaps_days");
  const swept =
    conversationsBefore === null
      ? { conversations: 0, deliveries: 0 }
      : await sweepConversations(env, tenantId, conversationsBefore, limits.conversations);
  const deleted: SweepCounts = {
    conversations: swept.conversations,
    originals:
      originalsBefore === null
        ? 0
        : await sweepOriginals(env, tenantId, originalsBefore, limits.originals),
    audit_entries:
      auditBefore === null ? 0 : await pruneAuditLog(env.DB, tenantId, auditBefore, limits.rows),
    webhook_deliveries:
      swept.deliveries +
      (deliveriesBefore === null
        ? 0
        : await pruneDeliveryLog(env.DB, tenantId, deliveriesBefore, limits.rows)),
    gaps: gapsBefore === null ? 0 : await pruneGaps(env.DB, tenantId, gapsBefore, limits.rows),
  };
  const more =
    swept.conversations >= limits.conversations ||
    deleted.originals >= limits.originals ||
    deleted.audit_entries >= limits.rows ||
    deleted.webhook_deliveries - swept.deliveries >= limits.rows ||
    deleted.gaps >= limits.rows;
  return { deleted, more };
}
