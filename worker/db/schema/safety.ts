// What a workspace sets for the duty of care (contracts/src/safety-settings.ts); no row means the defaults.
import { text } from "drizzle-orm/sqlite-core";
import { updatedAt } from "./columns";
import { tenantTable } from "./tenants";

/**
 * One row per workspace (`id` is the tenant id): the crisis resources named in the fixed reply to a
 * message in a crisis, their introductions by language, and what is masked in what the model is sent
 * (null: the default, payment data only).
 */
export const safetySettings = tenantTable("safety_settings", {
  crisisResources: text("crisis_resources", { mode: "json" }).$type<unknown[]>().notNull(),
  crisisIntro: text("crisis_intro", { mode: "json" }).$type<Record<string, string>>().notNull(),
  modelRedaction: text("model_redaction", { mode: "json" }).$type<Record<string, boolean>>(),
  updatedBy: text("updated_by"),
  updatedAt: updatedAt(),
});
