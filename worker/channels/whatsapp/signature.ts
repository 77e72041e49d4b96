// Verifies X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw request body under the app
// secret. WebCrypto's verify compares in constant time; the legacy SHA-1 header is never accepted.

const encoder = new TextEncoder();

/** The 32 signature bytes of an `X-Hub-Signature-256` header, or null when it is missing or malformed. */
export function parseHubSignature(header: string | undefined): Uint8Array<ArrayBuffer> | null {
  const hex = header?.startsWith("sha256=") ? header.slice("sha256=".length) : "";
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Whether `signature` (from parseHubSignature) signs exactly `body`, the bytes received, with `appSecret`. */
export async function verifyHubSignature(
  appSecret: string,
  body: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(appSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify("HMAC", key, signature, body);
}
