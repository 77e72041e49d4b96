/**
 * The lexical side of retrieval: words and stems, question analysis, BM25 with the collection's own
 * statistics, and the expansion of a client's words to the material's (synonyms, typos, neighbours).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { LexicalIndex, type IndexedChunk } from "../../src/retrieval/lexical-index";
import { analyseQuestion } from "../../src/retrieval/question";
import { TermExpander } from "../../src/retrieval/term-expansion";
import { loadLanguageResources, type LanguageResources } from "../../src/text/language-resources";
import { contentTokens, tokenize } from "../../src/text/tokens";
import { TEST_LANGUAGE_DIR } from "../support/language-dir";

let language: LanguageResources;
beforeAll(async () => {
  language = await loadLanguageResources(TEST_LANGUAGE_DIR);
});

const chunk = (id: string, text: string, section = ""): IndexedChunk => ({
  chunkId: `${id}#0`,
  documentId: id,
  title: id,
  text,
  section,
});

describe("words", () => {
  it("reads number words as digits, so 'eleven days' meets '11 days'", () => {
    expect(tokenize("eleven days").map((t) => t.word)).toEqual(
      tokenize("11 days").map((t) => t.word),
    );
  });

  it("folds British spellings, irregular verbs and chat abbreviations", () => {
    expect(tokenize("colour slept temp tmrw").map((t) => t.word)).toEqual([
      "color",
      "sleep",
      "temperature",
      "tomorrow",
    ]);
  });

  it("drops the filler of chat messages but keeps the topic", () => {
    expect(
      contentTokens("ugh honestly I just wanna know how long should my nap be lol").map(
        (t) => t.word,
      ),
    ).toEqual(["wanna", "long", "nap"]);
  });
});

describe("question analysis", () => {
  it("tells what kind of answer a question asks for", () => {
    expect([...analyseQuestion("How long is the Nudge stage?", null).kinds]).toContain("duration");
    expect([...analyseQuestion("what time should he go down?", null).kinds]).toContain("time");
    expect([...analyseQuestion("how often do we meet", null).kinds]).toContain("frequency");
  });

  it("weighs a rare word above a common one", () => {
    const { terms } = analyseQuestion(
      "What is the best treadmill for a beginner runner today?",
      language.vectors,
    );
    const weight = (word: string) => terms.find((t) => t.word === word)?.weight ?? 0;
    expect(weight("treadmill")).toBeGreaterThan(weight("today"));
  });
});

describe("BM25 over the collection", () => {
  it("ranks the chunk with the question's rarer word first", () => {
    const index = new LexicalIndex();
    index.add(chunk("a", "Sleep is good. Sleep helps. A nap after lunch helps too."));
    index.add(chunk("b", "Sleep matters every night and sleep schedules matter."));
    const expander = new TermExpander(index, language.vectors, language.synonyms);
    const question = analyseQuestion("how long should a nap be", language.vectors);
    const hits = index.search(
      question.terms.map((t) => ({ weight: t.weight, matches: expander.expand(t) })),
      2,
    );
    expect(hits[0]?.chunk.documentId).toBe("a");
  });

  it("forgets a deleted document", () => {
    const index = new LexicalIndex();
    index.add(chunk("a", "Breathing exercises calm the mind."));
    index.removeDocument("a");
    expect(index.size).toBe(0);
    expect(index.documentFrequency("breath")).toBe(0);
  });

  it("searches what the collection holds now, after documents searched before change", () => {
    const index = new LexicalIndex();
    const naps = () =>
      index
        .search([{ weight: 1, matches: [{ stem: "nap", strength: 1 }] }], 5)
        .map((hit) => hit.chunk.documentId);
    index.add(chunk("a", "A nap after lunch helps."));
    index.add(chunk("b", "Walk after dinner."));
    expect(naps()).toEqual(["a"]);
    index.removeDocument("a");
    expect(naps()).toEqual([]);
    index.add(chunk("b", "Walk after dinner, then a short nap."));
    index.add(chunk("c", "Nap early, nap short: a nap before 3 pm."));
    expect(naps()).toEqual(["c", "b"]);
  });

  it("keeps the best chunks, best first, when many match", () => {
    const index = new LexicalIndex();
    for (let i = 1; i <= 40; i++)
      index.add(chunk(`d${i}`, `${"nap ".repeat(1 + (i % 3))}and ${"rest ".repeat(i % 11)}`));
    const naps = (k: number) =>
      index.search([{ weight: 1, matches: [{ stem: "nap", strength: 1 }] }], k);
    const all = naps(40);
    expect(all).toHaveLength(40);
    expect(all.map((hit) => hit.score)).toEqual(all.map((hit) => hit.score).sort((a, b) => b - a));
    // The first five are the first five of the whole ranking, equal scores in the order they came.
    expect(naps(5)).toEqual(all.slice(0, 5));
    // Three naps in the shortest chunks lead: "nap nap nap and", then "nap nap nap and rest".
    expect(all.slice(0, 2).map((hit) => hit.chunk.documentId)).toEqual(["d11", "d23"]);
  });
});

describe("expansion of a client's words", () => {
  const index = new LexicalIndex();
  beforeAll(() => {
    index.add(
      chunk(
        "a",
        "A short nap after lunch is fine. Keep the cot in the darkest corner. Knee pain means rest.",
      ),
    );
  });

  it("finds a WordNet synonym the material uses ('snooze' → 'nap', 'crib' → 'cot')", () => {
    const expander = new TermExpander(index, language.vectors, language.synonyms);
    const words = (w: string) =>
      expander.expand({ word: w, stem: tokenize(w)[0]?.stem ?? w, weight: 5 }).map((m) => m.word);
    expect(words("snooze")).toContain("nap");
    expect(words("crib")).toContain("cot");
  });

  it("repairs a typo against the material's words", () => {
    const expander = new TermExpander(index, language.vectors, language.synonyms);
    expect(
      expander.expand({ word: "darkset", stem: "darkset", weight: 5 }).map((m) => m.word),
    ).toContain("darkest");
  });

  it("never lets one weekday stand for another", () => {
    const weekdays = new LexicalIndex();
    weekdays.add(chunk("a", "Long run on Sunday, rest on Monday."));
    const expander = new TermExpander(weekdays, language.vectors, language.synonyms);
    expect(expander.expand({ word: "tuesday", stem: "tuesdai", weight: 3 })).toEqual([]);
  });
});
