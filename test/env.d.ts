// Test-only bindings added by vitest.config.ts.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** Control server of the test bridge stack (test/support/bridge-stack.ts). */
    TEST_CONTROL_URL: string;
    /** The private half of the key in JWT_PREVIOUS_PUBLIC_KEYS, to sign tokens as before a rotation. */
    TEST_PREVIOUS_PRIVATE_KEY: string;
    /** The outgoing-webhook receiver (test/support/webhook-receiver.ts). */
    TEST_WEBHOOK_RECEIVER_URL: string;
    /** Cases per property in test/proof; empty for the suite's small default. */
    PROOF_CASES: string;
  }
}
