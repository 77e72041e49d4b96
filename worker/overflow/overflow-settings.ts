// A workspace's overflow settings (contracts/src/overflow.ts) as D1 keeps them: one row per workspace,
// read by the settings route and by a conversation room before each attempt at a turn. No row, or a row
// that no longer fits the contract, reads as the default: overflow off.
import {
  DEFAULT_OVERFLOW_SETTINGS,
  OverflowSettingsSchema,
  type OverflowSettings,
} from "@coach/contracts/overflow";
import { forTenant, type TenantGateway } from "../db/tenant-gateway";

export async function loadOverflowSettings(
  db: D1Database,
  tenantId: string,
): Promise<OverflowSettings> {
  const row = await forTenant(db, tenantId).find("overflowSettings", tenantId);
  if (!row) return DEFAULT_OVERFLOW_SETTINGS;
  const parsed = OverflowSettingsSchema.safeParse({
    enabled: row.enabled,
    model: row.model,
    max_wait_ms: row.maxWaitMs,
    daily_answer_budget: row.dailyAnswerBudget,
  });
  return parsed.success ? parsed.data : DEFAULT_OVERFLOW_SETTINGS;
}

/** Replaces the workspace's settings whole. */
export async function saveOverflowSettings(
  gateway: TenantGateway,
  settings: OverflowSettings,
  updatedBy: string,
): Promise<void> {
  const values = {
    enabled: settings.enabled,
    model: settings.model,
    maxWaitMs: settings.max_wait_ms,
    dailyAnswerBudget: settings.daily_answer_budget,
    updatedBy,
    updatedAt: Date.now(),
  };
  await gateway.upsert("overflowSettings", { id: gateway.tenantId, ...values }, values);
}
