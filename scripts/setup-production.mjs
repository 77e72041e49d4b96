// `npm run setup:production`: makes every secret a production deployment needs — the RS256 signing key
// for access tokens, the bridge's HMAC secret (the same on both sides), the widget visitor tokens' key,
// the channel credentials' key and the bridge's metrics token — and prints how to put each one. Nothing
// is written to disk: copy the lines into a terminal (the values appear only in this output).
import { randomBytes } from "node:crypto";
import { generateSigningJwk } from "./lib/dev-secrets.mjs";

const hex = (bytes) => randomBytes(bytes).toString("hex");
const bridgeSecret = hex(32);
const worker = {
  JWT_PRIVATE_KEY: JSON.stringify(generateSigningJwk()),
  JWT_PREVIOUS_PUBLIC_KEYS: "[]",
  BRIDGE_SECRET: bridgeSecret,
  VISITOR_TOKEN_SECRET: hex(32),
  CHANNEL_SECRETS_KEY: hex(32),
};
const bridge = { BRIDGE_SECRET: bridgeSecret, METRICS_TOKEN: hex(32) };

/** Single-quoted for a POSIX shell: the JSON key keeps its double quotes. */
const quoted = (value) => `'${value.replaceAll("'", "'\\''")}'`;

const lines = [
  "# 1. The edge's secrets (run in this repository, after `npx wrangler login`):",
  ...Object.entries(worker).map(
    ([name, value]) =>
      `printf '%s' ${quoted(value)} | npx wrangler secret put ${name} --env production`,
  ),
  "# Only with Cloudflare Access in front of the bridge, the service token's Client Secret:",
  "# printf '%s' '<client secret>' | npx wrangler secret put BRIDGE_ACCESS_CLIENT_SECRET --env production",
  "",
  "# 2. The bridge's /etc/inference-bridge.env on the home server (mode 0600):",
  ...Object.entries(bridge).map(([name, value]) => `${name}=${value}`),
  "",
  "# 3. Set CORS_ORIGINS, BRIDGE_URL, JWT_ISSUER and the D1 database_id under [env.production] in",
  "#    wrangler.toml, then: npx wrangler d1 migrations apply DB --remote --env production &&",
  "#    npm run build:widget && npx wrangler deploy --env production",
  "# Keep CHANNEL_SECRETS_KEY safe: changing it makes every stored channel credential unreadable.",
];
console.log(lines.join("\n"));
