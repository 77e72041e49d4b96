/**
 * How long a workspace keeps what it stores (`GET`/`PUT /api/v1/workspace/retention`): a number of
 * days per kind, or null to keep it forever. Shared by the edge, which validates and enforces it, and
 * the dashboard, which shows the defaults and bounds beside each value.
 */
import { z } from "zod";

/** The longest retention that can be set: ten years. */
export const MAX_RETENTION_DAYS = 3650;
/** The audit log keeps at least a month, so nobody can shorten it to wipe their own trail. */
export const MIN_AUDIT_DAYS = 30;

const days = (min: number) => z.number().int().min(min).max(MAX_RETENTION_DAYS).nullable();

const fields = {
  conversations_days: days(1),
  originals_days: days(1),
  audit_days: days(MIN_AUDIT_DAYS),
  webhook_deliveries_days: days(1),
  gaps_days: days(1),
};

/** A workspace's complete retention: days per kind, null for "keep forever". */
export const RetentionSettingsSchema = z.object(fields).strict();
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;
export type RetentionKind = keyof RetentionSettings;

/**
 * The defaults. Conversations and originals are kept: they are the creator's record and material, and
 * without an original a document cannot be re-indexed (a new embedder needs the file again). The audit
 * log keeps a year, long enough for a yearly review. Webhook deliveries keep the month the delivery log
 * always kept: they are only for debugging an endpoint, and carry copies of event data. Gaps keep half
 * a year: they quote users' questions, and older ones have usually been answered by new material.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  conversations_days: null,
  originals_days: null,
  audit_days: 365,
  webhook_deliveries_days: 30,
  gaps_days: 180,
};

/** `PUT /workspace/retention`: any of the values; omitted ones keep theirs. */
export const RetentionUpdateSchema = RetentionSettingsSchema.partial();
export type RetentionUpdate = z.infer<typeof RetentionUpdateSchema>;

/** What `GET` and `PUT /workspace/retention` answer: the values in force and the defaults. */
export type RetentionView = {
  settings: RetentionSettings;
  defaults: RetentionSettings;
  updated_at: number | null;
};
