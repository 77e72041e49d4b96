// While the visitor waits: a busy coach is announced in plain words and the answer still arrives, and
// the stop button ends an answer that is streaming.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { ask, launchChromium, messages, newVisitor, openChat, standIn } from "./support/browser";
import { ROUTINE_QUESTION } from "../../test/support/coach-material";

const stack = inject("stack");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await standIn(stack.controlUrl, {});
  await browser?.close();
});
beforeEach(async () => {
  await standIn(stack.controlUrl, {});
});

describe("waiting for the coach", () => {
  it("stops a streaming answer with the stop button", async () => {
    await standIn(stack.controlUrl, { tokensPerSecond: 8, replyTokens: 60 });
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    const stop = page.locator("#coach-widget .send.stop");
    await expect
      .poll(async () => (await messages(page)).find((m) => m.busy)?.text.length ?? 0, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await stop.click();
    await expect
      .poll(
        async () =>
          (await messages(page)).find((m) => m.role === "assistant" && !m.busy)?.text ?? "",
        { timeout: 10_000 },
      )
      .toMatch(/\(stopped\)$/);
    await expect.poll(() => stop.isHidden()).toBe(true);
    await page.context().close();
  });

  it("says the coach is busy, then shows the answer when it comes", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    // The model server refuses the next calls as overloaded; the room keeps the turn and retries.
    const fail = await fetch(`${stack.controlUrl}/stand-in/fail`, {
      method: "POST",
      body: JSON.stringify({ count: 2, status: 503 }),
    });
    expect(fail.ok).toBe(true);
    // Every text the notice line shows, however briefly.
    await page.evaluate(() => {
      const notice = document.getElementById("coach-widget")?.shadowRoot?.querySelector(".notice");
      const seen: string[] = [];
      (window as unknown as { __notices: string[] }).__notices = seen;
      if (notice)
        new MutationObserver(
          () => void (notice.textContent && seen.push(notice.textContent)),
        ).observe(notice, { childList: true, characterData: true, subtree: true });
    });
    await ask(page, ROUTINE_QUESTION);
    await expect
      .poll(
        async () => (await messages(page)).find((m) => m.role === "assistant")?.sources.length ?? 0,
        { timeout: 30_000 },
      )
      .toBe(1);
    const notices = await page.evaluate(
      () => (window as unknown as { __notices: string[] }).__notices,
    );
    expect(notices.some((text) => /busy/i.test(text) && /shortly/i.test(text))).toBe(true);
    expect(await page.locator("#coach-widget .notice").isHidden()).toBe(true);
    await page.context().close();
  });
});
