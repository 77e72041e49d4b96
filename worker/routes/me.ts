// The signed-in person's own account under /api/v1/me: who am I, change password, export (GDPR
// access) and erase (GDPR erasure).
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { noticeView } from "../auth/account-notices";
import { recordAudit } from "../auth/audit";
import { eraseAccount } from "../auth/erase-account";
import { beginPasswordCheck } from "../auth/login-guard";
import { checkPassword, hashNewPassword } from "../auth/passwords";
import { assertAcceptablePassword } from "../auth/password-policy";
import { startSession } from "../auth/sessions";
import * as accounts from "../db/accounts";
import { AppError, notFound } from "../lib/errors";
import { authenticate } from "../middleware/authenticate";
import { jsonBody } from "../middleware/json-body";
import { requirePermission } from "../middleware/require-permission";
import { clientMeta, clientMetaView } from "./client-meta";
import { PasswordField } from "./password-field";

const passwordChange = z.object({
  current_password: PasswordField,
  new_password: PasswordField,
});
const workspaceSwitch = z.object({ tenant_id: z.string().min(1).max(64) });

/** A token whose person or membership is gone since it was issued. */
const tokenNoLongerValid = () =>
  new AppError(401, "invalid_token", "The access token is not valid. Sign in again.");

async function currentUser(env: Env, userId: string): Promise<accounts.UserRow> {
  const user = await accounts.findUserById(env.DB, userId);
  if (!user || user.status !== "active") throw tokenNoLongerValid();
  return user;
}

/** The person as their own account shows them. */
function userView(user: accounts.UserRow) {
  return {
    id: user.id,
    email: user.email,
    full_name: user.fullName,
    created_at: new Date(user.createdAt).toISOString(),
  };
}

/** The person's membership of workspace `tenantId`, if they still belong to it. */
async function membershipIn(env: Env, userId: string, tenantId: string) {
  const memberships = await accounts.listMembershipsOfUser(env.DB, userId);
  return memberships.find((m) => m.tenant.id === tenantId);
}

export const meRoutes = new Hono<AppEnv>()
  .use(authenticate(), requirePermission("self"))
  .get("/", async (c) => {
    const principal = c.get("principal");
    const user = await currentUser(c.env, principal.subjectId);
    const membership = await membershipIn(c.env, user.id, principal.tenantId);
    if (!membership) throw tokenNoLongerValid();
    const { tenant } = membership;
    return c.json({
      user: userView(user),
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, plan: tenant.plan },
      role: membership.role,
    });
  })
  // The dashboard's workspace switcher: every workspace this person belongs to, and the current one.
  .get("/workspaces", async (c) => {
    const principal = c.get("principal");
    const memberships = await accounts.listMembershipsOfUser(c.env.DB, principal.subjectId);
    return c.json({
      workspaces: memberships.map((m) => ({
        tenant_id: m.tenant.id,
        name: m.tenant.name,
        slug: m.tenant.slug,
        role: m.role,
        current: m.tenant.id === principal.tenantId,
      })),
    });
  })
  // Switching starts a sign-in for the other workspace and ends this one, so one browser holds one session.
  .post("/workspaces/switch", jsonBody(workspaceSwitch, { maxBytes: 4 * 1024 }), async (c) => {
    const principal = c.get("principal");
    const user = await currentUser(c.env, principal.subjectId);
    const { tenant_id } = c.req.valid("json");
    const membership = await membershipIn(c.env, user.id, tenant_id);
    if (!membership) throw notFound("workspace");
    const session = await startSession(
      c.env,
      { user, tenant: membership.tenant, role: membership.role },
      clientMeta(c),
    );
    if (principal.sessionId) await accounts.revokeFamily(c.env.DB, principal.sessionId);
    await recordAudit(c, {
      action: "auth.workspace_switched",
      tenantId: membership.tenant.id,
      metadata: { from_tenant_id: principal.tenantId },
    });
    return c.json(session);
  })
  .post("/password", jsonBody(passwordChange, { maxBytes: 8 * 1024 }), async (c) => {
    const body = c.req.valid("json");
    const principal = c.get("principal");
    const user = await currentUser(c.env, principal.subjectId);
    // Guesses are slowed on this sign-in's own lane, so a stolen access token cannot guess the current
    // password freely, and nobody else's failed sign-ins ever stand in the owner's way.
    const ticket = await beginPasswordCheck(
      c.env,
      user.email,
      principal.sessionId ?? principal.subjectId,
    );
    const ok = await checkPassword(body.current_password, user.passwordHash);
    await ticket.settle(ok);
    if (!ok) throw new AppError(403, "wrong_password", "The current password is incorrect.");
    assertAcceptablePassword(body.new_password);
    await accounts.setPasswordHash(c.env.DB, user.id, await hashNewPassword(body.new_password));
    await accounts.revokeAllSessions(c.env.DB, user.id);
    await recordAudit(c, { action: "account.password_changed" });
    const membership = await membershipIn(c.env, user.id, principal.tenantId);
    if (!membership) throw tokenNoLongerValid();
    return c.json(
      await startSession(
        c.env,
        { user, tenant: membership.tenant, role: membership.role },
        clientMeta(c),
      ),
    );
  })
  .get("/export", async (c) => {
    const data = await accounts.exportUserData(c.env.DB, c.get("principal").subjectId);
    if (!data.user) throw tokenNoLongerValid();
    await recordAudit(c, { action: "account.exported" });
    const { user } = data;
    return c.json({
      exported_at: new Date().toISOString(),
      user: { ...userView(user), status: user.status },
      workspaces: data.workspaces.map((m) => ({
        tenant_id: m.tenant.id,
        name: m.tenant.name,
        role: m.role,
      })),
      sessions: data.sessions.map((s) => ({
        session_id: s.familyId,
        tenant_id: s.tenantId,
        created_at: new Date(s.createdAt).toISOString(),
        ...clientMetaView(s),
        revoked: s.revokedAt !== null,
      })),
      audit_events: data.events.map((e) => ({
        action: e.action,
        tenant_id: e.tenantId,
        ...clientMetaView(e),
        created_at: new Date(e.createdAt).toISOString(),
      })),
      api_keys_created: data.keys.map((k) => ({
        id: k.id,
        tenant_id: k.tenantId,
        name: k.name,
        prefix: k.prefix,
        created_at: new Date(k.createdAt).toISOString(),
      })),
      notices: data.notices.map(noticeView),
    });
  })
  .delete("/", async (c) => {
    const userId = c.get("principal").subjectId;
    const closed = await eraseAccount(c, userId);
    return c.json({
      user_id: userId,
      erased_at: new Date().toISOString(),
      sessions_revoked: true,
      workspaces_closed: closed,
    });
  });
