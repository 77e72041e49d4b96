// The public keys that verify our access tokens, for anyone who checks them (RFC 7517 JWK Set).
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { signingKeys } from "../auth/signing-keys";

export const jwksRoutes = new Hono<AppEnv>().get("/jwks.json", async (c) => {
  const keys = await signingKeys(c.env);
  c.header("Cache-Control", "public, max-age=300");
  return c.json({ keys: keys.publicJwks });
});
