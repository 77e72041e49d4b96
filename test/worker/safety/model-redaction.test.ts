// What the model is sent, per workspace: card numbers and IBANs are masked by default, and the kinds a
// workspace turns on with PUT /api/v1/safety/model-redaction (e-mail addresses here) are masked in the
// question before it leaves the edge. The bridge's report of the question shows what it received.
import type { ModelRedaction } from "@coach/contracts/safety-settings";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { getJson } from "../conversations/inbox-helpers";
import { reportedQuestion } from "../knowledge/helpers";

const EMAIL = "ana.lopez@example.com";
const CARD = "4111 1111 1111 1111";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

/** The question as the bridge received it. */
async function receivedQuestion(text: string): Promise<string> {
  const report = await reportedQuestion(workspace, text);
  return (JSON.parse(report.body) as { question: string }).question;
}

function put(token: string, body: unknown): Promise<Response> {
  return call("/api/v1/safety/model-redaction", { method: "PUT", token, body });
}

describe("what the model is sent", () => {
  it("masks card numbers by default and keeps e-mail addresses", async () => {
    expect(
      await getJson<ModelRedaction>(
        "/api/v1/safety/model-redaction",
        workspace.members.viewer.token,
      ),
    ).toEqual({ payment: true, email: false, phone: false, address: false });
    expect(await receivedQuestion(`Can I pay with ${CARD}? Write to ${EMAIL}`)).toBe(
      `Can I pay with [card]? Write to ${EMAIL}`,
    );
  });

  it("masks e-mail addresses once the workspace turns it on", async () => {
    const res = await put(workspace.members.admin.token, { email: true });
    expect(await res.json()).toEqual({ payment: true, email: true, phone: false, address: false });
    expect(await receivedQuestion(`Please write to ${EMAIL} about my plan`)).toBe(
      "Please write to [email] about my plan",
    );
  });

  it("sends the original once it is turned off again, card numbers too when payment is off", async () => {
    await put(workspace.members.owner.token, { email: false, payment: false });
    expect(await receivedQuestion(`Card ${CARD}, mail ${EMAIL}: which plan?`)).toBe(
      `Card ${CARD}, mail ${EMAIL}: which plan?`,
    );
  });

  it("is changed by owners and admins only, with booleans", async () => {
    expect((await put(workspace.members.editor.token, { email: true })).status).toBe(403);
    const res = await put(workspace.members.owner.token, { email: "yes" });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "validation_failed" });
  });
});
