// A workspace's people as the team screen and the workspace export show them: members with their name,
// email and role, and the invitations that can still be accepted.
import type { Invitation, Member } from "@coach/contracts/account-views";
import { isNull } from "drizzle-orm";
import * as accounts from "../db/accounts";
import type { TenantGateway } from "../db/tenant-gateway";

export type Team = { members: Member[]; invitations: Invitation[] };

/** The members, oldest first, and the open invitations. */
export async function loadTeam(d1: D1Database, gateway: TenantGateway): Promise<Team> {
  const rows = await gateway.list("memberships", { orderBy: (t) => t.createdAt });
  const people = new Map(
    (
      await accounts.findUsersByIds(
        d1,
        rows.map((m) => m.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const pending = await gateway.list("invitations", {
    where: (t) => isNull(t.acceptedAt),
    orderBy: (t) => t.createdAt,
  });
  return {
    members: rows.map((m) => ({
      id: m.id,
      user_id: m.userId,
      email: people.get(m.userId)?.email ?? null,
      full_name: people.get(m.userId)?.fullName ?? null,
      role: m.role,
      created_at: new Date(m.createdAt).toISOString(),
    })),
    invitations: pending
      .filter((i) => accounts.isOpenInvitation(i))
      .map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        expires_at: new Date(i.expiresAt).toISOString(),
      })),
  };
}
