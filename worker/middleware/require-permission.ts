// Authorisation: every protected route names what it needs, and this middleware checks it against the
// matrix in worker/auth/permissions.ts; handlers never compare roles themselves. 403 when not allowed.
import { createMiddleware } from "hono/factory";
import type { AppEnv, Principal } from "../lib/app-env";
import { isWorkspaceRole, roleAllows, type Permission } from "../auth/permissions";
import { AppError } from "../lib/errors";

/** Whether a principal holds `permission`: people through their role, API keys through their scopes. */
export function principalAllows(principal: Principal, permission: Permission | "self"): boolean {
  if (permission === "self") return principal.kind === "user";
  if (principal.kind === "api_key") return principal.scopes?.includes(permission) ?? false;
  return (
    principal.kind === "user" &&
    isWorkspaceRole(principal.role) &&
    roleAllows(principal.role, permission)
  );
}

/** Requires `permission` ("self": a signed-in person acting on their own account). Run after authenticate(). */
export const requirePermission = (permission: Permission | "self") =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get("principal");
    if (!principal) throw new AppError(401, "missing_credentials", "Sign in first.");
    if (!principalAllows(principal, permission)) {
      throw new AppError(
        403,
        "forbidden",
        "Your role in this workspace does not allow this action.",
      );
    }
    await next();
  });
