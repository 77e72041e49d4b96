// The platform's own plans at the edge: a workspace's quotas (worker/lib/platform-plans.ts) checked
// before the creator adds what they count — a document, a seat (a member or a pending invitation), a
// bridge — and the usage the dashboard shows. Over a quota is a 402 `quota_exceeded` naming the quota,
// the limit, and how to raise it. Answers are metered per turn in allowance.ts.
import type { PlatformQuota, UsageView } from "@coach/contracts/platform-usage";
import { and, gt, isNull } from "drizzle-orm";
import { workspaceMonth, workspacePlanName } from "../db/platform-usage-store";
import type { TenantGateway } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { platformLimits, type PlatformLimits } from "../lib/platform-plans";

export type QuotaEnv = Pick<Env, "DB"> & { PLATFORM_PLANS?: string };

/** The quotas counted from the workspace's rows (answers are counted as they are given). */
type CountedQuota = Exclude<PlatformQuota, "answers_per_month">;

/** The workspace's platform plan and its limits. */
export async function workspaceLimits(
  env: QuotaEnv,
  tenantId: string,
): Promise<{ plan: string; limits: PlatformLimits }> {
  const plan = await workspacePlanName(env.DB, tenantId);
  return { plan, limits: platformLimits(env, plan) };
}

const NOUNS: Record<CountedQuota, { one: string; many: string; free: string }> = {
  documents: { one: "document", many: "documents", free: "Delete a document you no longer need" },
  seats: {
    one: "seat",
    many: "seats",
    free: "Remove a member or revoke a pending invitation",
  },
  bridges: { one: "bridge", many: "bridges", free: "Remove a bridge you no longer use" },
};

/** What `quota` counts now: documents, members plus pending invitations, or bridges. */
function countOf(gateway: TenantGateway, quota: CountedQuota, now: number): Promise<number> {
  if (quota === "documents") return gateway.count("documents");
  if (quota === "bridges") return gateway.count("bridges");
  return Promise.all([
    gateway.count("memberships"),
    gateway.count("invitations", (t) =>
      and(isNull(t.acceptedAt), isNull(t.revokedAt), gt(t.expiresAt, now)),
    ),
  ]).then(([members, pending]) => members + pending);
}

/** 402 `quota_exceeded` when the workspace's plan has no room for one more of `quota`. */
export async function assertUnderQuota(
  env: QuotaEnv,
  gateway: TenantGateway,
  quota: CountedQuota,
  now: number = Date.now(),
): Promise<void> {
  const { plan, limits } = await workspaceLimits(env, gateway.tenantId);
  const limit = limits[quota];
  if (limit === null) return;
  const used = await countOf(gateway, quota, now);
  if (used < limit) return;
  const noun = NOUNS[quota];
  throw new AppError(
    402,
    "quota_exceeded",
    `Your workspace's plan (${plan}) includes ${limit} ${limit === 1 ? noun.one : noun.many}, and all are in use. ${noun.free}, or ask the platform to move your workspace to a larger plan.`,
    { details: { quota, limit, used, plan } },
  );
}

/** Each quota with what the workspace uses of it, for `GET /api/v1/usage`. */
export async function usageOf(
  env: QuotaEnv,
  gateway: TenantGateway,
  now: number = Date.now(),
): Promise<UsageView> {
  const { plan, limits } = await workspaceLimits(env, gateway.tenantId);
  const [month, documents, seats, bridges] = await Promise.all([
    workspaceMonth(env.DB, gateway.tenantId, now),
    countOf(gateway, "documents", now),
    countOf(gateway, "seats", now),
    countOf(gateway, "bridges", now),
  ]);
  return {
    plan,
    month: month.month,
    quotas: {
      answers_per_month: { used: month.answers, limit: limits.answers_per_month },
      documents: { used: documents, limit: limits.documents },
      seats: { used: seats, limit: limits.seats },
      bridges: { used: bridges, limit: limits.bridges },
    },
    answers_refused_at: month.refusedAt,
  };
}
