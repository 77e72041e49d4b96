// Sign-up, sign-in (and the unlock that lets a throttled account's owner in), token refresh and
// sign-out under /api/v1/auth.
import { describeError } from "../lib/logger";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { noticeView } from "../auth/account-notices";
import { auditInvitationAccepted } from "../auth/invitation-links";
import { PLATFORM_TENANT, recordAudit } from "../auth/audit";
import { beginSignIn, issueUnlockToken, REGISTER_IP_RULE } from "../auth/login-guard";
import { checkPassword, hashNewPassword, shouldUpgrade } from "../auth/passwords";
import { register, REGISTRATION_ACCEPTED } from "../auth/registration";
import { assertAcceptablePassword } from "../auth/password-policy";
import { hashSecret, normalizeEmail } from "../auth/secrets";
import { newId } from "../lib/ids";
import { rotateSession, startSession } from "../auth/sessions";
import * as accounts from "../db/accounts";
import { AppError } from "../lib/errors";
import { retentionSweeperFor } from "../lib/retention-sweepers";
import { jsonBody } from "../middleware/json-body";
import { signedIn } from "../middleware/signed-in";
import { clientIp } from "../lib/client-ip";
import { consume } from "../lib/rate-limiters";
import { workerConfig } from "../lib/config";
import { clientMeta } from "./client-meta";
import { PasswordField } from "./password-field";

const AUTH_BODY_BYTES = 8 * 1024;
const email = z.string().trim().max(254).pipe(z.email());
const invitationToken = z.string().min(1).max(128).optional();

const registerBody = z.object({
  email,
  password: PasswordField,
  full_name: z.string().trim().min(1).max(200),
  invitation_token: invitationToken,
});
const clientToken = z.string().min(1).max(128).optional();
const loginBody = z.object({
  email,
  password: PasswordField,
  tenant_id: z.string().max(64).optional(),
  invitation_token: invitationToken,
  /** Handed out by an earlier sign-in on this device: other people's failures do not slow it. */
  device_token: clientToken,
  /** From the unlock mail: one sign-in on a lane of its own. */
  unlock_token: clientToken,
});
const unlockBody = z.object({ email });
const refreshBody = z.object({ refresh_token: z.string().min(1).max(256) });

/** What `POST /api/v1/auth/unlock` answers, whether or not the email has an account. */
const UNLOCK_REQUESTED = {
  status: "accepted",
  message:
    "If an account uses this email, a sign-in link for a new device is on its way. It works once, within an hour.",
} as const;

const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "The email or password is incorrect.");
const invalidInvitation = () =>
  new AppError(
    400,
    "invalid_invitation",
    "This invitation is invalid, expired, or for another email address.",
  );

async function openInvitationFor(env: Env, token: string | undefined, forEmail: string) {
  if (token === undefined) return undefined;
  const invitation = await accounts.findOpenInvitation(env.DB, await hashSecret(token));
  if (!invitation || normalizeEmail(invitation.email) !== forEmail) throw invalidInvitation();
  return invitation;
}

export const authRoutes = new Hono<AppEnv>()
  .post("/register", jsonBody(registerBody, { maxBytes: AUTH_BODY_BYTES }), async (c) => {
    const body = c.req.valid("json");
    await consume(c.env, "register-ip", clientIp(c), REGISTER_IP_RULE);
    assertAcceptablePassword(body.password);
    const address = normalizeEmail(body.email);
    const invitation = await openInvitationFor(c.env, body.invitation_token, address);
    await register(c, {
      email: address,
      password: body.password,
      fullName: body.full_name,
      invitation,
    });
    return c.json(REGISTRATION_ACCEPTED, 202);
  })
  .post("/login", jsonBody(loginBody, { maxBytes: AUTH_BODY_BYTES }), async (c) => {
    const body = c.req.valid("json");
    const address = normalizeEmail(body.email);
    const ticket = await beginSignIn(c.env, {
      email: address,
      ip: clientIp(c),
      deviceToken: body.device_token,
      unlockToken: body.unlock_token,
    });
    const user = await accounts.findUserByEmail(c.env.DB, address);
    const active = user?.status === "active" ? user : undefined;
    const ok = await checkPassword(body.password, active?.passwordHash);
    const deviceToken = await ticket.settle(ok);
    // Both branches run the same queries, so an unknown email is not faster than a wrong password.
    const workspaces = await accounts.listMembershipsOfUser(c.env.DB, active?.id ?? "");
    if (!ok || !active) {
      await recordAudit(c, {
        action: "auth.login_failed",
        tenantId: workspaces[0]?.tenant.id ?? PLATFORM_TENANT,
        actor: { type: "user", id: active?.id ?? null },
        metadata: { email_sha256: await hashSecret(address) },
      });
      throw invalidCredentials();
    }
    if (shouldUpgrade(active.passwordHash))
      await accounts.setPasswordHash(c.env.DB, active.id, await hashNewPassword(body.password));
    const invitation = await openInvitationFor(c.env, body.invitation_token, address);
    if (invitation) {
      await accounts.acceptInvitation(c.env.DB, invitation, active.id, newId());
      await auditInvitationAccepted(c, invitation, active.id);
    }
    const memberships = invitation
      ? await accounts.listMembershipsOfUser(c.env.DB, active.id)
      : workspaces;
    const wanted = body.tenant_id ?? invitation?.tenantId;
    const membership = memberships.find((m) => m.tenant.id === wanted) ?? memberships[0];
    if (!membership)
      throw new AppError(
        403,
        "no_workspace",
        "This account belongs to no workspace. Ask an owner for an invitation.",
      );
    await recordAudit(c, {
      action: "auth.login",
      tenantId: membership.tenant.id,
      actor: { type: "user", id: active.id },
    });
    // A workspace's retention sweeper is taken on at sign-in rather than at sign-up, whose two paths
    // must do the same work; it also takes on the workspaces that predate retention. Signing in never
    // waits for it nor fails with it: the next sign-in takes the workspace on again.
    const tenantId = membership.tenant.id;
    c.executionCtx.waitUntil(
      retentionSweeperFor(c.env, tenantId)
        .schedule(tenantId)
        .catch((error: unknown) =>
          c.get("logger").error("retention sweeper not scheduled", {
            tenant_id: tenantId,
            ...describeError(error),
          }),
        ),
    );
    const session = await startSession(
      c.env,
      { user: active, tenant: membership.tenant, role: membership.role },
      clientMeta(c),
    );
    const notices = await accounts.takeAccountNotices(c.env.DB, active.id);
    return c.json({ ...session, notices: notices.map(noticeView), device_token: deviceToken });
  })
  .post("/unlock", jsonBody(unlockBody, { maxBytes: AUTH_BODY_BYTES }), async (c) => {
    const token = await issueUnlockToken(
      c.env,
      normalizeEmail(c.req.valid("json").email),
      clientIp(c),
    );
    // Mail is to carry the token to the address (a sign-in link); until it exists only tests see it.
    return c.json(
      {
        ...UNLOCK_REQUESTED,
        ...(workerConfig(c.env).environment === "test" ? { unlock_token: token } : {}),
      },
      202,
    );
  })
  .post("/refresh", jsonBody(refreshBody, { maxBytes: AUTH_BODY_BYTES }), async (c) => {
    const result = await rotateSession(c.env, c.req.valid("json").refresh_token, clientMeta(c));
    if (result.kind === "rotated") return c.json(result.body);
    if (result.kind === "superseded") {
      throw new AppError(
        409,
        "refresh_token_superseded",
        "This refresh token was just rotated by another request. Use the newest token.",
      );
    }
    if (result.kind === "reused") {
      await recordAudit(c, {
        action: "auth.refresh_token_reused",
        tenantId: result.token.tenantId,
        actor: { type: "user", id: result.token.userId },
        target: { type: "session", id: result.token.familyId },
      });
    }
    throw new AppError(
      401,
      "invalid_refresh_token",
      "The refresh token is invalid, expired or revoked. Sign in again.",
    );
  })
  .post("/logout", ...signedIn("self"), async (c) => {
    const principal = c.get("principal");
    if (principal.sessionId) await accounts.revokeFamily(c.env.DB, principal.sessionId);
    await recordAudit(c, {
      action: "auth.logout",
      target: { type: "session", id: principal.sessionId ?? "" },
    });
    return c.body(null, 204);
  })
  .post("/logout-all", ...signedIn("self"), async (c) => {
    await accounts.revokeAllSessions(c.env.DB, c.get("principal").subjectId);
    await recordAudit(c, { action: "auth.logout_all" });
    return c.body(null, 204);
  });
