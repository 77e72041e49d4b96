// Verifies X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 of the raw request body under the app
// secret. WebCrypto's verify compares in constant time; the legacy SHA-1 header is never accepted.

const encoder = new TextEncoder();

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Whether `header` signs exactly `body` (the bytes received, before any parsing) with `appSecret`. */
export async function verifyHubSignature(appSecret: string, body: ArrayBuffer, header: string | undefined): Promise<boolean> {
  if (!header?.startsWith("sha256=")) return false;
  const signature = hexBytes(header.slice("sha256=".length));
  if (!signature) return false;
  const key = await crypto.subtle.importKey("raw", encoder.encode(appSecret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  return crypto.subtle.verify("HMAC", key, signature, body);
}
