// Erasing a person's account (GDPR erasure, `DELETE /api/v1/me`) and what goes with it: the API keys
// they created (revoked), their sign-in throttle, and the workspaces they were the sole member of,
// which close. A closed workspace is refused everywhere at once (worker/workspace/workspace-closed.ts);
// its closer stops what is running and erases the data when the erasure window ends.
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import * as accounts from "../db/accounts";
import * as erasure from "../db/user-erasure";
import * as membershipRules from "../db/memberships";
import { AppError } from "../lib/errors";
import { describeError } from "../lib/logger";
import { workspaceCloserFor } from "../lib/workspace-closers";
import { recordAudit } from "./audit";
import { accountGuard } from "./login-guard";
import { workerConfig } from "../lib/config";

/** Erases the signed-in person; answers the ids of the workspaces that closed with them. */
export async function eraseAccount(c: Context<AppEnv>, userId: string): Promise<string[]> {
  const { env } = c;
  const user = await accounts.findUserById(env.DB, userId);
  if (!user || user.status !== "active")
    throw new AppError(401, "invalid_token", "The access token is not valid. Sign in again.");
  const workspaces = await accounts.listMembershipsOfUser(env.DB, userId);
  for (const w of workspaces) {
    if (await membershipRules.isLastOwnerWithOthers(env.DB, w.tenant.id, userId)) {
      throw new AppError(
        409,
        "last_owner",
        `You are the last owner of "${w.tenant.name}". Make someone else an owner first.`,
      );
    }
  }
  const closing: string[] = [];
  for (const w of workspaces)
    if (await membershipRules.isSoleMember(env.DB, w.tenant.id, userId)) closing.push(w.tenant.id);
  const windowMs = workerConfig(env).workspaceErasureMs;
  // Scheduled before the closure is committed, so no closed workspace is ever left without its closer.
  for (const tenantId of closing) await workspaceCloserFor(env, tenantId).schedule(tenantId);

  // Recorded before erasure, which strips IP and user agent from this person's trail.
  for (const w of workspaces)
    await recordAudit(c, {
      action: "account.deleted",
      tenantId: w.tenant.id,
      target: { type: "user", id: userId },
    });
  const eraseAfter = new Date(Date.now() + windowMs).toISOString();
  for (const tenantId of closing)
    await recordAudit(c, {
      action: "workspace.closed",
      tenantId,
      target: { type: "workspace", id: tenantId },
      metadata: { erase_after: eraseAfter },
    });
  const keys = await erasure.liveApiKeysCreatedBy(env.DB, userId);

  await erasure.eraseUser(env.DB, userId, { tenantIds: closing, windowMs });

  // The sign-in throttle is named by the email: its devices and failures go with the account.
  await accountGuard(env, user.email).forgetAccount();
  for (const key of keys) {
    await recordAudit(c, {
      action: "api_key.revoked",
      tenantId: key.tenantId,
      target: { type: "api_key", id: key.id },
      metadata: { reason: "creator_erased" },
    });
  }
  // Open sockets are closed now; the closer's own alarm does it shortly if this nudge fails.
  for (const tenantId of closing) {
    c.executionCtx.waitUntil(
      workspaceCloserFor(env, tenantId)
        .closed()
        .catch((err: unknown) =>
          c.get("logger").warn("workspace closer not reached; its alarm will run it", {
            tenant_id: tenantId,
            ...describeError(err),
          }),
        ),
    );
  }
  return closing;
}
