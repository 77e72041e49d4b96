/**
 * The pieces an extractive answer may quote, and the choice among them.
 */
import { describe, expect, it } from "vitest";
import { answerUnits, isQuotable, splitSentences } from "../../src/text/answer-units";
import { CitationNumbers } from "../../src/rag/citation-numbers";

describe("answer units", () => {
  it("splits sentences but not at abbreviations, initials or times", () => {
    expect(
      splitSentences(
        "Wake at 7 a.m. every day. Use e.g. a lamp. Dr. Smith says 2.5 hours is fine! Then stop.",
      ),
    ).toEqual([
      "Wake at 7 a.m. every day.",
      "Use e.g. a lamp.",
      "Dr. Smith says 2.5 hours is fine!",
      "Then stop.",
    ]);
  });

  it("keeps an FAQ's question as context and its answer as the quotable piece", () => {
    const units = answerUnits("Q: Can I sleep in at the weekend?\nA: Yes, by one hour at most.");
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ["question", "Can I sleep in at the weekend?"],
      ["answer", "Yes, by one hour at most."],
    ]);
    expect(units[1]?.context).toBe("Can I sleep in at the weekend?");
  });

  it("never makes a heading quotable, and gives it to what follows as context", () => {
    const units = answerUnits("What the ledger is\n\nThe ledger is a notebook by the bed.");
    expect(units.filter(isQuotable).map((u) => u.text)).toEqual([
      "The ledger is a notebook by the bed.",
    ]);
    expect(units[1]?.context).toBe("What the ledger is");
  });

  it("joins hard-wrapped lines of a text file into one sentence", () => {
    const units = answerUnits("If the ache gets worse\n   while you run, stop and rest.");
    expect(units.map((u) => u.text)).toEqual([
      "If the ache gets worse while you run, stop and rest.",
    ]);
  });

  it("labels table rows with their column names, so a row reads alone", () => {
    const units = answerUnits("| Day | Session |\n|---|---|\n| Monday | Easy run, 30 minutes |");
    expect(units.map((u) => u.text)).toEqual(["Day: Monday; Session: Easy run, 30 minutes"]);
  });

  it("keeps list items with the sentence that introduces them", () => {
    const units = answerUnits(
      "On a hard day, shrink it:\n- one glass of water\n- a walk around the block",
    );
    expect(units.filter((u) => u.kind === "item").map((u) => u.lead)).toEqual([
      "On a hard day, shrink it:",
      "On a hard day, shrink it:",
    ]);
  });
});

describe("citation numbers of a model's answer", () => {
  it("renumbers markers in order of first use, even when a marker arrives in pieces", () => {
    const numbers = new CitationNumbers(4);
    const out =
      ["Rest well [", "3] and eat", " [1]. Again [3", "]."]
        .map((piece) => numbers.push(piece))
        .join("") + numbers.finish();
    expect(out).toBe("Rest well [1] and eat [2]. Again [1].");
    expect(numbers.cited).toEqual([3, 1]);
  });

  it("drops a marker naming a passage that was never sent", () => {
    const numbers = new CitationNumbers(2);
    expect(numbers.push("See [7].") + numbers.finish()).toBe("See .");
  });
});
