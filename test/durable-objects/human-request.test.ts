// The phrase matcher that recognises a user asking for a person rather than the assistant.
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
    expect(asksForHuman(text)).toBe(true);
  });

  it.each([
    "How do I build a morning routine?",
    "My partner is a real morning person",
    "Humans need sleep, right?",
    "I talked to my manager about it",
    "What does your method say about being human with yourself?",
  ])("leaves %j to the assistant", (text) => {
    expect(asksForHuman(text)).toBe(false);
  });
});
