// Test-only bindings added by vitest.config.ts.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** Control server of the test bridge stack (test/support/bridge-stack.ts). */
    TEST_CONTROL_URL: string;
    /** The Cloudflare Access stand-in in front of the bridge (test/support/access-stand-in.ts). */
    TEST_ACCESS_URL: string;
    /** The bridge's Access-verifying listener, reached without Access. */
    TEST_ACCESS_BRIDGE_URL: string;
    /** The service token the Access stand-in lets through. */
    TEST_ACCESS_CLIENT_ID: string;
    TEST_ACCESS_CLIENT_SECRET: string;
    /** The private half of the key in JWT_PREVIOUS_PUBLIC_KEYS, to sign tokens as before a rotation. */
    TEST_PREVIOUS_PRIVATE_KEY: string;
    /** The outgoing-webhook receiver (test/support/webhook-receiver.ts). */
    TEST_WEBHOOK_RECEIVER_URL: string;
    /** The push-service stand-in (test/support/push-stand-in.ts). */
    TEST_PUSH_SERVICE_URL: string;
    /** Cases per property in test/proof; empty for the suite's small default. */
    PROOF_CASES: string;
  }
}
