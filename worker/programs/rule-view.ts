// A coaching rule as the API and the workspace export show it.
import type { CoachingRuleView } from "@coach/contracts/coaching-rules";
import type { TenantRow } from "../db/tenant-gateway";

export function ruleView(row: TenantRow<"coachingRules">): CoachingRuleView {
  return {
    id: row.id,
    name: row.name,
    program_id: row.programId,
    when: row.when,
    then: row.then,
    enabled: row.enabled,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
