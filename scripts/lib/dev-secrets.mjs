// Local secrets for `wrangler dev` and the tests: makes sure .dev.vars holds an RS256 signing key for
// access tokens, a bridge secret and the channel-credentials key, generating what is missing and never touching what is there.
// Safe to call on every run, and on a fresh clone with no .dev.vars at all (CI).
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * A new RSA-2048 private JWK for RS256, with a `kid` naming when it was made.
 * @returns {Record<string, string>}
 */
export function generateSigningJwk() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" });
  const kid = `${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;
  return { ...jwk, kid, alg: "RS256", use: "sig" };
}

/** @param {string} text */
function definedNames(text) {
  return new Set(
    text
      .split(/\r?\n/)
      .map((line) => /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line)?.[1])
      .filter((name) => name !== undefined),
  );
}

/**
 * Ensures `.dev.vars` (in the repository root unless `file` says otherwise) defines JWT_PRIVATE_KEY,
 * JWT_PREVIOUS_PUBLIC_KEYS, BRIDGE_SECRET, VISITOR_TOKEN_SECRET and CHANNEL_SECRETS_KEY, appending
 * generated values for the missing ones. `BRIDGE_SECRET` set in the environment wins over the file, so
 * both sides of `npm run dev` use the one the person chose.
 * @param {{ file?: string }} [options]
 * @returns {{ file: string, added: string[] }} the file and the names it added (empty when all were there)
 */
export function ensureDevSecrets(options = {}) {
  const file = options.file ?? path.join(ROOT, ".dev.vars");
  const chosen = process.env.BRIDGE_SECRET;
  const original = existsSync(file) ? readFileSync(file, "utf8") : "";
  // A chosen bridge secret replaces the stored one: drop that line and write the chosen value below.
  const text = chosen ? original.replace(/^\s*BRIDGE_SECRET\s*=.*(?:\r?\n|$)/m, "") : original;
  const present = definedNames(text);
  /** @type {Record<string, () => string>} */
  const generators = {
    // Single quotes keep the JSON's double quotes intact for wrangler's dotenv parser.
    JWT_PRIVATE_KEY: () => `'${JSON.stringify(generateSigningJwk())}'`,
    JWT_PREVIOUS_PUBLIC_KEYS: () => "'[]'",
    BRIDGE_SECRET: () => chosen || randomBytes(32).toString("hex"),
    VISITOR_TOKEN_SECRET: () => randomBytes(32).toString("hex"),
    CHANNEL_SECRETS_KEY: () => randomBytes(32).toString("hex"),
  };
  const added = Object.keys(generators).filter((name) => !present.has(name));
  if (added.length > 0 || text !== original) {
    const lines = added.map((name) => `${name}=${generators[name]()}`);
    const separator = text === "" || text.endsWith("\n") ? "" : "\n";
    writeFileSync(file, `${text}${separator}${lines.join("\n")}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { file, added };
}

/**
 * The values of `.dev.vars` (unquoted; only `names` when given), for scripts that hand them to a
 * Worker or the bridge.
 * @param {{ file?: string, names?: string[] }} [options]
 * @returns {Record<string, string>}
 */
export function readDevVars(options = {}) {
  const file = options.file ?? path.join(ROOT, ".dev.vars");
  /** @type {Record<string, string>} */
  const values = {};
  if (!existsSync(file)) return values;
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (match?.[1] && (!options.names || options.names.includes(match[1])))
      values[match[1]] = (match[2] ?? "").replace(/^'(.*)'$/, "$1").replace(/^"(.*)"$/, "$1");
  }
  return values;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { file, added } = ensureDevSecrets();
  console.log(
    added.length > 0
      ? `dev-secrets: added ${added.join(", ")} to ${file}`
      : `dev-secrets: ${file} is complete`,
  );
}
