/**
 * A workspace's standing on the platform's own plan (`GET /api/v1/usage`): each quota with what is
 * used and the plan's limit (null: unlimited), and the creator's membership settings
 * (`/api/v1/billing/settings`).
 */
import { z } from "zod";

/** The quotas a platform plan sets per workspace. */
export const platformQuotas = ["answers_per_month", "documents", "seats", "bridges"] as const;
export type PlatformQuota = (typeof platformQuotas)[number];

export type QuotaUsage = { used: number; limit: number | null };

export type UsageView = {
  /** The platform plan the workspace is on (set by the platform's operator). */
  plan: string;
  /** The month answers count in, `YYYY-MM` (UTC). */
  month: string;
  quotas: Record<PlatformQuota, QuotaUsage>;
  /** When this month's first answer was refused for the quota (users were told); null: none. */
  answers_refused_at: number | null;
};

/** Body of `PUT /api/v1/billing/settings`. */
export const BillingSettingsSchema = z
  .object({
    /** "stop": members whose paid membership lapsed get no proactive messages of paid programs. */
    proactive_for_lapsed: z.enum(["stop", "continue"]),
  })
  .strict();

export type BillingSettingsView = z.infer<typeof BillingSettingsSchema>;
