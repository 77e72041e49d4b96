// Hostile text must render as text: 225 payloads sent as the visitor's messages and 225 streamed back
// as the coach's answers (the stand-in speaks them), then the whole log replayed from the server.
// Nothing may execute (`window.__pwned` stays 0) and the shadow root may hold only the widget's own
// kinds of elements, links only to http(s) or mailto.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ask, launchChromium, messages, newVisitor, openChat, standIn } from "./support/browser";
import { ROUTINE_QUESTION } from "../../test/support/coach-material";
import { PAYLOADS, payloadMessages } from "./support/payloads";

const stack = inject("stack");
let browser: Browser;

// The widget's own elements; `sup`, `details` and `summary` carry an answer's source markers and passages.
const ALLOWED_TAGS = [
  "div",
  "span",
  "p",
  "br",
  "strong",
  "em",
  "code",
  "pre",
  "ul",
  "ol",
  "li",
  "a",
  "aside",
  "button",
  "header",
  "h2",
  "form",
  "textarea",
  "i",
  "svg",
  "path",
  "sup",
  "details",
  "summary",
];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await standIn(stack.controlUrl, {});
  await browser?.close();
});

/** What is in the shadow root that should not be: foreign tags, event-handler attributes, unsafe links. */
function inspect(page: Page, allowed: string[]) {
  return page.evaluate((allowedTags) => {
    const root = document.getElementById("coach-widget")?.shadowRoot;
    const all = [...(root?.querySelectorAll("*") ?? [])];
    return {
      elements: all.length,
      foreign: [
        ...new Set(all.map((el) => el.localName).filter((tag) => !allowedTags.includes(tag))),
      ],
      handlers: all.flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.name.startsWith("on"))
          .map((a) => `${el.localName}[${a.name}]`),
      ),
      links: all.filter((el) => el.localName === "a").map((a) => a.getAttribute("href") ?? ""),
      pageElements: document.querySelectorAll("img,iframe,object,embed,video,audio").length,
      pwned: window.__pwned,
    };
  }, allowed);
}

describe("hostile messages and answers", () => {
  it(`renders ${PAYLOADS.length} message payloads and ${PAYLOADS.length} answer payloads as text, executing none`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
    // Without the demo site's CSP: a strict policy would stop inline handlers and hide a renderer bug.
    const page = await (await newVisitor(browser, { bypassCSP: true })).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);

    const sent = payloadMessages();
    for (const text of sent) await ask(page, text);
    // Answers made of hostile words, each on its own line so list and emphasis rules apply too.
    await standIn(stack.controlUrl, {
      tokensPerSecond: 2000,
      replyWords: PAYLOADS.map((p) => `\n${p}`),
      replyTokens: PAYLOADS.length,
    });
    await ask(page, ROUTINE_QUESTION);
    const expectedCount = (sent.length + 1) * 2;
    await expect
      .poll(async () => (await messages(page)).filter((m) => !m.busy).length, {
        timeout: 45_000,
        interval: 500,
      })
      .toBe(expectedCount);

    await page.waitForTimeout(500);
    const live = await inspect(page, ALLOWED_TAGS);
    expect(live.pwned).toBe(0);
    expect(live.foreign).toEqual([]);
    expect(live.handlers).toEqual([]);
    expect(live.links.length).toBeGreaterThan(0);
    for (const href of live.links) expect(href).toMatch(/^(https?:|mailto:)/);
    expect(live.pageElements).toBe(0);

    const log = await messages(page);
    const userTexts = log.filter((m) => m.role === "user").map((m) => m.text);
    expect(userTexts).toEqual([...sent, ROUTINE_QUESTION]);
    // The bridge may filter some markup from answers; whatever reaches the widget shows as text.
    const answer = log.at(-1)?.text ?? "";
    expect(answer).toContain("<script>window.__pwned++</script>");
    expect(answer).toContain("onerror=window.__pwned++");

    // The same log replayed from the server (local copy dropped) must be just as inert.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.endsWith(".log")) localStorage.removeItem(key);
    });
    await page.reload();
    await expect
      .poll(async () => (await messages(page)).length, { timeout: 20_000 })
      .toBe(expectedCount);
    await page.waitForTimeout(500);
    const replayed = await inspect(page, ALLOWED_TAGS);
    expect(replayed.pwned).toBe(0);
    expect(replayed.foreign).toEqual([]);
    expect(replayed.handlers).toEqual([]);
    for (const href of replayed.links) expect(href).toMatch(/^(https?:|mailto:)/);
    await page.context().close();
  }, 120_000);
});
