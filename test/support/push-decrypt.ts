// What a browser does with a push message: decrypts an aes128gcm body (RFC 8188) with the
// subscription's own private key and auth secret (RFC 8291), written apart from the edge's encryption
// so a test that decrypts checks the edge against the RFC rather than against itself. Also makes the
// keys of a subscription, as a browser would.

const encoder = new TextEncoder();

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, part) => (out.set(part, at), at + part.length), 0);
  return out;
}

async function hkdfBytes(
  salt: Uint8Array,
  secret: Uint8Array,
  info: string | Uint8Array,
  length: number,
) {
  const key = await crypto.subtle.importKey("raw", secret, "HKDF", false, ["deriveBits"]);
  const infoBytes = typeof info === "string" ? encoder.encode(info) : info;
  return new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "HKDF", hash: "SHA-256", salt, info: infoBytes },
      key,
      length * 8,
    ),
  );
}

export type BrowserSubscriptionKeys = {
  privateKey: CryptoKey;
  /** base64url, as `PushSubscription.toJSON().keys` gives them. */
  p256dh: string;
  auth: string;
  rawPublic: Uint8Array;
  rawAuth: Uint8Array;
};

const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** A new subscription's key pair and auth secret. */
export async function browserSubscriptionKeys(): Promise<BrowserSubscriptionKeys> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, [
    "deriveBits",
  ])) as CryptoKeyPair;
  const rawPublic = new Uint8Array(
    (await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer,
  );
  const rawAuth = crypto.getRandomValues(new Uint8Array(16));
  return {
    privateKey: pair.privateKey,
    p256dh: b64url(rawPublic),
    auth: b64url(rawAuth),
    rawPublic,
    rawAuth,
  };
}

/** The plaintext of an aes128gcm push body, or a thrown error when it does not decrypt. */
export async function decryptPushBody(
  body: Uint8Array,
  keys: BrowserSubscriptionKeys,
): Promise<string> {
  const salt = body.slice(0, 16);
  const idLength = body[20] ?? 0;
  const senderPublic = body.slice(21, 21 + idLength);
  const ciphertext = body.slice(21 + idLength);
  const sender = await crypto.subtle.importKey(
    "raw",
    senderPublic,
    { name: "ECDH", namedCurve: "P-256" },
    false,
    [],
  );
  const algorithm = { name: "ECDH", public: sender };
  const shared = new Uint8Array(await crypto.subtle.deriveBits(algorithm, keys.privateKey, 256));
  const info = join(encoder.encode("WebPush: info\0"), keys.rawPublic, senderPublic);
  const ikm = await hkdfBytes(keys.rawAuth, shared, info, 32);
  const cek = await hkdfBytes(salt, ikm, "Content-Encoding: aes128gcm\0", 16);
  const nonce = await hkdfBytes(salt, ikm, "Content-Encoding: nonce\0", 12);
  const key = await crypto.subtle.importKey("raw", cek, "AES-GCM", false, ["decrypt"]);
  const padded = new Uint8Array(
    await crypto.subtle.decrypt({ name: "AES-GCM", iv: nonce }, key, ciphertext),
  );
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error("not the last record (delimiter 0x02 missing)");
  return new TextDecoder().decode(padded.slice(0, end));
}

/** base64url to bytes. */
export function fromB64url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
}
