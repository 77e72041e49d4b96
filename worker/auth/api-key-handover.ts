// What becomes of a departing member's API keys. A key never outlives its creator's membership: by
// default the keys are revoked with the removal; whoever removes the member may instead hand them to
// another member whose role covers every scope they carry (a key never holds more than its creator may).
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { KeyHandover } from "../db/memberships";
import type { TenantGateway, TenantRow } from "../db/tenant-gateway";
import { AppError } from "../lib/errors";
import { permissions, roleAllows, type Permission } from "./permissions";

/**
 * The optional body of `DELETE /api/v1/members/:id`: `{"api_keys": "revoke"}` (the default), or
 * `{"api_keys": "reassign", "reassign_to": "<user id>"}` (the caller when `reassign_to` is left out).
 */
export const RemovalOptionsSchema = z.object({
  api_keys: z.enum(["revoke", "reassign"]).default("revoke"),
  reassign_to: z.string().min(1).max(64).optional(),
});
export type RemovalOptions = z.output<typeof RemovalOptionsSchema>;

/** The handover to apply with the removal, and the keys it concerns (for the audit log). */
export type HandoverPlan = { handover: KeyHandover; keys: TenantRow<"apiKeys">[] };

function refused(message: string): AppError {
  return new AppError(409, "reassign_not_allowed", message);
}

function isPermission(scope: string): scope is Permission {
  return (permissions as readonly string[]).includes(scope);
}

/** Checks the request against the departing member's live keys; nothing is changed yet. */
export async function planKeyHandover(
  gateway: TenantGateway,
  departingUserId: string,
  options: RemovalOptions,
  callerId: string,
): Promise<HandoverPlan> {
  const keys = await gateway.list("apiKeys", {
    where: (t) => and(eq(t.createdBy, departingUserId), isNull(t.revokedAt)),
  });
  if (options.api_keys === "revoke") return { handover: { kind: "revoke" }, keys };
  const toUserId = options.reassign_to ?? callerId;
  if (toUserId === departingUserId)
    throw refused(
      "The keys cannot stay with the member being removed. Name another member in reassign_to.",
    );
  const [heir] = await gateway.list("memberships", {
    where: (t) => eq(t.userId, toUserId),
    limit: 1,
  });
  if (!heir) throw refused("reassign_to must be the user id of another member of this workspace.");
  const beyond = [...new Set(keys.flatMap((k) => k.scopes))].filter(
    (scope) => !isPermission(scope) || !roleAllows(heir.role, scope),
  );
  if (beyond.length > 0) {
    throw refused(
      `The ${heir.role} role does not cover the keys' scopes (${beyond.join(", ")}). Choose a member whose role does, or revoke the keys.`,
    );
  }
  return { handover: { kind: "reassign", toUserId }, keys };
}
