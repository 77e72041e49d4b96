/**
 * The built-in embedder (word-vector SIF averages) and the extractive answer's wording.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BuiltinAnswerer, composeAnswer, opening } from "../../src/backends/builtin-answerer";
import { BuiltinEmbedder } from "../../src/backends/builtin-embedder";
import type { GenerationChunk } from "../../src/backends/types";
import type { Quote } from "../../src/rag/answer-selection";
import { UNIT_FEATURES, type UnitFeatures } from "../../src/retrieval/ranker-weights";
import type { RankedUnit } from "../../src/retrieval/unit-ranker";
import { loadLanguageResources } from "../../src/text/language-resources";
import { TEST_LANGUAGE_DIR } from "../support/language-dir";
import { PERSONA } from "../support/harness";

const cosine = (a: number[], b: number[]): number =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
let embedder: BuiltinEmbedder;

beforeAll(async () => {
  embedder = new BuiltinEmbedder((await loadLanguageResources(TEST_LANGUAGE_DIR)).vectors);
});

function quote(
  chunkId: string,
  text: string,
  kind: "sentence" | "item" = "sentence",
  index = 0,
): Quote {
  const unit = { text, kind, context: "", index };
  const features = Object.fromEntries(UNIT_FEATURES.map((name) => [name, 0])) as UnitFeatures;
  const candidate = {
    chunk: { chunkId, documentId: chunkId.split("#")[0] ?? "", title: "T", text },
    rank: 0,
    lexicalShare: 1,
    denseShare: 1,
    documentShare: 1,
  };
  const ranked: RankedUnit = {
    unit,
    candidate,
    siblings: [unit],
    features,
    kindMatch: true,
    score: 1,
  };
  return { unit, ranked };
}

describe("built-in embedder", () => {
  it("returns unit vectors of the size its identity records", async () => {
    const [vector = []] = await embedder.embed(["Build small habits every morning"]);
    expect(vector).toHaveLength(embedder.identity.dimensions);
    expect(cosine(vector, vector)).toBeCloseTo(1, 5);
  });

  it("puts a paraphrase closer than an unrelated text, though they share no word", async () => {
    const [question = [], paraphrase = [], unrelated = []] = await embedder.embed([
      "Can my toddler have a snooze after lunch?",
      "Children may nap in the early afternoon.",
      "File your quarterly tax return online.",
    ]);
    expect(cosine(question, paraphrase)).toBeGreaterThan(cosine(question, unrelated));
  });

  it("maps a text without known words to the zero vector", async () => {
    const [vector = []] = await embedder.embed(["  "]);
    expect(vector.every((value) => value === 0)).toBe(true);
  });

  it("sizes chunks in words, its own tokens", () => {
    expect(embedder.chunking.countTokens("How long is the Nudge stage?")).toBe(6);
  });
});

describe("built-in answer wording", () => {
  it("opens with the persona's name by default, warmly or not at all as the greeting style says", () => {
    expect(opening(PERSONA)).toBe("Coach Ada here. From my material:");
    expect(opening({ ...PERSONA, greeting_style: "warm" })).toBe(
      "Hi, it's Coach Ada! Here's what my material says:",
    );
    expect(opening({ ...PERSONA, greeting_style: "none" })).toBe("");
  });

  it("numbers passages in the order they are quoted and groups a passage's pieces", () => {
    const { text, order } = composeAnswer(PERSONA, [
      quote("b#0", "Second source first."),
      quote("a#0", "Then the other one."),
      quote("a#0", "And more of it.", "sentence", 1),
    ]);
    expect(order).toEqual(["b#0", "a#0"]);
    expect(text).toBe(
      "Coach Ada here. From my material:\n\nSecond source first. [1]\n\nThen the other one. And more of it. [2]",
    );
  });

  it("writes list items as lines and ends with the persona's next step", () => {
    const { text } = composeAnswer({ ...PERSONA, next_step: "Want a plan for tomorrow?" }, [
      quote("a#0", "Try these:"),
      quote("a#0", "a glass of water", "item", 1),
      quote("a#0", "a walk", "item", 2),
    ]);
    expect(text).toBe(
      "Coach Ada here. From my material:\n\nTry these:\n• a glass of water\n• a walk [1]\n\nWant a plan for tomorrow?",
    );
  });

  it("streams the answer as deltas that add up to the full text, then done", async () => {
    const chunks: GenerationChunk[] = [];
    const quotes = [
      quote(
        "a#0",
        "During the Nudge stage the client repeats one tiny action for exactly eleven days.",
      ),
    ];
    const input = {
      persona: PERSONA,
      question: "How long is the Nudge stage?",
      passages: [],
      quotes,
      messages: [],
      signal: new AbortController().signal,
    };
    for await (const chunk of new BuiltinAnswerer().generate(input)) chunks.push(chunk);
    const text = chunks.flatMap((c) => (c.type === "delta" ? [c.text] : [])).join("");
    expect(text).toBe(composeAnswer(PERSONA, quotes).text);
    expect(chunks.at(-1)).toMatchObject({ type: "done" });
  });
});
