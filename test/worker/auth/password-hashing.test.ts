import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  hashPassword,
  PRODUCTION_PARAMS,
  readParams,
  verifyPassword,
} from "../../../worker/auth/argon2";
import * as accounts from "../../../worker/db/accounts";
import { PASSWORD, signIn, signUp } from "./helpers";

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

describe("password hashing", () => {
  it("stores Argon2id with at least m=19456 KiB, t=2, p=1 and a 16-byte salt, by default", async () => {
    const { session } = await signUp();
    const stored = (await accounts.findUserById(env.DB, session.user.id))?.passwordHash ?? "";
    const match = PHC.exec(stored);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(2);
    expect(Number(match?.[3])).toBeGreaterThanOrEqual(1);
    expect(atob(match?.[4] ?? "")).toHaveLength(16);
    expect(PRODUCTION_PARAMS).toEqual({ m: 19_456, t: 2, p: 1 });
  });

  it("agrees with the Argon2 reference implementation's published vectors (phc-winner-argon2 src/test.c)", async () => {
    expect(
      await verifyPassword(
        "password",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      ),
    ).toBe(true);
    expect(
      await verifyPassword(
        "password",
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
      ),
    ).toBe(true);
    expect(
      await verifyPassword(
        "passwore",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
      ),
    ).toBe(false);
  });

  it("reads the parameters back from the stored hash when verifying", async () => {
    const weak = await hashPassword(PASSWORD, { m: 1024, t: 1, p: 1 });
    expect(readParams(weak)).toEqual({ m: 1024, t: 1, p: 1 });
    expect(await verifyPassword(PASSWORD, weak)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, weak)).toBe(false);
  });

  it("upgrades a weaker stored hash to today's parameters on sign-in", async () => {
    const { email, session } = await signUp();
    await accounts.setPasswordHash(
      env.DB,
      session.user.id,
      await hashPassword(PASSWORD, { m: 4096, t: 1, p: 1 }),
    );
    expect((await signIn(email, PASSWORD)).status).toBe(200);
    const stored = (await accounts.findUserById(env.DB, session.user.id))?.passwordHash ?? "";
    expect(readParams(stored)).toEqual(PRODUCTION_PARAMS);
  });

  it("never matches a malformed or foreign hash", async () => {
    expect(
      await verifyPassword(
        PASSWORD,
        "$2b$12$abcdefghijklmnopqrstuuJ6W2E5G0mDDbU7W4r4c5n3xv4yZfG1W",
      ),
    ).toBe(false);
    expect(await verifyPassword(PASSWORD, "")).toBe(false);
  });
});
