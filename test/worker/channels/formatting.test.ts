// What the platforms receive from us is well-formed: long texts split where a reader expects, never
// inside a character; an answer's Markdown shown as each app formats text (Telegram's HTML, WhatsApp's
// markers), and anything else in it escaped so Telegram never refuses a message as bad markup.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainText } from "../../../worker/channels/plain-text";
import { splitText } from "../../../worker/channels/split-text";
import { escapeHtml } from "../../../worker/channels/telegram/bot-api";
import { telegramHtml } from "../../../worker/channels/telegram/format-html";
import { whatsAppText } from "../../../worker/channels/whatsapp/format-text";
import { parseTelegramHtml } from "../../support/telegram-html-rules";

describe("splitText", () => {
  it("keeps a short text whole", () => {
    expect(splitText("Keep going daily.", 4096)).toEqual(["Keep going daily."]);
  });

  it("splits between paragraphs rather than inside one when a paragraph ends in the second half", () => {
    const first = `${"a ".repeat(35)}end.`;
    const second = "b ".repeat(20).trim();
    expect(splitText(`${first}\n\n${second}`, 100)).toEqual([first, second]);
  });

  it("splits at the last paragraph or word break before the limit, losing no word", () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    const parts = splitText(words.join(" "), 100);
    expect(parts.every((p) => p.length <= 100)).toBe(true);
    expect(parts.join(" ").split(" ")).toEqual(words);
  });

  it("never cuts an emoji (a surrogate pair) in two", () => {
    const parts = splitText("😀".repeat(60), 51);
    expect(
      parts.every(
        (p) => p.length <= 51 && !/[\uD800-\uDBFF]$/.test(p) && !/^[\uDC00-\uDFFF]/.test(p),
      ),
    ).toBe(true);
    expect(parts.join("")).toBe("😀".repeat(60));
  });
});

describe("escapeHtml", () => {
  it("turns markup in an answer into plain text", () => {
    expect(escapeHtml('<a href="x">R&D</a>')).toBe('&lt;a href="x"&gt;R&amp;D&lt;/a&gt;');
  });
});

const ANSWER = [
  "## Your evening routine",
  "Put the **phone away** by *nine* and keep ~~screens~~ out of the bedroom.",
  "- Dim the lights",
  "2) Read for `10` minutes",
  "See [the sleep guide](https://coach.example/sleep) & ask me <anything>.",
].join("\n");

describe("Markdown on Telegram", () => {
  it("turns headings, bold, italics, strikethrough, code, lists and links into Telegram HTML", () => {
    expect(telegramHtml(ANSWER)).toBe(
      [
        "<b>Your evening routine</b>",
        "Put the <b>phone away</b> by <i>nine</i> and keep <s>screens</s> out of the bedroom.",
        "• Dim the lights",
        "2. Read for <code>10</code> minutes",
        'See <a href="https://coach.example/sleep">the sleep guide</a> &amp; ask me &lt;anything&gt;.',
      ].join("\n"),
    );
  });

  it("leaves what is not emphasis as it is written", () => {
    expect(telegramHtml("2 * 3 = 6, my_file_name and an **unclosed one")).toBe(
      "2 * 3 = 6, my_file_name and an **unclosed one",
    );
    expect(telegramHtml("```\n<b>kept</b>\n```")).toBe("<pre>&lt;b&gt;kept&lt;/b&gt;</pre>");
  });

  it("always gives HTML Telegram accepts, never longer to read than the Markdown", () => {
    const pieces = fc.constantFrom(
      "**",
      "*",
      "_",
      "__",
      "~~",
      "`",
      "```",
      "[",
      "](",
      "https://x.y/z",
      ")",
      "<",
      ">",
      "&",
      "#",
      "# ",
      "- ",
      "1. ",
      "\n",
      " ",
      "word",
      "é",
      "😀",
    );
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 40 }), (parts) => {
        const markdown = `x${parts.join("")}`;
        const parsed = parseTelegramHtml(telegramHtml(markdown));
        expect(parsed).not.toHaveProperty("error");
        if ("text" in parsed) expect(parsed.text.length).toBeLessThanOrEqual(markdown.length);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("Markdown on WhatsApp", () => {
  it("uses WhatsApp's own markers and writes links out", () => {
    expect(whatsAppText(ANSWER)).toBe(
      [
        "*Your evening routine*",
        "Put the *phone away* by _nine_ and keep ~screens~ out of the bedroom.",
        "• Dim the lights",
        "2. Read for `10` minutes",
        "See the sleep guide (https://coach.example/sleep) & ask me <anything>.",
      ].join("\n"),
    );
  });

  it("is never longer than the Markdown, so a part split at WhatsApp's limit still fits", () => {
    const pieces = fc.constantFrom(
      "**",
      "*",
      "_",
      "~~",
      "`",
      "```",
      "[a](https://x.y)",
      "# ",
      "- ",
      "\n",
      " ",
      "word",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        expect(whatsAppText(parts.join("")).length).toBeLessThanOrEqual(parts.join("").length);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("Markdown as plain words (the inbox's previews)", () => {
  it("drops the markers and keeps the words, link texts and list bullets", () => {
    expect(
      plainText(
        "## Evenings\n**Dim the lights** an _hour_ before bed; see [the guide](https://x.test).\n- one\n2. two",
      ),
    ).toBe("Evenings\nDim the lights an hour before bed; see the guide.\n• one\n2. two");
  });

  it("leaves a sentence without markup as it is", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.?']{0,80}$/), (text) => {
        expect(plainText(text)).toBe(text);
      }),
    );
  });
});
