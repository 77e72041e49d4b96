// Web Push message encryption (RFC 8291) in the aes128gcm content coding (RFC 8188), with WebCrypto
// only, so it runs in the Worker: an ephemeral ECDH key per message, the subscription's `auth` secret
// mixed in with HKDF, one record holding the whole message.
import { concatBytes } from "../lib/bytes";
import { fromBase64url } from "../lib/hmac";

/** The record size written in the header; one record always fits (push services take 4096 bytes). */
const RECORD_SIZE = 4096;
/** Header (16 salt + 4 rs + 1 idlen + 65 key) + padding delimiter + GCM tag. */
export const ENCRYPTION_OVERHEAD = 86 + 1 + 16;

const encoder = new TextEncoder();

async function hkdf(
  salt: Uint8Array,
  ikm: Uint8Array,
  info: Uint8Array,
  bytes: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt, info },
    key,
    bytes * 8,
  );
  return new Uint8Array(bits);
}

/** The content key and nonce of a message (RFC 8291 §3.3–3.4, RFC 8188 §2.2–2.3). */
export async function messageKeys(
  ecdhSecret: Uint8Array,
  authSecret: Uint8Array,
  uaPublic: Uint8Array,
  asPublic: Uint8Array,
  salt: Uint8Array,
): Promise<{ cek: Uint8Array; nonce: Uint8Array }> {
  const keyInfo = concatBytes(encoder.encode("WebPush: info\0"), uaPublic, asPublic);
  const ikm = await hkdf(authSecret, ecdhSecret, keyInfo, 32);
  const cek = await hkdf(salt, ikm, encoder.encode("Content-Encoding: aes128gcm\0"), 16);
  const nonce = await hkdf(salt, ikm, encoder.encode("Content-Encoding: nonce\0"), 12);
  return { cek, nonce };
}

/** The shared ECDH secret of a P-256 private key and a raw public point. */
export async function ecdhSecret(
  privateKey: CryptoKey,
  publicPoint: Uint8Array,
): Promise<Uint8Array> {
  const peer = await crypto.subtle.importKey(
    "raw",
    publicPoint,
    { name: "ECDH", namedCurve: "P-256" },
    false,
    [],
  );
  // WebCrypto names the peer key `public` (workers-types spell it `$public`, a keyword workaround).
  const algorithm = { name: "ECDH", public: peer };
  const bits = await crypto.subtle.deriveBits(algorithm, privateKey, 256);
  return new Uint8Array(bits);
}

/**
 * The request body of a push message for a subscription's `p256dh` and `auth` (base64url): the
 * aes128gcm header naming our ephemeral public key, then the one encrypted record.
 */
export async function encryptPushPayload(
  plaintext: Uint8Array,
  keys: { p256dh: string; auth: string },
): Promise<Uint8Array> {
  const uaPublic = fromBase64url(keys.p256dh);
  const authSecret = fromBase64url(keys.auth);
  const ephemeral = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const asPublic = new Uint8Array(
    (await crypto.subtle.exportKey("raw", ephemeral.publicKey)) as ArrayBuffer,
  );
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const secret = await ecdhSecret(ephemeral.privateKey, uaPublic);
  const { cek, nonce } = await messageKeys(secret, authSecret, uaPublic, asPublic, salt);
  const key = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["encrypt"]);
  // 0x02: this is the last (and only) record; no further padding.
  const record = concatBytes(plaintext, new Uint8Array([2]));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv: nonce, tagLength: 128 }, key, record),
  );
  const header = new Uint8Array(21);
  new DataView(header.buffer).setUint32(16, RECORD_SIZE);
  header.set(salt, 0);
  header[20] = asPublic.length;
  return concatBytes(header, asPublic, sealed);
}
