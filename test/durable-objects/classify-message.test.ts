// Where a user's message goes, decided on its own (room/classify-message.ts): the room stores the
// message and then does only what this answer says.
import { describe, expect, it } from "vitest";
import { classifyMessage, type ArrivingMessage } from "../../durable-objects/room/classify-message";

const plain: ArrivingMessage = {
  text: "How long should I nap?",
  crisis: null,
  takenOver: false,
  underOffer: false,
  quickReplyId: null,
};

describe("classifyMessage", () => {
  it("sends an ordinary question to the assistant", () => {
    expect(classifyMessage(plain)).toEqual({ kind: "assistant" });
  });

  it("answers a request for a person with the fixed reply, not the assistant", () => {
    expect(classifyMessage({ ...plain, text: "Can I talk to a real person?" })).toEqual({
      kind: "human",
      language: "en",
    });
  });

  it("keeps the assistant silent while a person has taken over, even for a request for a person", () => {
    expect(classifyMessage({ ...plain, takenOver: true })).toEqual({ kind: "silent" });
    expect(classifyMessage({ ...plain, takenOver: true, text: "talk to a human" })).toEqual({
      kind: "silent",
    });
  });

  it("gives a quick reply's answer to the coaching agent, during a takeover too", () => {
    expect(
      classifyMessage({ ...plain, text: "Great", underOffer: true, quickReplyId: "great" }),
    ).toEqual({ kind: "coaching", quickReplyId: "great", possibleAnswer: false });
    expect(
      classifyMessage({ ...plain, text: "Great", takenOver: true, quickReplyId: "great" }),
    ).toEqual({ kind: "coaching", quickReplyId: "great", possibleAnswer: false });
  });

  it("lets the coaching agent judge free text written under an offer of quick replies", () => {
    expect(classifyMessage({ ...plain, text: "I'd say a 4", underOffer: true })).toEqual({
      kind: "coaching",
      quickReplyId: null,
      possibleAnswer: true,
    });
  });

  it("still answers a request for a person written under an offer", () => {
    expect(classifyMessage({ ...plain, text: "I need a human", underOffer: true })).toEqual({
      kind: "human",
      language: "en",
    });
  });

  it("gives a promise or a reminder request to the coaching agent", () => {
    expect(classifyMessage({ ...plain, text: "Remind me to walk at 7pm tomorrow" })).toEqual({
      kind: "coaching",
      quickReplyId: null,
      possibleAnswer: false,
    });
  });
});
