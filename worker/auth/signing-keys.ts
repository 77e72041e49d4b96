// The RS256 keys that sign and verify access tokens. The private key comes from the `JWT_PRIVATE_KEY`
// secret (a private JWK with `kid`); during a rotation the previous public key stays in
// `JWT_PREVIOUS_PUBLIC_KEYS`, so both verify and both are published at /.well-known/jwks.json.
import { createLocalJWKSet, importJWK, type CryptoKey, type JWK, type JWTVerifyGetKey } from "jose";
import { z } from "zod";

const rsaPublicJwk = z.object({
  kty: z.literal("RSA"),
  kid: z.string().min(1).max(128),
  n: z.string().min(300),
  e: z.string(),
});
const rsaPrivateJwk = rsaPublicJwk.extend({
  d: z.string(),
  p: z.string(),
  q: z.string(),
  dp: z.string(),
  dq: z.string(),
  qi: z.string(),
});

/** A public JWK as published: only the fields a verifier needs. */
export type PublicJwk = { kty: "RSA"; kid: string; n: string; e: string; alg: "RS256"; use: "sig" };

export type SigningKeys = {
  kid: string;
  privateKey: CryptoKey;
  /** Current first, then the previous keys still accepted. */
  publicJwks: PublicJwk[];
  /** Resolves a token's `kid` among our own keys only. */
  verificationKeys: JWTVerifyGetKey;
};

type KeyEnv = Pick<Env, "JWT_PRIVATE_KEY"> & { JWT_PREVIOUS_PUBLIC_KEYS?: string };

let cached: { source: string; keys: Promise<SigningKeys> } | undefined;

function parseJson(name: string, value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    throw new Error(
      `${name} must be a JSON Web Key (run the dev-secrets script to generate one locally).`,
    );
  }
}

function toPublic(jwk: z.infer<typeof rsaPublicJwk>): PublicJwk {
  return { kty: "RSA", kid: jwk.kid, n: jwk.n, e: jwk.e, alg: "RS256", use: "sig" };
}

async function load(env: KeyEnv): Promise<SigningKeys> {
  const current = rsaPrivateJwk.safeParse(parseJson("JWT_PRIVATE_KEY", env.JWT_PRIVATE_KEY));
  if (!current.success) throw new Error("JWT_PRIVATE_KEY must be a private RSA JWK with a kid.");
  const previous = env.JWT_PREVIOUS_PUBLIC_KEYS
    ? z
        .array(rsaPublicJwk)
        .safeParse(parseJson("JWT_PREVIOUS_PUBLIC_KEYS", env.JWT_PREVIOUS_PUBLIC_KEYS))
    : { success: true as const, data: [] };
  if (!previous.success)
    throw new Error("JWT_PREVIOUS_PUBLIC_KEYS must be a JSON array of public RSA JWKs with kids.");
  const privateKey = await importJWK({ ...current.data, alg: "RS256" } as JWK, "RS256");
  if (!("type" in privateKey)) throw new Error("JWT_PRIVATE_KEY did not import as a key.");
  const publicJwks = [
    toPublic(current.data),
    ...previous.data.filter((k) => k.kid !== current.data.kid).map(toPublic),
  ];
  return {
    kid: current.data.kid,
    privateKey,
    publicJwks,
    verificationKeys: createLocalJWKSet({ keys: publicJwks }),
  };
}

/** The keys for this isolate, imported once per secret value. */
export function signingKeys(env: KeyEnv): Promise<SigningKeys> {
  const source = `${env.JWT_PRIVATE_KEY}\n${env.JWT_PREVIOUS_PUBLIC_KEYS ?? ""}`;
  if (cached?.source !== source) cached = { source, keys: load(env) };
  return cached.keys;
}
