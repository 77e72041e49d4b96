// Edge tests: the Worker and its Durable Objects run inside workerd (the Workers Vitest pool), with
// local D1, R2 and Durable Objects; test/setup/fresh-storage.ts empties them and applies the migrations
// before each test file.
// Signing keys for access tokens are generated here for each run, so no private key is ever committed.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { freePort } from "./inference-bridge/test/support/free-port";
import { workersAiBindingScript } from "./test/support/workers-ai-binding-bundle";

function testSigningJwk(label: string) {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: "jwk" }),
    kid: `test-${label}-${randomBytes(4).toString("hex")}`,
    alg: "RS256",
  };
}

/** A VAPID key pair as a deployment sets it: the raw public point and private scalar, base64url. */
function testVapidKeys() {
  const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = privateKey.export({ format: "jwk" });
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x ?? "", "base64url"),
    Buffer.from(jwk.y ?? "", "base64url"),
  ]);
  return { publicKey: point.toString("base64url"), privateKey: jwk.d ?? "" };
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
  // The Stripe API stand-in (test/setup/stripe-stand-in.global.ts) and the key it accepts.
  process.env.EDGE_TEST_STRIPE_PORT ??= String(await freePort());
  process.env.EDGE_TEST_STRIPE_KEY ??= `sk_test_${randomBytes(12).toString("hex")}`;
  // The Workers AI REST API stand-in (test/setup/workers-ai-stand-in.global.ts), its account and token.
  process.env.EDGE_TEST_WORKERS_AI_PORT ??= String(await freePort());
  process.env.EDGE_TEST_WORKERS_AI_ACCOUNT ??= randomBytes(16).toString("hex");
  process.env.EDGE_TEST_WORKERS_AI_TOKEN ??= randomBytes(20).toString("base64url");
  // The outgoing-webhook receiver (test/setup/webhook-receiver.global.ts).
  process.env.EDGE_TEST_WEBHOOK_PORT ??= String(await freePort());
  // The push-service stand-in (test/setup/push-stand-in.global.ts).
  process.env.EDGE_TEST_PUSH_PORT ??= String(await freePort());
  const vapid = testVapidKeys();
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
          // The Workers AI binding as `AI`: its stand-in's run() (test/support/workers-ai-binding-stand-in.ts).
          serviceBindings: { AI: { name: "workers-ai-stand-in", entrypoint: "WorkersAiBinding" } },
          workers: [
            {
              name: "workers-ai-stand-in",
              modules: true,
              script: await workersAiBindingScript(),
              compatibilityDate: "2026-04-20",
            },
          ],
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
            STRIPE_API_URL: `http://127.0.0.1:${process.env.EDGE_TEST_STRIPE_PORT}`,
            STRIPE_SECRET_KEY: process.env.EDGE_TEST_STRIPE_KEY,
            STRIPE_WEBHOOK_SECRET: "whsec_test_current_0123456789abcdef",
            STRIPE_WEBHOOK_SECRET_PREVIOUS: "whsec_test_previous_0123456789abcdef",
            STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_test_connect_0123456789abcdef",
            STRIPE_PLATFORM_FEE_PERCENT: "10",
            WORKERS_AI_URL: `http://127.0.0.1:${process.env.EDGE_TEST_WORKERS_AI_PORT}/client/v4`,
            WORKERS_AI_ACCOUNT_ID: process.env.EDGE_TEST_WORKERS_AI_ACCOUNT,
            WORKERS_AI_TOKEN: process.env.EDGE_TEST_WORKERS_AI_TOKEN,
            // A small platform plan the quota tests move their workspace onto; every other one stays unlimited.
            PLATFORM_PLANS: JSON.stringify({
              quota_test: { answers_per_month: 1, documents: 1, seats: 5, bridges: 1 },
            }),
            PUBLIC_EDGE_URL: "http://edge.test",
            TEST_WEBHOOK_RECEIVER_URL: `http://127.0.0.1:${process.env.EDGE_TEST_WEBHOOK_PORT}`,
            WEBHOOKS_ALLOW_LOCAL_HTTP: "true",
            // Webhook host names resolve at the receiver's DNS-over-HTTPS stand-in (test/support/dns-stand-in.ts).
            WEBHOOKS_DOH_URL: `http://127.0.0.1:${process.env.EDGE_TEST_WEBHOOK_PORT}/dns-query`,
            VAPID_PUBLIC_KEY: vapid.publicKey,
            VAPID_PRIVATE_KEY: vapid.privateKey,
            PUSH_ALLOW_LOCAL_HTTP: "true",
            TEST_PUSH_SERVICE_URL: `http://127.0.0.1:${process.env.EDGE_TEST_PUSH_PORT}`,
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
      // One workerd for the whole run instead of one per file: starting the runtime and importing the
      // Worker took about 3 s a file, over half the suite's time. Each file still starts from empty
      // storage and the real schema, and its spies are undone after it (test/setup/fresh-storage.ts);
      // module state (caches, counters) carries over, as it does between requests in production.
      isolate: false,
      setupFiles: ["test/setup/fresh-storage.ts"],
      globalSetup: [
        "test/setup/bridge-stack.global.ts",
        "test/setup/channel-stand-ins.global.ts",
        "test/setup/webhook-receiver.global.ts",
        "test/setup/push-stand-in.global.ts",
        "test/setup/stripe-stand-in.global.ts",
        "test/setup/workers-ai-stand-in.global.ts",
      ],
    },
  };
});
