// Encrypts channel credentials (bot tokens, access tokens, app secrets) for D1 with AES-256-GCM. The
// key is derived with HKDF from the CHANNEL_SECRETS_KEY Worker secret; the channel id is bound in as
// additional data, so a ciphertext copied onto another channel's row does not decrypt.
import { cachedPromise } from "../lib/promise-cache";

const VERSION = "v1";
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function deriveKey(secret: string): Promise<CryptoKey> {
  return cachedPromise(keys, secret, async () => {
    if (secret.length < 32)
      throw new Error(
        "CHANNEL_SECRETS_KEY must be at least 32 characters (e.g. 32 random bytes as hex).",
      );
    const material = await crypto.subtle.importKey("raw", encoder.encode(secret), "HKDF", false, [
      "deriveKey",
    ]);
    return crypto.subtle.deriveKey(
      {
        name: "HKDF",
        hash: "SHA-256",
        salt: encoder.encode("coach-channel-secrets"),
        info: encoder.encode(VERSION),
      },
      material,
      { name: "AES-GCM", length: 256 },
      false,
      ["encrypt", "decrypt"],
    );
  });
}

/** `v1.<iv>.<ciphertext>` (base64) of `value` as JSON, bound to `channelId`. */
export async function sealSecrets(
  secret: string,
  channelId: string,
  value: object,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(secret);
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: encoder.encode(channelId) },
    key,
    encoder.encode(JSON.stringify(value)),
  );
  return `${VERSION}.${base64(iv)}.${base64(new Uint8Array(sealed))}`;
}

/** The JSON value sealed by `sealSecrets` for `channelId`; throws when the key, row or text is wrong. */
export async function openSecrets(
  secret: string,
  channelId: string,
  sealed: string,
): Promise<unknown> {
  const [version, iv, data] = sealed.split(".");
  if (version !== VERSION || !iv || !data) throw new Error("Unknown channel secret format.");
  const key = await deriveKey(secret);
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: fromBase64(iv), additionalData: encoder.encode(channelId) },
    key,
    fromBase64(data),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

/** Hex SHA-256 of a webhook secret, stored beside the channel so webhooks are checked without decrypting. */
export async function secretHash(value: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(value)));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Whether `presented` hashes to `expectedHash`, compared in constant time. Comparing fixed-length
 * digests also hides the secret's length.
 */
export async function secretMatches(
  presented: string | undefined,
  expectedHash: string | null,
): Promise<boolean> {
  if (presented === undefined || !expectedHash) return false;
  const a = encoder.encode(await secretHash(presented));
  const b = encoder.encode(expectedHash);
  return a.length === b.length && crypto.subtle.timingSafeEqual(a, b);
}

/** A fresh random secret of 32 bytes as URL-safe text (Telegram allows A-Z a-z 0-9 _ -). */
export function newWebhookSecret(): string {
  return base64(crypto.getRandomValues(new Uint8Array(32)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}
