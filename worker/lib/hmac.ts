// HMAC-SHA256 with a Worker secret, written in base64url: what the edge's own signed grants (visitor
// tokens, links to originals) are signed and checked with. Each grant prefixes its message with a tag of
// its own, so a signature made for one kind of grant is never valid for another.
import { base64url } from "./ids";

const encoder = new TextEncoder();

/** The bytes of a base64url string (padding optional); throws on characters outside the alphabet. */
export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

/** The signature of `message`, base64url. */
export async function hmacSign(secret: string, message: string): Promise<string> {
  const signature = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    encoder.encode(message),
  );
  return base64url(new Uint8Array(signature));
}

/** Whether `signature` (base64url) signs `message`; compared in constant time by crypto.subtle.verify. */
export async function hmacVerify(
  secret: string,
  message: string,
  signature: string,
): Promise<boolean> {
  try {
    return await crypto.subtle.verify(
      "HMAC",
      await hmacKey(secret),
      fromBase64url(signature),
      encoder.encode(message),
    );
  } catch {
    return false;
  }
}
