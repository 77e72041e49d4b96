// The one Hono environment type of the edge app: bindings from the generated `Env`, plus the
// per-request variables that middleware sets and handlers read.
import type { Logger } from "./logger";

/** Who is calling, as established by the authentication middleware; handlers never parse headers. */
export type Principal = {
  kind: "user" | "api_key" | "visitor";
  tenantId: string;
  /** The user, API key or visitor id. */
  subjectId: string;
  role: "owner" | "admin" | "editor" | "viewer" | "service" | "visitor";
  /** What an API key may do (its scopes); people's roles decide instead. */
  scopes?: readonly string[];
  /** The sign-in (refresh-token family) of a user's access token. */
  sessionId?: string;
};

export type AppEnv = {
  Bindings: Env;
  Variables: { requestId: string; logger: Logger; principal: Principal };
};
