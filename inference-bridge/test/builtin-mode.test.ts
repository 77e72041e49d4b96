/**
 * The built-in fallback end to end: extractive answers with citations, labelled builtin.
 */
import { ChatEventSchema } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "./support/harness";

let harness: Harness;
const tenant = uniqueTenant();

beforeAll(async () => {
  harness = await startHarness({ chromaUrl: inject("chromaUrl"), backend: "builtin" });
  await harness.fetch("POST", "/v1/documents", {
    tenant_id: tenant,
    document_id: "sleep",
    title: "Sleep guide",
    text: "Go to bed at the same time every night. A dark, cool bedroom helps you fall asleep faster. Avoid caffeine after noon.",
  });
});
afterAll(() => harness.close());

describe("built-in fallback", () => {
  it("answers from the material with citations, streamed as deltas, labelled builtin", async () => {
    const response = await harness.fetch("POST", "/v1/chat", {
      tenant_id: tenant,
      conversation_id: "c",
      question: "How can I fall asleep faster?",
      persona: PERSONA,
      retrieval: { k: 2, min_score: 0.1 },
    });
    const events = (await readNdjson(response)).map((line) => ChatEventSchema.parse(line));
    const deltas = events.filter((event) => event.type === "delta");
    const done = events.at(-1);
    expect(deltas.length).toBeGreaterThan(3);
    expect(done).toMatchObject({ type: "done", model: "builtin", fallback_used: false, citations: [{ document_id: "sleep", title: "Sleep guide" }] });
    expect(done?.type === "done" && done.text).toContain("“A dark, cool bedroom helps you fall asleep faster.” [1]");
  });

  it("uses the built-in embedder's own threshold when the request names none", async () => {
    // Scores 0.28 against the guide: above the built-in threshold (0.25), below nomic-embed-text's (0.35).
    const question = "When should I go to bed?";
    const ask = async (retrieval: object) => {
      const response = await harness.fetch("POST", "/v1/chat", { tenant_id: tenant, conversation_id: "c", question, persona: PERSONA, retrieval });
      return (await readNdjson(response)).map((line) => ChatEventSchema.parse(line)).at(-1);
    };
    expect(await ask({ k: 2 })).toMatchObject({ type: "done", fallback_used: false, citations: [{ document_id: "sleep" }] });
    expect(await ask({ k: 2, min_score: 0.35 })).toMatchObject({ type: "done", fallback_used: true, citations: [] });
  });

  it("labels embeddings builtin", async () => {
    const response = await harness.fetch("POST", "/v1/embed", { texts: ["hello"] });
    expect(await response.json()).toMatchObject({ model: "builtin", dimensions: 768 });
  });

  it("says builtin on /health", async () => {
    expect(await (await fetch(`${harness.url}/health`)).json()).toMatchObject({ status: "ok", mode: "builtin" });
  });
});
