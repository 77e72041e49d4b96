// Questions the coach answered poorly: the bridge reports them (signed), the edge keeps one row per turn
// and lists them per tenant for the dashboard.
import { QUESTION_CALLBACK_PATH } from "@coach/contracts/knowledge";
import { beforeAll, describe, expect, it } from "vitest";
import type { CapturedCallback } from "../../support/bridge-stack";
import { openSession, ORIGIN, SocketClient } from "../../support/widget-client";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { deliver, takeCallbacks } from "./helpers";

const QUESTION = "How do I fix a flat tyre on my bike?";
type Gaps = { questions: { question: string; grounding: string; confidence: number }[] };

let ws: SeededWorkspace;
let report: CapturedCallback | undefined;

async function reportFor(tenantId: string): Promise<CapturedCallback | undefined> {
  for (let i = 0; i < 50; i++) {
    const [taken] = await takeCallbacks(QUESTION_CALLBACK_PATH, tenantId);
    if (taken) return taken;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

beforeAll(async () => {
  ws = await seedWorkspace();
  const owner = ws.members.owner.token;
  const widget = (await (await call("/api/v1/widget", { token: owner })).json()) as {
    public_key: string;
  };
  await call("/api/v1/widget", {
    method: "PUT",
    token: owner,
    body: { allowed_origins: [ORIGIN] },
  });
  // No material in this workspace, so the question falls back.
  const client = await SocketClient.connect(
    await openSession({ tenantId: ws.tenantId, publicKey: widget.public_key }),
  );
  client.send({ type: "message", client_id: "gap-000001", text: QUESTION });
  await client.next((f) => f.type === "done", 10_000);
  client.close();
  report = await reportFor(ws.tenantId);
});

describe("questions answered poorly", () => {
  it("are reported by the bridge, signed, for a turn that fell back", async () => {
    if (!report) throw new Error("the bridge sent no report");
    expect((await deliver(report)).status).toBe(200);
    const gaps = (await (
      await call("/api/v1/knowledge/gaps", { token: ws.members.viewer.token })
    ).json()) as Gaps;
    expect(gaps.questions).toEqual([
      expect.objectContaining({ question: QUESTION, grounding: "fallback", confidence: 0 }),
    ]);
  });

  it("are kept once per turn, however often the report arrives", async () => {
    if (!report) throw new Error("the bridge sent no report");
    await deliver(report);
    const gaps = (await (
      await call("/api/v1/knowledge/gaps", { token: ws.members.viewer.token })
    ).json()) as Gaps;
    expect(gaps.questions).toHaveLength(1);
  });

  it("are shown to no other workspace", async () => {
    const other = await seedWorkspace();
    const gaps = (await (
      await call("/api/v1/knowledge/gaps", { token: other.members.owner.token })
    ).json()) as Gaps;
    expect(gaps.questions).toEqual([]);
  });
});
