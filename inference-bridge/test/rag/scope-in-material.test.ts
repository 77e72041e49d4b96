/**
 * The scope of practice read in the material: a dose written in the creator's documents is never
 * quoted by the built-in answerer nor shown to a model, and a question whose best match is that dose
 * gets the referral line however it is worded; the rest of the material still answers.
 */
import type { ChatEvent } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { materialOutOfScope, withoutOutOfScope } from "../../src/rag/scope-of-practice";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "../support/harness";
import { CallbackSink, postOriginal } from "../support/ingest-client";

const DOSE = "Give children 0.5 mg of melatonin thirty minutes before lights out.";
const MATERIAL = [
  "# Bedtime for little ones",
  "",
  "Keep lights out at the same time every night, weekends included.",
  "",
  DOSE,
  "",
  "Read one short story in dim light, then say goodnight and leave the room.",
].join("\n");
const REFERRAL = "That's one for your GP. Bring the question to your next appointment.";

let builtin: Harness;
let model: Harness;
let sinks: CallbackSink[] = [];
const tenant = uniqueTenant();

beforeAll(async () => {
  sinks = await Promise.all([CallbackSink.start(), CallbackSink.start()]);
  const start = (backend: "builtin" | "ollama", sink: CallbackSink | undefined) =>
    startHarness({
      chromaUrl: inject("chromaUrl"),
      backend,
      logLevel: "error",
      env: { EDGE_CALLBACK_URL: sink?.url ?? "" },
    });
  [builtin, model] = await Promise.all([start("builtin", sinks[0]), start("ollama", sinks[1])]);
  for (const [i, harness] of [builtin, model].entries()) {
    await postOriginal(harness.url, {
      tenant,
      document: "bedtime",
      kind: "md",
      bytes: new TextEncoder().encode(MATERIAL),
      title: "Bedtime for little ones",
    });
    await sinks[i]?.settled("bedtime");
  }
});
afterAll(async () => {
  await Promise.all([builtin.close(), model.close(), ...sinks.map((sink) => sink.close())]);
});

async function answer(harness: Harness, question: string) {
  const body = {
    tenant_id: tenant,
    conversation_id: `c-${Math.random()}`,
    question,
    persona: { ...PERSONA, answer_length: "long", referral: REFERRAL },
    retrieval: { k: 4 },
  };
  const events = (await readNdjson(await harness.fetch("POST", "/v1/chat", body))) as ChatEvent[];
  return events.map((e) => (e.type === "delta" ? e.text : "")).join("");
}

describe("a dose in the material", () => {
  it.each([
    DOSE,
    "Take 200 mg of magnesium with dinner.",
    "Nimm zwei Tabletten Ibuprofen vor dem Lauf.",
  ])("is recognised: %j", (sentence) => {
    expect(materialOutOfScope(sentence, PERSONA)).toBe("medication");
  });

  it.each([
    "Run 5 km at an easy pace, then walk 10 minutes.",
    "Drink 500 ml of water with breakfast.",
    "Ask your doctor before giving melatonin to a child.",
  ])("leaves ordinary advice alone: %j", (sentence) => {
    expect(materialOutOfScope(sentence, PERSONA)).toBeNull();
  });

  it("is cut from a passage, keeping the sentences around it", () => {
    const text = withoutOutOfScope(MATERIAL, PERSONA);
    expect(text).not.toContain("0.5 mg");
    expect(text).toContain("same time every night");
    expect(text).toContain("short story");
  });

  it("gets the referral line when it is what best matches the question", async () => {
    // The question names no medicine, so only the material shows that this is one for a doctor.
    expect(
      await answer(builtin, "what can I give my child thirty minutes before lights out?"),
    ).toBe(REFERRAL);
  });

  it("is never quoted, while the rest of the material still answers", async () => {
    const text = await answer(builtin, "should bedtime be at the same time on weekends too?");
    expect(text).not.toContain("mg");
    expect(text).toMatch(/same time every night|short story/);
  });

  it("never reaches a model's prompt", async () => {
    await answer(model, "should bedtime be at the same time on weekends too?");
    const seen = model.standIn?.stats.lastContext?.seenText ?? "";
    expect(seen).toContain("same time every night");
    expect(seen).not.toContain("0.5 mg");
  });
});
