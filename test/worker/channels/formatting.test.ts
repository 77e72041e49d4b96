// What the platforms receive from us is well-formed: long texts split where a reader expects, never
// inside a character, and the model's text escaped so Telegram cannot read it as markup.
import { describe, expect, it } from "vitest";
import { splitText } from "../../../worker/channels/split-text";
import { escapeHtml } from "../../../worker/channels/telegram/bot-api";

describe("splitText", () => {
  it("keeps a short text whole", () => {
    expect(splitText("Keep going daily.", 4096)).toEqual(["Keep going daily."]);
  });

  it("splits at the last paragraph or word break before the limit, losing no word", () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    const parts = splitText(words.join(" "), 100);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(parts.join(" ").split(" ")).toEqual(words);
  });

  it("never cuts an emoji (a surrogate pair) in two", () => {
    const parts = splitText("😀".repeat(60), 51);
    expect(parts.every((p) => p.length <= 51 && !/[\uD800-\uDBFF]$/.test(p) && !/^[\uDC00-\uDFFF]/.test(p))).toBe(true);
    expect(parts.join("")).toBe("😀".repeat(60));
  });
});

describe("escapeHtml", () => {
  it("turns markup in an answer into plain text", () => {
    expect(escapeHtml('<a href="x">R&D</a>')).toBe('&lt;a href="x"&gt;R&amp;D&lt;/a&gt;');
  });
});
