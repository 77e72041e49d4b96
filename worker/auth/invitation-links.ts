// Invitation links (`<dashboard>/invite/<token>`): the token is the link's secret. While the invitation
// can be accepted, the link shows which workspace it opens and with which role; otherwise it says why
// not (used, revoked, expired), so the invitee knows to ask for a new one.
import type { InvitationPreview } from "@coach/contracts/account-views";
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import * as accounts from "../db/accounts";
import { AppError } from "../lib/errors";
import { recordAudit } from "./audit";
import { hashSecret } from "./secrets";

export type OpenInvitation = { row: accounts.InvitationRow; workspaceName: string };

/** The invitation the link's token opens; a 404 or a 410 that says why it cannot be accepted. */
export async function openInvitationLink(d1: D1Database, token: string): Promise<OpenInvitation> {
  const found = await accounts.findInvitation(d1, await hashSecret(token));
  if (!found)
    throw new AppError(
      404,
      "not_found",
      "This invitation link is not valid. Check that it was copied whole, or ask for a new one.",
    );
  const { row } = found;
  if (row.acceptedAt !== null)
    throw new AppError(
      410,
      "invitation_used",
      "This invitation was already accepted. Sign in to reach the workspace.",
    );
  if (row.revokedAt !== null)
    throw new AppError(
      410,
      "invitation_revoked",
      "This invitation was withdrawn. Ask the person who invited you for a new one.",
    );
  if (!accounts.isOpenInvitation(row))
    throw new AppError(
      410,
      "invitation_expired",
      "This invitation has expired. Ask the person who invited you for a new one.",
    );
  return found;
}

/** What the link shows before it is accepted. */
export function invitationPreview({ row, workspaceName }: OpenInvitation): InvitationPreview {
  return {
    workspace_name: workspaceName,
    email: row.email,
    role: row.role,
    expires_at: new Date(row.expiresAt).toISOString(),
  };
}

/** Records, in the invited workspace, that `userId` accepted the invitation. */
export function auditInvitationAccepted(
  c: Context<AppEnv>,
  invitation: accounts.InvitationRow,
  userId: string,
): Promise<void> {
  return recordAudit(c, {
    action: "member.invitation_accepted",
    tenantId: invitation.tenantId,
    actor: { type: "user", id: userId },
    target: { type: "invitation", id: invitation.id },
  });
}
