// Opaque secrets (refresh tokens, invitation tokens, API keys; made by `newSecret`) are stored only as
// SHA-256 hashes. A fast hash is right here: the input has full entropy, unlike a password.

/** The hex SHA-256 of a secret, the only form that is stored. */
export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Normalises an email for lookups and uniqueness: trimmed, NFC, lower-case. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}
