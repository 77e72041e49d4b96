// The phrase matcher that recognises a user asking for a person rather than the assistant, in every
// language the platform writes, and says which language the request was in.
import { describe, expect, it } from "vitest";
import { asksForHuman } from "../../durable-objects/room/human-request";

describe("asksForHuman", () => {
  it.each([
    "talk to a human",
    "Can I talk to a human please?",
    "I'd like to speak to someone",
    "Is there a real person I can chat with?",
    "connect me with an agent",
    "I want a human!",
    "human",
    "Agent please",
    "/human",
    "/human@maya_coach_bot",
    "Can I speak with an actual person?",
    "I’d rather talk to a human being",
  ])("recognises %j", (text) => {
    expect(asksForHuman(text)).toBe("en");
  });

  it.each([
    "How do I build a morning routine?",
    "My partner is a real morning person",
    "Humans need sleep, right?",
    "I talked to my manager about it",
    "What does your method say about being human with yourself?",
  ])("leaves %j to the assistant", (text) => {
    expect(asksForHuman(text)).toBeNull();
  });

  it.each([
    ["Quiero hablar con una persona", "es"],
    ["¿Puedo hablar con un humano, por favor?", "es"],
    ["/humano", "es"],
    ["Quero falar com um atendente", "pt"],
    ["Je voudrais parler à quelqu'un", "fr"],
    ["Une vraie personne svp", "fr"],
    ["Ich möchte mit einem Menschen sprechen", "de"],
    ["/mensch@maya_coach_bot", "de"],
  ])("recognises %j as a request in %s", (text, language) => {
    expect(asksForHuman(text)).toBe(language);
  });

  it.each([
    "¿Cómo puedo ser mejor persona?",
    "Mi pareja es una persona muy madrugadora",
    "Je suis une personne du matin",
    "Wie werde ich ein besserer Mensch?",
  ])("leaves %j to the assistant", (text) => {
    expect(asksForHuman(text)).toBeNull();
  });
});
