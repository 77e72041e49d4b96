// Invitation links under /api/v1/invitations: what a link opens (public: the token is the secret), and
// accepting it as the signed-in person, whose email must be the invited one. Signing up or signing in
// with `invitation_token` (routes/auth.ts) accepts it the same way for someone not yet signed in.
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import {
  auditInvitationAccepted,
  invitationPreview,
  openInvitationLink,
} from "../auth/invitation-links";
import { normalizeEmail } from "../auth/secrets";
import * as accounts from "../db/accounts";
import { AppError } from "../lib/errors";
import { newId } from "../lib/ids";
import { signedIn } from "../middleware/signed-in";

export const invitationRoutes = new Hono<AppEnv>()
  .get("/:token", async (c) =>
    c.json(invitationPreview(await openInvitationLink(c.env.DB, c.req.param("token")))),
  )
  .post("/:token/accept", ...signedIn("self"), async (c) => {
    const principal = c.get("principal");
    const invitation = await openInvitationLink(c.env.DB, c.req.param("token"));
    const { row } = invitation;
    const user = await accounts.findUserById(c.env.DB, principal.subjectId);
    if (!user || normalizeEmail(row.email) !== user.email)
      throw new AppError(
        403,
        "invitation_for_another_email",
        `This invitation is for ${row.email}. Sign in with that email to accept it.`,
      );
    const memberships = await accounts.listMembershipsOfUser(c.env.DB, user.id);
    if (memberships.some((m) => m.tenant.id === row.tenantId))
      throw new AppError(409, "already_member", "You are already a member of this workspace.");
    await accounts.acceptInvitation(c.env.DB, row, user.id, newId());
    await auditInvitationAccepted(c, row, user.id);
    return c.json({
      tenant_id: row.tenantId,
      workspace_name: invitation.workspaceName,
      role: row.role,
    });
  });
