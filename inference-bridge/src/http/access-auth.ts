/**
 * Optional Cloudflare Access check: when the tunnel's hostname sits behind an Access application, Access
 * adds `Cf-Access-Jwt-Assertion` (RS256, signed by the team's keys) to every request it lets through.
 * Verifying it here means a request that bypassed Access — say, a leaked tunnel URL — is refused even
 * before the HMAC signature is looked at. The team's keys are cached and refetched when a token names an
 * unknown key, which is how Access rotates them.
 */
import { createMiddleware } from "hono/factory";
import { Jwt } from "hono/utils/jwt";
import type { HonoJsonWebKey } from "hono/utils/jwt/jws";
import { AppError } from "../errors";
import type { AppEnv } from "./app-env";

/** Header Cloudflare Access sets on requests it has authorised. */
export const ACCESS_JWT_HEADER = "Cf-Access-Jwt-Assertion";
const KEYS_TTL_MS = 10 * 60_000;
/** A refetch on an unknown key is allowed at most this often, so bad tokens cannot hammer the certs URL. */
const MIN_REFETCH_MS = 30_000;

export interface AccessOptions {
  /** `https://<team>.cloudflareaccess.com/cdn-cgi/access/certs` */
  certsUrl: string;
  /** `https://<team>.cloudflareaccess.com` */
  issuer: string;
  /** The Access application's AUD tag. */
  audience: string;
}

/** Access options for a team domain such as `coach.cloudflareaccess.com`. */
export function accessOptionsFor(teamDomain: string, audience: string): AccessOptions {
  const issuer = `https://${teamDomain}`;
  return { certsUrl: `${issuer}/cdn-cgi/access/certs`, issuer, audience };
}

class KeyCache {
  private keys: HonoJsonWebKey[] = [];
  private fetchedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly url: string) {}

  async get(forceRefresh: boolean): Promise<HonoJsonWebKey[]> {
    const age = Date.now() - this.fetchedAt;
    if (age > KEYS_TTL_MS || (forceRefresh && age > MIN_REFETCH_MS)) {
      const response = await fetch(this.url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok)
        throw new AppError(
          503,
          "access_keys_unavailable",
          "Cloudflare Access keys could not be fetched.",
        );
      const body = (await response.json()) as { keys?: HonoJsonWebKey[] };
      this.keys = Array.isArray(body.keys) ? body.keys : [];
      this.fetchedAt = Date.now();
    }
    return this.keys;
  }
}

/** Middleware factory. Paths in `publicPaths` (GET only) skip the check, as with signatures. */
export function cloudflareAccess(options: AccessOptions, publicPaths: ReadonlySet<string>) {
  const cache = new KeyCache(options.certsUrl);
  const verify = async (token: string, refresh: boolean): Promise<void> => {
    await Jwt.verifyWithJwks(token, {
      keys: await cache.get(refresh),
      allowedAlgorithms: ["RS256"],
      verification: { iss: options.issuer, aud: options.audience },
    });
  };
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET" && publicPaths.has(c.req.path)) return next();
    const token = c.req.header(ACCESS_JWT_HEADER);
    if (!token) throw new AppError(401, "access_missing", `${ACCESS_JWT_HEADER} is required.`);
    try {
      await verify(token, false);
    } catch (first) {
      if (first instanceof AppError) throw first;
      try {
        await verify(token, true);
      } catch (error) {
        if (error instanceof AppError) throw error;
        c.get("log").warn("access token refused", {
          reason: error instanceof Error ? error.name : "unknown",
        });
        throw new AppError(
          401,
          "access_invalid",
          "The Cloudflare Access token is not valid for this application.",
        );
      }
    }
    return next();
  });
}
