// A workspace's people under /api/v1/members: list, invite (the answer carries the token of the
// invitation link), change roles, remove, revoke invitations (kept, so the link can say it was revoked).
// Only owners grant or take away ownership, and the last owner can be neither demoted nor removed. A
// removed member's API keys are revoked with them, or handed to another member (auth/api-key-handover.ts).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { planKeyHandover, RemovalOptionsSchema } from "../auth/api-key-handover";
import { recordAudit } from "../auth/audit";
import { assertUnderQuota } from "../billing/platform-quotas";
import { canAssignRole } from "../auth/permissions";
import { loadTeam } from "../auth/team";
import { hashSecret, normalizeEmail } from "../auth/secrets";
import { newId, newSecret } from "../lib/ids";
import * as accounts from "../db/accounts";
import * as membershipRules from "../db/memberships";
import { roles, type Role } from "../db/enums";
import { forPrincipal } from "../db/tenant-gateway";
import { AppError, notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { requirePermission } from "../middleware/require-permission";
import { guardedJson } from "../middleware/guarded-json";
import { jsonBody } from "../middleware/json-body";

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
const inviteBody = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  role: z.enum(roles),
});
const roleBody = z.object({ role: z.enum(roles) });

function assertCanAssign(actor: string, from: Role | undefined, to: Role): void {
  if (!canAssignRole(actor, from, to))
    throw new AppError(403, "forbidden", "Only an owner can grant or take away ownership.");
}

function ownerGuard(result: membershipRules.OwnerGuardResult): void {
  if (result === "not_found") throw notFound("member");
  if (result === "last_owner")
    throw new AppError(
      409,
      "last_owner",
      "A workspace needs an owner. Make someone else an owner first.",
    );
}

export const memberRoutes = new Hono<AppEnv>()
  .use(authenticate())
  .get("/", requirePermission("members:read"), async (c) =>
    c.json(await loadTeam(c.env.DB, forPrincipal(c.env.DB, c.get("principal")))),
  )
  .post("/", ...guardedJson("members:write", inviteBody), async (c) => {
    const body = c.req.valid("json");
    const principal = c.get("principal");
    assertCanAssign(principal.role, undefined, body.role);
    const gateway = forPrincipal(c.env.DB, principal);
    await assertUnderQuota(c.env, gateway, "seats");
    const email = normalizeEmail(body.email);
    const existing = await accounts.findUserByEmail(c.env.DB, email);
    if (
      existing &&
      (await accounts.listMembershipsOfUser(c.env.DB, existing.id)).some(
        (m) => m.tenant.id === gateway.tenantId,
      )
    ) {
      throw new AppError(
        409,
        "already_member",
        "This person is already a member of the workspace.",
      );
    }
    const token = newSecret();
    const invitation = await gateway.insert("invitations", {
      id: newId(),
      email,
      role: body.role,
      tokenHash: await hashSecret(token),
      invitedBy: principal.subjectId,
      expiresAt: Date.now() + INVITATION_TTL_MS,
    });
    await recordAudit(c, {
      action: "member.invited",
      target: { type: "invitation", id: invitation.id },
      metadata: { role: body.role },
    });
    return c.json(
      {
        invitation: {
          id: invitation.id,
          email,
          role: invitation.role,
          expires_at: new Date(invitation.expiresAt).toISOString(),
        },
        invitation_token: token,
      },
      201,
    );
  })
  .delete("/invitations/:id", requirePermission("members:write"), async (c) => {
    const id = c.req.param("id");
    await forPrincipal(c.env.DB, c.get("principal")).update("invitations", id, {
      revokedAt: Date.now(),
    });
    await recordAudit(c, {
      action: "member.invitation_revoked",
      target: { type: "invitation", id },
    });
    return c.body(null, 204);
  })
  .patch("/:id", ...guardedJson("members:write", roleBody), async (c) => {
    const principal = c.get("principal");
    const { role } = c.req.valid("json");
    const member = await forPrincipal(c.env.DB, principal).get("memberships", c.req.param("id"));
    assertCanAssign(principal.role, member.role, role);
    ownerGuard(await membershipRules.changeRole(c.env.DB, principal.tenantId, member.id, role));
    await recordAudit(c, {
      action: "member.role_changed",
      target: { type: "user", id: member.userId },
      metadata: { from: member.role, to: role },
    });
    return c.json({ id: member.id, user_id: member.userId, role });
  })
  .delete(
    "/:id",
    requirePermission("members:write"),
    jsonBody(RemovalOptionsSchema, { maxBytes: 4096, optional: true }),
    async (c) => {
      const principal = c.get("principal");
      const gateway = forPrincipal(c.env.DB, principal);
      const member = await gateway.get("memberships", c.req.param("id"));
      assertCanAssign(principal.role, member.role, member.role);
      const { handover, keys } = await planKeyHandover(
        gateway,
        member.userId,
        c.req.valid("json"),
        principal.subjectId,
      );
      ownerGuard(
        await membershipRules.removeMember(c.env.DB, principal.tenantId, member.id, handover),
      );
      await recordAudit(c, {
        action: "member.removed",
        target: { type: "user", id: member.userId },
        metadata: { role: member.role, api_keys: handover.kind },
      });
      for (const key of keys) {
        await recordAudit(
          c,
          handover.kind === "revoke"
            ? {
                action: "api_key.revoked",
                target: { type: "api_key", id: key.id },
                metadata: { reason: "creator_removed" },
              }
            : {
                action: "api_key.reassigned",
                target: { type: "api_key", id: key.id },
                metadata: { from: member.userId, to: handover.toUserId },
              },
        );
      }
      return c.body(null, 204);
    },
  );
