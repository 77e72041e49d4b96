// Membership changes that must keep a workspace owned. Each change is one SQL statement whose condition
// counts the owners, so two concurrent demotions cannot both succeed and leave nobody in charge.
// Every statement is scoped by the caller's tenant id.
import type { Role } from "./enums";

export type OwnerGuardResult = "done" | "not_found" | "last_owner";

async function explain(
  d1: D1Database,
  tenantId: string,
  membershipId: string,
): Promise<OwnerGuardResult> {
  const row = await d1
    .prepare("SELECT role FROM memberships WHERE id = ?1 AND tenant_id = ?2")
    .bind(membershipId, tenantId)
    .first();
  return row ? "last_owner" : "not_found";
}

const KEEPS_AN_OWNER =
  "(role <> 'owner' OR (SELECT count(*) FROM memberships WHERE tenant_id = ?2 AND role = 'owner') > 1)";

/** Changes a member's role unless that would leave the workspace without an owner. */
export async function changeRole(
  d1: D1Database,
  tenantId: string,
  membershipId: string,
  role: Role,
): Promise<OwnerGuardResult> {
  const guard = role === "owner" ? "1 = 1" : KEEPS_AN_OWNER;
  const result = await d1
    .prepare(`UPDATE memberships SET role = ?3 WHERE id = ?1 AND tenant_id = ?2 AND ${guard}`)
    .bind(membershipId, tenantId, role)
    .run();
  return result.meta.changes === 1 ? "done" : explain(d1, tenantId, membershipId);
}

/** What becomes of the live API keys a departing member created: revoked, or handed to another member. */
export type KeyHandover = { kind: "revoke" } | { kind: "reassign"; toUserId: string };

/**
 * Removes a member unless they are the workspace's last owner, then ends their sign-ins into it and
 * revokes or hands over the API keys they created. (Authentication also refuses a key whose creator is
 * no longer a member, so a failure between the two statements cannot leave a key working.)
 */
export async function removeMember(
  d1: D1Database,
  tenantId: string,
  membershipId: string,
  keys: KeyHandover,
): Promise<OwnerGuardResult> {
  const row = await d1
    .prepare(
      `DELETE FROM memberships WHERE id = ?1 AND tenant_id = ?2 AND ${KEEPS_AN_OWNER} RETURNING user_id`,
    )
    .bind(membershipId, tenantId)
    .first<{ user_id: string }>();
  if (!row) return explain(d1, tenantId, membershipId);
  const now = Date.now();
  const handOver =
    keys.kind === "revoke"
      ? d1
          .prepare(
            "UPDATE api_keys SET revoked_at = ?3 WHERE created_by = ?1 AND tenant_id = ?2 AND revoked_at IS NULL",
          )
          .bind(row.user_id, tenantId, now)
      : d1
          .prepare(
            "UPDATE api_keys SET created_by = ?3 WHERE created_by = ?1 AND tenant_id = ?2 AND revoked_at IS NULL",
          )
          .bind(row.user_id, tenantId, keys.toUserId);
  await d1.batch([
    d1
      .prepare(
        "UPDATE refresh_tokens SET revoked_at = ?3 WHERE user_id = ?1 AND tenant_id = ?2 AND revoked_at IS NULL",
      )
      .bind(row.user_id, tenantId, now),
    handOver,
  ]);
  return "done";
}

/** True when `userId` is the only owner of a workspace that still has other members. */
export async function isLastOwnerWithOthers(
  d1: D1Database,
  tenantId: string,
  userId: string,
): Promise<boolean> {
  const row = await d1
    .prepare(
      `SELECT
         (SELECT count(*) FROM memberships WHERE tenant_id = ?1 AND role = 'owner' AND user_id <> ?2) AS other_owners,
         (SELECT count(*) FROM memberships WHERE tenant_id = ?1 AND user_id <> ?2) AS others,
         (SELECT role FROM memberships WHERE tenant_id = ?1 AND user_id = ?2) AS role`,
    )
    .bind(tenantId, userId)
    .first<{ other_owners: number; others: number; role: string | null }>();
  return row?.role === "owner" && row.other_owners === 0 && row.others > 0;
}

/** True when `userId` is the only member of the workspace. */
export async function isSoleMember(
  d1: D1Database,
  tenantId: string,
  userId: string,
): Promise<boolean> {
  const row = await d1
    .prepare("SELECT count(*) AS others FROM memberships WHERE tenant_id = ?1 AND user_id <> ?2")
    .bind(tenantId, userId)
    .first<{ others: number }>();
  return row?.others === 0;
}
