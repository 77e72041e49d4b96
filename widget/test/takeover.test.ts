// A person from the creator's team takes over a conversation from the dashboard API: the visitor is
// told a person is answering, sees their messages signed with their name, and is told when the
// assistant answers again.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROUTINE_QUESTION } from "../../test/support/coach-material";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
  SCREENSHOTS,
} from "./support/browser";
import { demoCreatorApi, type CreatorApi } from "./support/creator-api";

const stack = inject("stack");
let browser: Browser;
let api: CreatorApi;

beforeAll(async () => {
  browser = await launchChromium();
  api = await demoCreatorApi(stack.edgeUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("a takeover as the visitor sees it", () => {
  it("announces the person, signs their messages with their name, and announces the hand-back", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    const marker = `Quokka${Date.now()}`;
    await ask(page, `${ROUTINE_QUESTION} ${marker}`);
    await expect
      .poll(async () => (await messages(page)).some((m) => m.role === "assistant" && !m.busy), {
        timeout: 30_000,
      })
      .toBe(true);

    // The inbox finds the conversation by its text once the room has flushed its index.
    let conversationId = "";
    await expect
      .poll(
        async () => {
          conversationId =
            (await api<{ conversations: { id: string }[] }>(`/api/v1/conversations?q=${marker}`))
              .conversations[0]?.id ?? "";
          return conversationId;
        },
        { timeout: 15_000 },
      )
      .not.toBe("");

    const notice = page.locator("#coach-widget .notice");
    await api(`/api/v1/conversations/${conversationId}/takeover`, {});
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain("Maya Demo from the coaching team is answering you now.");
    await api(`/api/v1/conversations/${conversationId}/messages`, {
      text: "Hi, it's Maya herself. Let's look at this together.",
    });
    await expect
      .poll(async () => (await messages(page)).find((m) => m.role === "creator")?.text, {
        timeout: 10_000,
      })
      .toBe("Hi, it's Maya herself. Let's look at this together.");
    expect(await page.locator("#coach-widget .msg.creator .author").textContent()).toBe(
      "Maya Demo (coach)",
    );
    await page.screenshot({ path: `${SCREENSHOTS}/widget-takeover.png` });

    await api(`/api/v1/conversations/${conversationId}/handback`, {});
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toContain("assistant is answering again");
    await page.context().close();
  });
});
