// Edge tests: the Worker and its Durable Objects run inside workerd (the Workers Vitest pool), with
// local D1, R2 and Durable Objects; migrations are applied by test/setup/apply-migrations.ts.
// Signing keys for access tokens are generated here for each run, so no private key is ever committed.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { freePort } from "./inference-bridge/test/support/free-port";

function testSigningJwk(label: string) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: "jwk" }),
    kid: `test-${label}-${randomBytes(4).toString("hex")}`,
    alg: "RS256",
  };
}

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  // The global setup starts the real bridge on these ports; the Worker reaches it through bindings.
  process.env.EDGE_TEST_BRIDGE_PORT ??= String(await freePort());
  process.env.EDGE_TEST_CONTROL_PORT ??= String(await freePort());
  process.env.EDGE_TEST_BRIDGE_SECRET ??= "test-bridge-secret-0123456789abcdef0123";
  // The same bridge behind the Cloudflare Access stand-in (test/support/access-stand-in.ts).
  process.env.EDGE_TEST_ACCESS_PORT ??= String(await freePort());
  process.env.EDGE_TEST_ACCESS_BRIDGE_PORT ??= String(await freePort());
  process.env.EDGE_TEST_ACCESS_CLIENT_ID ??= `${randomBytes(16).toString("hex")}.access`;
  process.env.EDGE_TEST_ACCESS_CLIENT_SECRET ??= randomBytes(32).toString("hex");
  // The Telegram Bot API and Graph stand-ins (test/setup/channel-stand-ins.global.ts).
  process.env.EDGE_TEST_TELEGRAM_PORT ??= String(await freePort());
  process.env.EDGE_TEST_GRAPH_PORT ??= String(await freePort());
  // The outgoing-webhook receiver (test/setup/webhook-receiver.global.ts).
  process.env.EDGE_TEST_WEBHOOK_PORT ??= String(await freePort());
  const current = testSigningJwk("current");
  // The key being rotated out: its public half is still accepted, its private half lets tests sign with it.
  const previous = testSigningJwk("previous");
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...previousPublic } = previous;
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        // The production Worker, with the coaching agent whose clock tests can pin (test/support/test-worker.ts).
        main: "./test/support/test-worker.ts",
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            LOG_LEVEL: "warn",
            // Lets the API answer what mail would carry (an unlock token), and only here.
            ENVIRONMENT: "test",
            BRIDGE_SECRET: process.env.EDGE_TEST_BRIDGE_SECRET,
            BRIDGE_URL: `http://127.0.0.1:${process.env.EDGE_TEST_BRIDGE_PORT}`,
            TEST_CONTROL_URL: `http://127.0.0.1:${process.env.EDGE_TEST_CONTROL_PORT}`,
            TEST_ACCESS_URL: `http://127.0.0.1:${process.env.EDGE_TEST_ACCESS_PORT}`,
            TEST_ACCESS_BRIDGE_URL: `http://127.0.0.1:${process.env.EDGE_TEST_ACCESS_BRIDGE_PORT}`,
            TEST_ACCESS_CLIENT_ID: process.env.EDGE_TEST_ACCESS_CLIENT_ID,
            TEST_ACCESS_CLIENT_SECRET: process.env.EDGE_TEST_ACCESS_CLIENT_SECRET,
            VISITOR_TOKEN_SECRET: "test-visitor-secret-0123456789abcdef",
            CHANNEL_SECRETS_KEY: "test-channel-secrets-key-0123456789abcdef",
            TELEGRAM_API_ROOT: `http://127.0.0.1:${process.env.EDGE_TEST_TELEGRAM_PORT}`,
            WHATSAPP_GRAPH_URL: `http://127.0.0.1:${process.env.EDGE_TEST_GRAPH_PORT}`,
            TEST_WEBHOOK_RECEIVER_URL: `http://127.0.0.1:${process.env.EDGE_TEST_WEBHOOK_PORT}`,
            WEBHOOKS_ALLOW_LOCAL_HTTP: "true",
            // Webhook host names resolve at the receiver's DNS-over-HTTPS stand-in (test/support/dns-stand-in.ts).
            WEBHOOKS_DOH_URL: `http://127.0.0.1:${process.env.EDGE_TEST_WEBHOOK_PORT}/dns-query`,
            JWT_PRIVATE_KEY: JSON.stringify(current),
            JWT_PREVIOUS_PUBLIC_KEYS: JSON.stringify([previousPublic]),
            TEST_PREVIOUS_PRIVATE_KEY: JSON.stringify(previous),
            // Cases per property in test/proof (fuzzing, tenant isolation): few in `npm test`, 10,000 in `npm run proof`.
            PROOF_CASES: process.env.PROOF_CASES ?? "",
          },
        },
      }),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      // Generous: CI machines are small and shared; no test asserts on its own duration.
      testTimeout: 30_000,
      hookTimeout: 60_000,
      setupFiles: ["test/setup/apply-migrations.ts"],
      globalSetup: [
        "test/setup/bridge-stack.global.ts",
        "test/setup/channel-stand-ins.global.ts",
        "test/setup/webhook-receiver.global.ts",
      ],
    },
  };
});
