/**
 * Built-in embedder and extractive answerer.
 */
import { describe, expect, it } from "vitest";
import { BuiltinAnswerer, composeAnswer } from "../../src/backends/builtin-answerer";
import { BUILTIN_DIMENSIONS, embedLexical } from "../../src/backends/builtin-embedder";
import type { GenerationChunk, Passage } from "../../src/backends/types";
import { PERSONA } from "../support/harness";

const cosine = (a: number[], b: number[]): number => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

const passages: Passage[] = [
  { index: 1, chunkId: "d1#0", documentId: "d1", title: "Habits", text: "Sleep matters. Build a habit by attaching it to an existing routine every morning.", score: 0.6 },
  { index: 2, chunkId: "d2#0", documentId: "d2", title: "Focus", text: "Turn off notifications. Work in blocks of fifty minutes.", score: 0.4 },
];

describe("built-in embedder", () => {
  it("returns 768 dimensions with unit length", () => {
    const vector = embedLexical("Build small habits every morning");
    expect(vector).toHaveLength(BUILTIN_DIMENSIONS);
    expect(cosine(vector, vector)).toBeCloseTo(1, 10);
  });

  it("is deterministic", () => {
    expect(embedLexical("the same text")).toEqual(embedLexical("the same text"));
  });

  it("scores overlapping texts above unrelated ones", () => {
    const query = embedLexical("how do I build a morning habit");
    expect(cosine(query, embedLexical("build a habit every morning"))).toBeGreaterThan(cosine(query, embedLexical("quarterly tax filing deadlines")) + 0.2);
  });

  it("uses word pairs, so word order changes the vector", () => {
    expect(cosine(embedLexical("dog bites man"), embedLexical("man bites dog"))).toBeLessThan(0.999);
  });

  it("maps empty text to the zero vector", () => {
    expect(embedLexical("  ").every((value) => value === 0)).toBe(true);
  });
});

describe("built-in answerer", () => {
  it("quotes the best-matching sentence with its citation number", () => {
    const answer = composeAnswer({ persona: PERSONA, question: "How do I build a habit?", passages });
    expect(answer).toContain("“Build a habit by attaching it to an existing routine every morning.” [1]");
    expect(answer.startsWith("Coach Ada")).toBe(true);
  });

  it("puts the better-matching passage first", () => {
    const answer = composeAnswer({ persona: PERSONA, question: "notifications and focus blocks", passages });
    expect(answer.indexOf("[2]")).toBeLessThan(answer.indexOf("[1]"));
  });

  it("says the persona's fallback line when there are no passages", () => {
    expect(composeAnswer({ persona: PERSONA, question: "anything", passages: [] })).toBe(PERSONA.fallback);
  });

  it("streams the answer as deltas that add up to the full text, then done", async () => {
    const chunks: GenerationChunk[] = [];
    const input = { persona: PERSONA, question: "How do I build a habit?", passages, messages: [], signal: new AbortController().signal };
    for await (const chunk of new BuiltinAnswerer().generate(input)) chunks.push(chunk);
    const text = chunks.flatMap((c) => (c.type === "delta" ? [c.text] : [])).join("");
    expect(text).toBe(composeAnswer(input));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.at(-1)).toMatchObject({ type: "done" });
  });
});
