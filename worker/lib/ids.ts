// Random ids and secrets, and the base64url they are written in: 256 random bits for a secret that is
// shown once (refresh tokens, invitation tokens, API keys), a UUID for a row.

/** base64url of `bytes`, without padding. */
export function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** A new 256-bit secret, base64url-encoded (43 characters). */
export function newSecret(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A random id for a new row. */
export function newId(): string {
  return crypto.randomUUID();
}
