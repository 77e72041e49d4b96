// The platform's own plans (the operator charging creators), read from the `PLATFORM_PLANS` variable:
// JSON naming each plan and its quotas per workspace. A workspace's plan is `tenants.plan`; a plan the
// variable does not name, or a quota it leaves out, is unlimited, so a deployment without the variable
// behaves as before. A wrong value is a configuration error that names the variable.
import { platformQuotas, type PlatformQuota } from "@coach/contracts/platform-usage";
import { z } from "zod";
import { readJsonSetting } from "./json-setting";

const limit = z.number().int().min(0).max(1_000_000_000).nullable();

const PlansSchema = z.record(
  z.string().min(1).max(64),
  z
    .object({
      answers_per_month: limit,
      documents: limit,
      seats: limit,
      bridges: limit,
    })
    .partial()
    .strict(),
);

/** Each quota's limit; null: unlimited. */
export type PlatformLimits = Record<PlatformQuota, number | null>;

const UNLIMITED: PlatformLimits = {
  answers_per_month: null,
  documents: null,
  seats: null,
  bridges: null,
};

let cached: { raw: string; plans: z.infer<typeof PlansSchema> } | undefined;

function parsePlans(raw: string): z.infer<typeof PlansSchema> {
  if (cached?.raw === raw) return cached.plans;
  const plans = readJsonSetting(
    raw,
    PlansSchema,
    {},
    'PLATFORM_PLANS must be JSON such as {"starter": {"answers_per_month": 2000, "documents": 50, "seats": 3, "bridges": 1}}; a quota left out or null is unlimited.',
  );
  cached = { raw, plans };
  return plans;
}

/** The limits of platform plan `name`: unlimited unless `PLATFORM_PLANS` names it. */
export function platformLimits(env: { PLATFORM_PLANS?: string }, name: string): PlatformLimits {
  const plan = parsePlans(env.PLATFORM_PLANS ?? "")[name];
  if (!plan) return UNLIMITED;
  return Object.fromEntries(
    platformQuotas.map((quota) => [quota, plan[quota] ?? null]),
  ) as PlatformLimits;
}
