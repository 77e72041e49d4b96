// A workspace's duty-of-care settings (contracts/src/safety-settings.ts) as D1 keeps them: one row per
// workspace, read in one query by the routes and by a conversation room about to answer a crisis or
// send a turn to the model, and written by the routes. No row, or a row that no longer fits the
// contract, reads as the defaults: no resources of its own, payment data masked for the model.
import {
  CrisisResourcesSchema,
  DEFAULT_MODEL_REDACTION,
  ModelRedactionSchema,
  NO_CRISIS_RESOURCES,
  type CrisisResources,
  type ModelRedaction,
} from "@coach/contracts/safety-settings";
import { forTenant, type TenantGateway } from "../db/tenant-gateway";

export type SafetySettings = { crisis: CrisisResources; redaction: ModelRedaction };

/** The workspace's settings, each part falling back to its default on its own. */
export async function loadSafetySettings(
  db: D1Database,
  tenantId: string,
): Promise<SafetySettings> {
  const row = await forTenant(db, tenantId).find("safetySettings", tenantId);
  if (!row) return { crisis: NO_CRISIS_RESOURCES, redaction: DEFAULT_MODEL_REDACTION };
  const crisis = CrisisResourcesSchema.safeParse({
    resources: row.crisisResources,
    intro: row.crisisIntro,
  });
  const redaction = ModelRedactionSchema.safeParse(row.modelRedaction ?? {});
  return {
    crisis: crisis.success ? crisis.data : NO_CRISIS_RESOURCES,
    redaction: redaction.success ? redaction.data : DEFAULT_MODEL_REDACTION,
  };
}

/** Replaces one part of the workspace's settings, creating its row (the other part at its default) the first time. */
export async function saveSafetySettings(
  gateway: TenantGateway,
  part: { crisis: CrisisResources } | { redaction: ModelRedaction },
  updatedBy: string,
): Promise<void> {
  const patch = {
    ...("crisis" in part
      ? { crisisResources: part.crisis.resources, crisisIntro: part.crisis.intro }
      : { modelRedaction: part.redaction }),
    updatedBy,
    updatedAt: Date.now(),
  };
  await gateway.upsert(
    "safetySettings",
    {
      id: gateway.tenantId,
      crisisResources: NO_CRISIS_RESOURCES.resources,
      crisisIntro: NO_CRISIS_RESOURCES.intro,
      ...patch,
    },
    patch,
  );
}
