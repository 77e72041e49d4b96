// Proactive messages in the creator's voice: a step with a prompt is written by the model through the
// bridge at proactive priority; without a prompt, or when the bridge cannot be reached, the step's own
// text goes out.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { composeMessage } from "../../../durable-objects/coaching/compose-message";
import { createLogger } from "../../../worker/lib/logger";
import { createWorkspace, type Workspace } from "../../support/widget-client";

const logger = createLogger({ component: "test" }, "error");
const STEP_TEXT = "Week two starts today: three runs of 20 minutes.";

let workspace: Workspace;

beforeAll(async () => {
  workspace = await createWorkspace();
});

function input(prompt?: string) {
  return {
    tenantId: workspace.tenantId,
    contactId: "contact-1",
    messageId: `m-${crypto.randomUUID()}`,
    text: STEP_TEXT,
    ...(prompt ? { prompt } : {}),
  };
}

describe("composing a proactive message", () => {
  it("asks the model when the step has a prompt", async () => {
    const text = await composeMessage(
      env,
      input("Encourage them to start week two of their morning routine"),
      logger,
    );
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toBe(STEP_TEXT);
  });

  it("sends the step's text as written when it has no prompt", async () => {
    expect(await composeMessage(env, input(), logger)).toBe(STEP_TEXT);
  });

  it("falls back to the step's text when the bridge gives no answer", async () => {
    // Another service at the bridge's address: every chat request is refused.
    const notTheBridge = { ...env, BRIDGE_URL: env.TELEGRAM_API_ROOT };
    expect(await composeMessage(notTheBridge, input("Encourage them"), logger)).toBe(STEP_TEXT);
  });
});
