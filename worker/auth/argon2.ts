// Argon2id password hashing in workerd. The WASM is imported statically (workerd forbids compiling
// WASM from bytes at run time); hashes are PHC strings whose parameters are read back on verify, so
// stored hashes keep working when the defaults grow and are upgraded on the next sign-in.
import setupWasm from "argon2id/lib/setup.js";
import noSimd from "argon2id/dist/no-simd.wasm";
import simd from "argon2id/dist/simd.wasm";
import type { computeHash } from "argon2id";

/** Argon2id cost: memory in KiB, passes, lanes. */
export type Argon2Params = { m: number; t: number; p: number };

/** OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1); never go below it in production. */
export const PRODUCTION_PARAMS: Readonly<Argon2Params> = Object.freeze({ m: 19_456, t: 2, p: 1 });

const SALT_BYTES = 16;
const TAG_BYTES = 32;
// Salts of 8 bytes and more are read (the reference vectors use 8); ours are always 16.
const PHC =
  /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]{11,88})\$([A-Za-z0-9+/]{22,172})$/;
// Bounds on what a stored hash may ask for, so a corrupted row cannot make one sign-in exhaust memory.
const MAX_PARAMS: Readonly<Argon2Params> = { m: 262_144, t: 16, p: 16 };

let hasher: Promise<computeHash> | undefined;

function instantiate(module: WebAssembly.Module) {
  return async (imports: WebAssembly.Imports) => ({
    instance: await WebAssembly.instantiate(module, imports),
  });
}

// One instance per isolate: instantiating reserves the WASM memory, which is reused across hashes.
function loadHasher(): Promise<computeHash> {
  hasher ??= setupWasm(instantiate(simd), instantiate(noSimd));
  return hasher;
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
}

/** Passwords are hashed as UTF-8 of their NFC form, whole: nothing is ever truncated. */
export function passwordBytes(password: string): Uint8Array {
  return new TextEncoder().encode(password.normalize("NFC"));
}

async function derive(
  password: string,
  salt: Uint8Array,
  params: Argon2Params,
): Promise<Uint8Array> {
  const argon2id = await loadHasher();
  return argon2id({
    password: passwordBytes(password),
    salt,
    parallelism: params.p,
    passes: params.t,
    memorySize: params.m,
    tagLength: TAG_BYTES,
  });
}

/** Hashes a password into a PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. */
export async function hashPassword(
  password: string,
  params: Argon2Params = PRODUCTION_PARAMS,
): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const tag = await derive(password, salt, params);
  return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${toBase64(salt)}$${toBase64(tag)}`;
}

/** The parameters of a stored PHC string, or undefined when it is not an Argon2id hash we wrote. */
export function readParams(encoded: string): Argon2Params | undefined {
  const match = PHC.exec(encoded);
  if (!match) return undefined;
  const params = { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) };
  const sane = params.t >= 1 && params.p >= 1 && params.m >= 8 * params.p;
  return sane && params.m <= MAX_PARAMS.m && params.t <= MAX_PARAMS.t && params.p <= MAX_PARAMS.p
    ? params
    : undefined;
}

/** Checks `password` against a stored PHC string in constant time; false for anything malformed. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const match = PHC.exec(encoded);
  const params = readParams(encoded);
  if (!match || !params) return false;
  const expected = fromBase64(match[5] ?? "");
  const actual = await derive(password, fromBase64(match[4] ?? ""), params);
  if (actual.byteLength !== expected.byteLength) return false;
  return crypto.subtle.timingSafeEqual(actual, expected);
}

/** True when a stored hash is weaker than `target` in any parameter, so it should be rewritten. */
export function needsRehash(encoded: string, target: Argon2Params): boolean {
  const params = readParams(encoded);
  if (!params) return true;
  return params.m < target.m || params.t < target.t || params.p < target.p;
}
