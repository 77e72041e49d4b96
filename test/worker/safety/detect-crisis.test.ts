// The crisis detector (worker/safety/detect-crisis.ts): first-person statements of a crisis in five
// languages, and what it must leave alone — idioms, denials, questions about someone else, jokes.
import { describe, expect, it } from "vitest";
import { detectCrisis } from "../../../worker/safety/detect-crisis";
import { crisisReply } from "../../../worker/safety/crisis-reply";
import { countryOfPhone } from "../../../worker/safety/helplines";

describe("detectCrisis", () => {
  it.each([
    ["I don't want to live anymore", "self_harm", "en"],
    ["honestly i just want to go to sleep and not wake up", "self_harm", "en"],
    ["everyone would be better off if i just wasnt here", "self_harm", "en"],
    [
      "i'm going to kill him, i have a knife and i know where he is tonight",
      "harm_to_others",
      "en",
    ],
    ["my husband hits me when he drinks", "abuse", "en"],
    ["he says he'll kill me if i ever leave", "abuse", "en"],
    ["my chest hurts and my left arm is numb", "medical_emergency", "en"],
    ["quiero morirme, ya no aguanto más", "self_harm", "es"],
    ["mi pareja me pega y tengo miedo de volver a casa", "abuse", "es"],
    ["não aguento mais viver", "self_harm", "pt"],
    ["não consigo respirar", "medical_emergency", "pt"],
    ["je veux en finir", "self_harm", "fr"],
    ["mon copain m'a frappée hier soir", "abuse", "fr"],
    ["ich will nicht mehr leben", "self_harm", "de"],
    ["ich bring mich um", "self_harm", "de"],
    ["me voy a matar", "self_harm", "es"],
    ["I feel like dying", "self_harm", "en"],
    // A loanword shared with other languages ("overdose") is answered in the writer's language.
    ["i'm going to overdose tonight", "self_harm", "en"],
    ["mein Vater schlägt mich", "abuse", "de"],
  ])("reads %j as %s (%s)", (text, kind, language) => {
    expect(detectCrisis(text)).toEqual({ kind, language });
  });

  it.each([
    "this interval workout is killing me",
    "I could murder a pizza right now",
    "I'm dying to try the new plan",
    "dead tired after the 10k lol",
    "my boss will kill me if I'm late again",
    "minha chefe vai me matar se eu atrasar esse relatório",
    "I'm not suicidal, just tired of my alarm",
    "I would never hurt myself, don't worry",
    "how do I help a friend who talks about suicide?",
    "I'll kill myself if I have to do one more burpee",
    "I'm going to kill him lol he ate my leftovers",
    "What is the capital of Australia?",
    "I want this week to end already",
    "my knee hurts me on downhills",
  ])("leaves %j alone", (text) => {
    expect(detectCrisis(text)).toBeNull();
  });

  it("keeps a threat once the writer says it is no joke", () => {
    expect(detectCrisis("i'm going to hurt him tomorrow, i'm not joking")?.kind).toBe(
      "harm_to_others",
    );
  });

  it("never takes a medical emergency for a figure of speech", () => {
    expect(detectCrisis("lol i think i took too many sleeping pills")?.kind).toBe(
      "medical_emergency",
    );
  });

  it("does not let a denial reach across a sentence", () => {
    expect(detectCrisis("No. I want to die.")?.kind).toBe("self_harm");
  });
});

describe("crisisReply", () => {
  it("names the country's services when the number says where the person is", () => {
    const reply = crisisReply({ kind: "self_harm", language: "es" }, countryOfPhone("34612345678"));
    expect(reply).toContain("024");
    expect(reply).toContain("112");
  });

  it("names the international directory and the common emergency numbers when it is not known", () => {
    const reply = crisisReply({ kind: "abuse", language: "en" }, null);
    expect(reply).toContain("findahelpline.com");
    expect(reply).toContain("112 in Europe, 911 in North America");
  });

  it("sends a medical emergency to the emergency number, not a helpline", () => {
    const reply = crisisReply({ kind: "medical_emergency", language: "fr" }, "FR");
    expect(reply).toContain("112 (SAMU 15)");
    expect(reply).not.toContain("3114");
  });

  it("reads a country from a WhatsApp number's calling code, the longest code first", () => {
    expect(countryOfPhone("351912345678")).toBe("PT");
    expect(countryOfPhone("34612345678")).toBe("ES");
    expect(countryOfPhone("15551234567")).toBe("US");
    expect(countryOfPhone("not-a-number")).toBeNull();
  });
});
