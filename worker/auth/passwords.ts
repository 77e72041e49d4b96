// Password checks for sign-in. An unknown email is checked against a dummy hash of the same cost, so
// "no such account" and "wrong password" take the same time and answer the same way.
import { hashPassword, needsRehash, PRODUCTION_PARAMS, verifyPassword } from "./argon2";

let dummyHash: Promise<string> | undefined;

/** Verifies `password` against the stored hash, or burns the same work when there is none. */
export async function checkPassword(
  password: string,
  storedHash: string | undefined,
): Promise<boolean> {
  if (storedHash === undefined || storedHash === "") {
    dummyHash ??= hashPassword("dummy password for timing parity");
    await verifyPassword(password, await dummyHash);
    return false;
  }
  return verifyPassword(password, storedHash);
}

/** A new hash with today's production parameters. */
export function hashNewPassword(password: string): Promise<string> {
  return hashPassword(password, PRODUCTION_PARAMS);
}

/** True when a stored hash should be rewritten with today's parameters after a successful sign-in. */
export function shouldUpgrade(storedHash: string): boolean {
  return needsRehash(storedHash, PRODUCTION_PARAMS);
}
