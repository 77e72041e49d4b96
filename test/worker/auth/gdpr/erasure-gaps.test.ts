// The attack of issue 17, finding 5: a visitor's question is answered poorly and lands in the knowledge
// gaps; after `DELETE /api/v1/contacts/:id` answered `complete: true`, the gaps list still quoted it word
// for word, and the contact's export had no gap rows. Now the export carries them, the erasure removes
// them, and a report the bridge sends late cannot bring them back.
import { QUESTION_CALLBACK_PATH } from "@coach/contracts/knowledge";
import { SIGNATURE_HEADER, signRequest, TIMESTAMP_HEADER } from "@coach/contracts/signature";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../../worker/db/tenant-gateway";
import type { CapturedCallback } from "../../../support/bridge-stack";
import { openSession, ORIGIN, SocketClient } from "../../../support/widget-client";
import { deliver, takeCallbacks } from "../../knowledge/helpers";
import { call, seedWorkspace, type SeededWorkspace } from "../helpers";

const QUESTION = `Which of my neighbours owes me money? (${crypto.randomUUID().slice(0, 8)})`;
type Gaps = { questions: { question: string }[] };

let workspace: SeededWorkspace;
let contactId: string;
let report: CapturedCallback;

async function gapQuestions(): Promise<string[]> {
  const gaps = (await (
    await call("/api/v1/knowledge/gaps", { token: workspace.members.owner.token })
  ).json()) as Gaps;
  return gaps.questions.map((q) => q.question);
}

/** The same report signed again a second later, as the bridge's next attempt would be (not a replay). */
async function signedAgain(callback: CapturedCallback): Promise<CapturedCallback> {
  const headers = await signRequest(env.BRIDGE_SECRET, {
    method: "POST",
    pathWithQuery: callback.path,
    body: callback.body,
    timestamp: Number(callback.timestamp) + 1,
  });
  return {
    ...callback,
    timestamp: headers[TIMESTAMP_HEADER] ?? "",
    signature: headers[SIGNATURE_HEADER] ?? "",
  };
}

beforeAll(async () => {
  workspace = await seedWorkspace();
  const owner = workspace.members.owner.token;
  const widget = (await (await call("/api/v1/widget", { token: owner })).json()) as {
    public_key: string;
  };
  await call("/api/v1/widget", {
    method: "PUT",
    token: owner,
    body: { allowed_origins: [ORIGIN] },
  });
  // No material in this workspace: the question falls back and the bridge reports it as a gap.
  const session = await openSession({ tenantId: workspace.tenantId, publicKey: widget.public_key });
  const client = await SocketClient.connect(session);
  client.send({ type: "message", client_id: "erased-gap-0001", text: QUESTION });
  await client.next((f) => f.type === "done", 10_000);
  client.close();
  contactId =
    (await forTenant(env.DB, workspace.tenantId).get("conversations", session.conversation_id))
      .contactId ?? "";
  for (let i = 0; i < 50 && !report; i++) {
    [report] = (await takeCallbacks(QUESTION_CALLBACK_PATH, workspace.tenantId)) as [
      CapturedCallback,
    ];
    if (!report) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await deliver(report)).status).toBe(200);
});

describe("a question in the knowledge gaps", () => {
  it("is in its author's export", async () => {
    expect(await gapQuestions()).toContain(QUESTION);
    const exported = (await (
      await call(`/api/v1/contacts/${contactId}/export`, { token: workspace.members.owner.token })
    ).json()) as { stores: { d1: { question_gaps?: { question: string }[] } } };
    expect(exported.stores.d1.question_gaps?.map((gap) => gap.question)).toEqual([QUESTION]);
  });

  it("is gone from the gaps once its author is erased", async () => {
    const res = await call(`/api/v1/contacts/${contactId}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(await res.json()).toMatchObject({ complete: true });
    expect(await gapQuestions()).not.toContain(QUESTION);
  });

  it("does not come back with a report that arrives after the erasure", async () => {
    expect((await deliver(await signedAgain(report))).status).toBe(404);
    expect(await gapQuestions()).not.toContain(QUESTION);
  });
});
