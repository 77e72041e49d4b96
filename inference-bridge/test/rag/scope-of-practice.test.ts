/**
 * The scope of practice: a question about medication doses, a diagnosis, legal or financial advice, or
 * a topic the creator listed gets the referral line — the creator's own, or a default in the persona's
 * language — in strict and adaptive mode, with the built-in answerer and with a model (never asked).
 */
import type { ChatEvent } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { outOfScope } from "../../src/rag/scope-of-practice";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "../support/harness";

let builtin: Harness;
let model: Harness;
const tenant = uniqueTenant();
let turn = 0;

beforeAll(async () => {
  [builtin, model] = await Promise.all([
    startHarness({ chromaUrl: inject("chromaUrl"), backend: "builtin", logLevel: "error" }),
    startHarness({ chromaUrl: inject("chromaUrl"), backend: "ollama", logLevel: "error" }),
  ]);
});
afterAll(async () => {
  await Promise.all([builtin.close(), model.close()]);
});

type Done = Extract<ChatEvent, { type: "done" }>;

async function ask(harness: Harness, question: string, persona: Record<string, unknown>) {
  turn += 1;
  const body = {
    tenant_id: tenant,
    conversation_id: `scope${turn}`,
    question,
    persona,
    retrieval: { k: 3 },
  };
  const events = (await readNdjson(await harness.fetch("POST", "/v1/chat", body))) as ChatEvent[];
  const done = events.find((e): e is Done => e.type === "done");
  if (!done) throw new Error(`no done event: ${JSON.stringify(events)}`);
  return { text: events.map((e) => (e.type === "delta" ? e.text : "")).join(""), done };
}

const REFERRAL = "That's one for your GP. Bring the question to your next appointment.";

describe("a question outside the coach's scope", () => {
  it.each(["strict", "adaptive"])(
    "gets the creator's referral line in %s mode, with and without a model",
    async (mode) => {
      const persona = { ...PERSONA, answer_mode: mode, referral: REFERRAL };
      const chatsBefore = model.standIn?.stats.chatStarted ?? 0;
      for (const harness of [builtin, model]) {
        const { text, done } = await ask(
          harness,
          "how many mg of melatonin should I take?",
          persona,
        );
        expect(text).toBe(REFERRAL);
        expect(done).toMatchObject({ grounding: "curated", citations: [] });
      }
      expect(model.standIn?.stats.chatStarted ?? 0).toBe(chatsBefore);
    },
  );

  it("falls back to a default line in the persona's language", async () => {
    const { text } = await ask(builtin, "¿puedo dejar de tomar mis antidepresivos?", {
      ...PERSONA,
      languages: ["es"],
    });
    expect(text).toContain("médico");
  });

  it("refers the creator's own topics on", async () => {
    const { text } = await ask(builtin, "Is it ok to train hard during pregnancy?", {
      ...PERSONA,
      out_of_scope: ["pregnancy"],
      referral: REFERRAL,
    });
    expect(text).toBe(REFERRAL);
  });
});

describe("outOfScope", () => {
  it.each([
    ["how many mg of melatonin should I take?", "medication"],
    ["can I stop taking my sertraline now that I sleep better?", "medication"],
    ["wie viel Melatonin darf ich nehmen?", "medication"],
    ["do I have sleep apnea?", "diagnosis"],
    ["is it legal for my boss to make me work weekends?", "legal"],
    ["which stocks should I buy with my bonus?", "financial"],
  ])("reads %j as %s", (question, topic) => {
    expect(outOfScope(question, PERSONA)).toBe(topic);
  });

  it.each([
    "how long should my nap be?",
    "what length of lead should I buy for her walks?",
    "I need a daily dose of sunshine, when should I walk?",
    "should I invest in a better mattress or new shoes first?",
  ])("leaves %j to the coach", (question) => {
    expect(outOfScope(question, PERSONA)).toBeNull();
  });
});
