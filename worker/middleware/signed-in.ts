// The chain a protected route runs when its sub-app also serves public paths or shares its mount point
// with other sub-apps: authenticate() stands on the route itself, because a `.use(authenticate())`
// would answer 401 where an unknown path or a wrong method must answer 404 or 405. Spread into the
// route (`.get("/", ...signedIn(…), handler)`), so each middleware stays its own entry of the route table.
import type { z } from "zod";
import type { Permission } from "../auth/permissions";
import { authenticate } from "./authenticate";
import { guardedJson } from "./guarded-json";
import { requirePermission } from "./require-permission";

/** Authenticates the caller, then requires `permission`. */
export function signedIn(permission: Permission | "self") {
  return [authenticate(), requirePermission(permission)] as const;
}

/** Authenticates the caller, then requires `permission` and a valid JSON body (see `guardedJson`). */
export function signedInJson<S extends z.ZodType>(
  permission: Permission | "self",
  schema: S,
  maxBytes?: number,
) {
  return [authenticate(), ...guardedJson(permission, schema, maxBytes)] as const;
}
