// The pair a protected JSON route runs before its handler: who may send it (requirePermission), then
// what it may send (jsonBody). Spread into the route (`.post("/", ...guardedJson(…), handler)`), so both
// stay separate entries of the route table, and the handler still reads `c.req.valid("json")`.
import type { z } from "zod";
import type { Permission } from "../auth/permissions";
import { jsonBody } from "./json-body";
import { requirePermission } from "./require-permission";

/**
 * Requires `permission`, then parses and validates the body against `schema` (see `jsonBody`);
 * `maxBytes` left out, the `MAX_BODY_BYTES` setting bounds the body.
 */
export function guardedJson<S extends z.ZodType>(
  permission: Permission | "self",
  schema: S,
  maxBytes?: number,
) {
  return [requirePermission(permission), jsonBody(schema, { maxBytes })] as const;
}
