/**
 * The real-model path within the model's rules: with the Ollama stand-in enforcing `num_ctx` = 4096 the
 * way Ollama does (it drops messages, then tokens, from the front), a turn with eight long history turns
 * and four long passages reaches the model with its persona prefix and its question whole, and the
 * answer's room still fits the window. Without the prompt budget the front — the persona — is what Ollama
 * would cut (prompt.test.ts shows that on the same shapes).
 */
import type { ChatEvent } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "../support/harness";

let harness: Harness;
const tenant = uniqueTenant();
const long = (topic: string) =>
  `${topic}: ${"Keep the evening routine steady, write down what happened, and adjust one small thing at a time. ".repeat(38)}`;
const QUESTION = "What should I change in my evening routine when I keep waking up at three?";

beforeAll(async () => {
  harness = await startHarness({
    chromaUrl: inject("chromaUrl"),
    backend: "ollama",
    logLevel: "error",
    env: { OLLAMA_NUM_CTX: "4096", OLLAMA_NUM_PREDICT: "512" },
    standIn: { replyTokens: 4 },
  });
  for (const i of [1, 2, 3, 4]) {
    await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: `routine-${i}`,
      title: `Routine ${i}`,
      chunks: [long(`Evening routine part ${i}`)],
    });
  }
});
afterAll(() => harness.close());

describe("a long turn in a 4096-token window", () => {
  it("reaches the model with the persona prefix and the question, nothing cut, room left for the answer", async () => {
    const history = Array.from({ length: 8 }, (_, i) => ({
      role: i % 2 === 0 ? "user" : "assistant",
      content: long(`turn ${i}`),
    }));
    const events = (await readNdjson(
      await harness.fetch("POST", "/v1/chat", {
        tenant_id: tenant,
        conversation_id: "c",
        question: QUESTION,
        history,
        persona: PERSONA,
        retrieval: { k: 4, min_score: 0 },
      }),
    )) as ChatEvent[];
    const done = events.at(-1);
    const seen = harness.standIn?.stats.lastContext;
    expect(seen).toMatchObject({ numCtx: 4096, cutTokens: 0, droppedMessages: 0 });
    expect(seen?.seenText).toContain(PERSONA.voice);
    expect(seen?.seenText).toContain(QUESTION);
    expect(harness.standIn?.stats.contextOverflows).toBe(0);
    // The model's own count of the prompt is what the answer reports.
    expect(done).toMatchObject({ type: "done", prompt_tokens: seen?.promptTokens });
    expect(done?.type === "done" && done.citations.length).toBeGreaterThan(0);
  });
});
