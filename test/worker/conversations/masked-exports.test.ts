// Free text a person wrote never leaves in an analytics export with their details: a question with an
// e-mail address, a phone number and a card number is kept in the knowledge gaps masked, and a
// correction titled with it is listed masked among the analytics' most cited documents.
import type { Analytics } from "@coach/contracts/content-views";
import { beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { deliver, reportedQuestion } from "../knowledge/helpers";
import { getJson } from "./inbox-helpers";
import { seedConversation } from "./seeded-rooms";

const PLANTED = {
  email: "ana.lopez@example.com",
  phone: "+44 7700 900123",
  card: "4111 1111 1111 1111",
};
const QUESTION = `I'm ${PLANTED.email}, call ${PLANTED.phone}; can I pay the plan with ${PLANTED.card}?`;

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

function expectNonePlanted(body: unknown): void {
  const text = JSON.stringify(body);
  for (const value of Object.values(PLANTED)) expect(text).not.toContain(value);
}

describe("analytics exports", () => {
  it("list a person's question in the knowledge gaps with their details masked", async () => {
    expect((await deliver(await reportedQuestion(workspace, QUESTION))).status).toBe(200);
    const gaps = await getJson<{ questions: { question: string }[] }>(
      "/api/v1/knowledge/gaps",
      workspace.members.viewer.token,
    );
    expect(gaps.questions.map((q) => q.question)).toEqual([
      "I'm [email], call [phone]; can I pay the plan with [card]?",
    ]);
    expectNonePlanted(gaps);
  });

  it("name a correction titled with the question masked among the most cited documents", async () => {
    const now = Date.now();
    await seedConversation(workspace.tenantId, {
      channel: "web",
      contact: { name: "Ana" },
      messages: [
        { role: "user", text: QUESTION, at: now },
        {
          role: "assistant",
          text: "Yes, by card.",
          at: now + 1,
          confidence: 0.9,
          citations: [{ document_id: "doc-correction", title: `Correction: ${QUESTION}` }],
        },
      ],
    });
    const analytics = await getJson<Analytics>("/api/v1/analytics", workspace.members.viewer.token);
    expect(analytics.top_documents.map((d) => d.title)).toEqual([
      "Correction: I'm [email], call [phone]; can I pay the plan with [card]?",
    ]);
    expectNonePlanted(analytics);
  });
});
