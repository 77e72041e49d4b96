// Access tokens: RS256 JWTs of 15 minutes (`typ: at+jwt`), verified against an explicit algorithm
// allow-list and our own keys only. A token naming its own key (jwk, jku, x5u, x5c) is refused outright.
import { decodeProtectedHeader, errors, jwtVerify, SignJWT } from "jose";
import type { Role } from "../db/enums";
import { AppError } from "../lib/errors";
import { signingKeys } from "./signing-keys";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Clock skew accepted between the edge's machines. */
export const CLOCK_TOLERANCE_SECONDS = 30;
const ALGORITHMS = ["RS256"];
const FORBIDDEN_HEADERS = ["jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256", "crit"];

type TokenEnv = Parameters<typeof signingKeys>[0] & Pick<Env, "JWT_ISSUER" | "JWT_AUDIENCE">;

/** What an access token says about its holder. */
export type AccessClaims = {
  userId: string;
  tenantId: string;
  role: Role;
  /** The sign-in (refresh-token family) the token belongs to; revoking it ends the token. */
  sessionId: string;
  tokenId: string;
  issuedAt: number;
};

/** Signs an access token for one user in one workspace. */
export async function signAccessToken(
  env: TokenEnv,
  claims: Omit<AccessClaims, "tokenId" | "issuedAt">,
): Promise<string> {
  const keys = await signingKeys(env);
  return new SignJWT({ tid: claims.tenantId, role: claims.role, sid: claims.sessionId })
    .setProtectedHeader({ alg: "RS256", typ: "at+jwt", kid: keys.kid })
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setSubject(claims.userId)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_SECONDS}s`)
    .sign(keys.privateKey);
}

function invalid(): AppError {
  return new AppError(401, "invalid_token", "The access token is not valid. Sign in again.", {
    headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
  });
}

function expired(): AppError {
  return new AppError(
    401,
    "token_expired",
    "The access token has expired. Refresh it or sign in again.",
    {
      headers: { "WWW-Authenticate": 'Bearer error="invalid_token", error_description="expired"' },
    },
  );
}

const ROLES: readonly string[] = ["owner", "admin", "editor", "viewer"];

/** Verifies an access token's header, signature and claims; any failure is a 401. */
export async function verifyAccessToken(env: TokenEnv, token: string): Promise<AccessClaims> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw invalid();
  }
  if (
    FORBIDDEN_HEADERS.some((name) => name in header) ||
    header.typ !== "at+jwt" ||
    typeof header.kid !== "string"
  )
    throw invalid();
  const keys = await signingKeys(env);
  try {
    const { payload } = await jwtVerify(token, keys.verificationKeys, {
      algorithms: ALGORITHMS,
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      typ: "at+jwt",
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "iat", "jti", "sub", "tid", "sid", "role"],
    });
    const { sub, tid, sid, role, jti, iat } = payload;
    if (
      typeof tid !== "string" ||
      typeof sid !== "string" ||
      typeof role !== "string" ||
      !ROLES.includes(role)
    )
      throw invalid();
    return {
      userId: sub ?? "",
      tenantId: tid,
      role: role as Role,
      sessionId: sid,
      tokenId: jti ?? "",
      issuedAt: iat ?? 0,
    };
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw expired();
    throw invalid();
  }
}
