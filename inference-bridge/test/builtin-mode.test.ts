/**
 * The built-in answerer end to end (no model server): answers quoted from the material with citations
 * whose numbers match the text, the persona's fallback for questions the material does not answer, FAQ
 * answers rather than their questions, never a heading alone, short direct questions answered however
 * far their word vectors sit from the material's, all labelled builtin.
 */
import { ChatEventSchema, type ChatEvent } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeDocx } from "./support/document-fixtures";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "./support/harness";
import { CallbackSink, postOriginal } from "./support/ingest-client";

let harness: Harness;
let sink: CallbackSink;
const tenant = uniqueTenant();
const nudgeTenant = uniqueTenant();
type Done = Extract<ChatEvent, { type: "done" }>;

const GUIDE = [
  "# Sleep guide",
  "",
  "## What the ledger is",
  "",
  "The sleep ledger is a notebook by the bed. Each morning you write the time you woke and one word for how you feel.",
  "",
  "## Your bedroom",
  "",
  "Go to bed at the same time every night. A dark, cool bedroom helps you fall asleep faster. Avoid caffeine after noon.",
  "",
  "## Questions people ask",
  "",
  "Q: Can I sleep in at the weekend?",
  "A: Yes, but by no more than one hour, or Monday morning will feel like jet lag.",
].join("\n");

/** Short questions in the material's own words sit far from its chunks as word-vector averages. */
const EVENING = [
  "# Evening routine",
  "",
  "The evening routine protects your sleep and tomorrow's focus. These are the rules for the last hours of the day.",
  "",
  "## Screens",
  "",
  "Phones and laptops leave the bedroom. Charge them in the hallway and use a paper book instead.",
  "",
  "## Caffeine and naps",
  "",
  "The caffeine cutoff is 2 pm. Coffee later than that is still in your body at bedtime.",
  "",
  "Naps are fine when they last twenty minutes or less and end before 3 pm.",
  "",
  "## The bedroom",
  "",
  "Keep the bedroom cool, around 18 degrees Celsius, and dark.",
].join("\n");
const eveningTenant = uniqueTenant();

beforeAll(async () => {
  sink = await CallbackSink.start();
  harness = await startHarness({
    chromaUrl: inject("chromaUrl"),
    backend: "builtin",
    logLevel: "error",
    env: { EDGE_CALLBACK_URL: sink.url },
  });
  await postOriginal(harness.url, {
    tenant,
    document: "sleep",
    kind: "md",
    bytes: new TextEncoder().encode(GUIDE),
    title: "Sleep guide",
  });
  // The smallest library there is: one Word document whose only fact is the Nudge stage's length.
  const nudge = makeDocx([
    { text: "During the Nudge stage the client repeats one tiny action for exactly eleven days." },
  ]);
  await postOriginal(harness.url, {
    tenant: nudgeTenant,
    document: "nudge",
    kind: "docx",
    bytes: nudge,
    title: "The Nudge stage",
  });
  await postOriginal(harness.url, {
    tenant: eveningTenant,
    document: "evening",
    kind: "md",
    bytes: new TextEncoder().encode(EVENING),
    title: "Evening routine",
  });
  await Promise.all([sink.settled("sleep"), sink.settled("nudge"), sink.settled("evening")]);
});
afterAll(async () => {
  await harness.close();
  await sink.close();
});

async function ask(
  question: string,
  options: { tenantId?: string; persona?: Record<string, unknown> } = {},
): Promise<{ deltas: string; done: Done }> {
  const response = await harness.fetch("POST", "/v1/chat", {
    tenant_id: options.tenantId ?? tenant,
    conversation_id: "c",
    question,
    persona: options.persona ?? PERSONA,
  });
  const events = (await readNdjson(response)).map((line) => ChatEventSchema.parse(line));
  const done = events.at(-1);
  if (done?.type !== "done") throw new Error(`no done event: ${JSON.stringify(events)}`);
  return { deltas: events.map((e) => (e.type === "delta" ? e.text : "")).join(""), done };
}

describe("built-in answerer", () => {
  it("answers how long the Nudge stage is from a one-document library, and cites it", async () => {
    const { done } = await ask("How long is the Nudge stage?", { tenantId: nudgeTenant });
    expect(done.text).toContain("eleven days");
    expect(done).toMatchObject({
      model: "builtin",
      grounding: "material",
      citations: [{ document_id: "nudge", title: "The Nudge stage" }],
    });
  });

  it.each([
    ["What time is the caffeine cutoff?", "2 pm"],
    ["Are naps allowed and for how long?", "twenty minutes or less"],
    ["What temperature should the bedroom be?", "18 degrees Celsius"],
  ])("answers the short, direct question %j from the material (%s)", async (question, fact) => {
    const { done } = await ask(question, { tenantId: eveningTenant });
    expect(done.grounding).toBe("material");
    expect(done.text).toContain(fact);
    expect(done.citations[0]).toMatchObject({ document_id: "evening" });
  });

  it("quotes the sentence that answers, streamed as deltas, with citation numbers that match the sources", async () => {
    const { deltas, done } = await ask("How can I fall asleep faster?");
    expect(deltas).toBe(done.text);
    expect(done.text).toContain("A dark, cool bedroom helps you fall asleep faster.");
    const numbers = [...done.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(Math.max(...numbers)).toBe(done.citations.length);
    expect(done.citations[0]).toMatchObject({ document_id: "sleep", title: "Sleep guide" });
  });

  it("quotes an FAQ's answer, not its question", async () => {
    const { done } = await ask("is sleeping in at the weekend ok?");
    expect(done.text).toContain("by no more than one hour");
    expect(done.text).not.toContain("Can I sleep in at the weekend?");
  });

  it("never quotes a heading alone", async () => {
    const { done } = await ask("what's this ledger thing?");
    expect(done.text).toContain("notebook by the bed");
    expect(done.text).not.toMatch(/^What the ledger is \[\d\]$/m);
  });

  it("speaks in the persona's greeting style and ends with its next step", async () => {
    const { done } = await ask("How can I fall asleep faster?", {
      persona: { ...PERSONA, greeting_style: "warm", next_step: "Shall we plan your evening?" },
    });
    expect(done.text.startsWith("Hi, it's Coach Ada!")).toBe(true);
    expect(done.text.endsWith("Shall we plan your evening?")).toBe(true);
  });

  it("says the persona's fallback for a question the material does not answer", async () => {
    const { done } = await ask("What is the capital of Australia?");
    expect(done).toMatchObject({
      text: PERSONA.fallback,
      grounding: "fallback",
      fallback_used: true,
      citations: [],
    });
  });

  it("labels embeddings builtin, with the built-in embedder's size", async () => {
    const response = await harness.fetch("POST", "/v1/embed", { texts: ["hello"] });
    expect(await response.json()).toMatchObject({ model: "builtin", dimensions: 100 });
  });

  it("says builtin on /health", async () => {
    expect(await (await fetch(`${harness.url}/health`)).json()).toMatchObject({
      status: "ok",
      mode: "builtin",
    });
  });
});
