// Opaque secrets (refresh tokens, invitation tokens, API keys): 256 random bits, shown once and stored
// only as SHA-256 hashes. A fast hash is right here: the input has full entropy, unlike a password.

/** base64url of `bytes`, without padding. */
export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A new 256-bit secret, base64url-encoded (43 characters). */
export function newSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The hex SHA-256 of a secret, the only form that is stored. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A random id for a new row. */
export function newId(): string {
  return crypto.randomUUID();
}

/** Normalises an email for lookups and uniqueness: trimmed, NFC, lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}
