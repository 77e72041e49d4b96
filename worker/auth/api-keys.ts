// API keys: `ck_<8-char id>_<256-bit secret>`. The secret is shown once and stored as a SHA-256 hash;
// the prefix (`ck_<id>`) stays visible so people can tell their keys apart.
import { hashSecret } from "./secrets";
import { base64url, newSecret } from "../lib/ids";

export const API_KEY_PREFIX = "ck_";

/** A freshly minted key: the full secret for the caller, and what is stored. */
export async function mintApiKey(): Promise<{ key: string; prefix: string; keyHash: string }> {
  const id = base64url(crypto.getRandomValues(new Uint8Array(6))).replace(/[-_]/g, "x");
  const prefix = `${API_KEY_PREFIX}${id}`;
  const key = `${prefix}_${newSecret()}`;
  return { key, prefix, keyHash: await hashSecret(key) };
}
