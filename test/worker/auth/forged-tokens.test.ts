import { env } from "cloudflare:workers";
import {
  decodeJwt,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWTPayload,
  type JWTHeaderParameters,
} from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedWorkspace } from "./helpers";
import { concretePath, protectedRoutes, sendsBody } from "./routes";

type Forgery = { name: string; token: () => Promise<string> | string; authorization?: string };

let claims: JWTPayload;
let ownKid: string;

const b64 = (value: unknown) =>
  btoa(JSON.stringify(value)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const now = () => Math.floor(Date.now() / 1000);

async function ownKey() {
  return importJWK(JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>, "RS256");
}

async function signWith(
  key: CryptoKey | Uint8Array,
  payload: JWTPayload,
  header: Partial<JWTHeaderParameters> = {},
  alg = "RS256",
) {
  return new SignJWT(payload)
    .setProtectedHeader({ alg, typ: "at+jwt", kid: ownKid, ...header })
    .sign(key);
}

async function attackerKey() {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { privateKey, publicJwk: await exportJWK(publicKey) };
}

function withoutExp(payload: JWTPayload): JWTPayload {
  const { exp: _exp, ...rest } = payload;
  return rest;
}

const forgeries: Forgery[] = [
  {
    name: "alg none",
    token: () => `${b64({ alg: "none", typ: "at+jwt", kid: ownKid })}.${b64(claims)}.`,
  },
  {
    name: "HS256 signed with the public key",
    token: async () => {
      const publicJwk = JSON.stringify(JSON.parse(env.JWT_PRIVATE_KEY) as Record<string, string>, [
        "kty",
        "n",
        "e",
        "kid",
      ]);
      return signWith(new TextEncoder().encode(publicJwk), claims, { alg: "HS256" }, "HS256");
    },
  },
  {
    name: "a foreign key under our kid",
    token: async () => signWith((await attackerKey()).privateKey, claims),
  },
  {
    name: "an embedded jwk",
    token: async () => {
      const { privateKey, publicJwk } = await attackerKey();
      return signWith(privateKey, claims, { jwk: publicJwk });
    },
  },
  {
    name: "a jku header",
    token: async () =>
      signWith((await attackerKey()).privateKey, claims, {
        jku: "https://attacker.test/jwks.json",
      }),
  },
  {
    name: "an x5u header",
    token: async () =>
      signWith((await attackerKey()).privateKey, claims, { x5u: "https://attacker.test/cert.pem" }),
  },
  {
    name: "a hostile kid",
    token: async () =>
      signWith((await attackerKey()).privateKey, claims, {
        kid: "../../../../dev/null' OR '1'='1",
      }),
  },
  {
    name: "a stripped signature",
    token: async () => {
      const [header, payload] = (await signWith(await ownKey(), claims)).split(".");
      return `${header}.${payload}.`;
    },
  },
  {
    name: "a wrong issuer",
    token: async () => signWith(await ownKey(), { ...claims, iss: "https://attacker.test" }),
  },
  {
    name: "a wrong audience",
    token: async () => signWith(await ownKey(), { ...claims, aud: "another-api" }),
  },
  { name: "no exp", token: async () => signWith(await ownKey(), withoutExp(claims)) },
  {
    name: "expired beyond the 30 s tolerance",
    token: async () => signWith(await ownKey(), { ...claims, iat: now() - 960, exp: now() - 31 }),
  },
  {
    name: "a typ other than at+jwt",
    token: async () => signWith(await ownKey(), claims, { typ: "JWT" }),
  },
  { name: "a refresh token", token: () => "" },
  {
    name: "Authorization: Basic",
    token: () => "",
    authorization: `Basic ${btoa("someone@example.test:password")}`,
  },
];

let refreshToken = "";

beforeAll(async () => {
  const workspace = await seedWorkspace();
  claims = decodeJwt(workspace.members.owner.token);
  refreshToken = workspace.members.owner.refreshToken;
  ownKid = (JSON.parse(env.JWT_PRIVATE_KEY) as { kid: string }).kid;
});

async function request(method: string, path: string, authorization: string) {
  return call(concretePath(path), {
    method,
    headers: { Authorization: authorization },
    body: sendsBody(method) ? {} : undefined,
  });
}

describe("forged access tokens", () => {
  it("the harness itself works: the genuine claims re-signed with our key are accepted", async () => {
    const token = await signWith(await ownKey(), claims);
    expect((await call("/api/v1/me", { token })).status).toBe(200);
  });

  it("a token signed with the previous key of a rotation is still accepted", async () => {
    const previous = JSON.parse(env.TEST_PREVIOUS_PRIVATE_KEY) as { kid: string };
    const token = await signWith(await importJWK(previous, "RS256"), claims, { kid: previous.kid });
    expect((await call("/api/v1/me", { token })).status).toBe(200);
  });

  it("a token just inside the 30 s tolerance is accepted", async () => {
    const token = await signWith(await ownKey(), { ...claims, iat: now() - 910, exp: now() - 10 });
    expect((await call("/api/v1/me", { token })).status).toBe(200);
  });

  for (const forgery of forgeries) {
    it(`${forgery.name}: 401 on every protected route`, async () => {
      const token = forgery.name === "a refresh token" ? refreshToken : await forgery.token();
      const authorization = forgery.authorization ?? `Bearer ${token}`;
      const statuses = await Promise.all(
        protectedRoutes().map(
          async (r) => `${r.key} ${(await request(r.method, r.path, authorization)).status}`,
        ),
      );
      expect(statuses.filter((s) => !s.endsWith(" 401"))).toEqual([]);
    });
  }

  it("no credentials at all: 401 on every protected route", async () => {
    const statuses = await Promise.all(
      protectedRoutes().map(
        async (r) =>
          `${r.key} ${(await call(concretePath(r.path), { method: r.method, body: sendsBody(r.method) ? {} : undefined })).status}`,
      ),
    );
    expect(statuses.filter((s) => !s.endsWith(" 401"))).toEqual([]);
  });
});

describe("GET /.well-known/jwks.json", () => {
  it("publishes the current and the previous public key, with kids and without private parts", async () => {
    const res = await call("/.well-known/jwks.json");
    const { keys } = (await res.json()) as { keys: Record<string, string>[] };
    expect(keys.map((k) => k.kid)).toEqual([
      ownKid,
      (JSON.parse(env.TEST_PREVIOUS_PRIVATE_KEY) as { kid: string }).kid,
    ]);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
      expect(key.d).toBeUndefined();
    }
  });
});
