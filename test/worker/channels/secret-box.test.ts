// Channel credentials at rest: sealed with AES-GCM under CHANNEL_SECRETS_KEY and bound to their row.
import { describe, expect, it } from "vitest";
import {
  openSecrets,
  sealSecrets,
  secretHash,
  secretMatches,
} from "../../../worker/channels/secret-box";

const KEY = "a-test-key-of-at-least-32-characters!!";

describe("the secret box", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", async () => {
    const sealed = await sealSecrets(KEY, "channel-1", { bot_token: "123:secret-token-value" });
    expect(sealed).not.toContain("secret-token-value");
    expect(await openSecrets(KEY, "channel-1", sealed)).toEqual({
      bot_token: "123:secret-token-value",
    });
  });

  it("refuses a ciphertext moved to another channel's row", async () => {
    const sealed = await sealSecrets(KEY, "channel-1", { bot_token: "x" });
    await expect(openSecrets(KEY, "channel-2", sealed)).rejects.toThrow();
  });

  it("refuses a tampered ciphertext and another key", async () => {
    const sealed = await sealSecrets(KEY, "channel-1", { bot_token: "x" });
    const tampered = `${sealed.slice(0, -4)}${sealed.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    await expect(openSecrets(KEY, "channel-1", tampered)).rejects.toThrow();
    await expect(openSecrets(`${KEY}-other`, "channel-1", sealed)).rejects.toThrow();
  });

  it("matches a webhook secret only exactly", async () => {
    const hash = await secretHash("the-webhook-secret");
    expect(await secretMatches("the-webhook-secret", hash)).toBe(true);
    expect(await secretMatches("the-webhook-secreT", hash)).toBe(false);
    expect(await secretMatches(undefined, hash)).toBe(false);
    expect(await secretMatches("the-webhook-secret", null)).toBe(false);
  });
});
