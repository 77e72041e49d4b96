// An answer's sources in the widget, in real Chromium against the real stack: numbered as the answer's
// `[n]` markers are, each marker a small button that opens its source's passage (mouse and keyboard),
// and plain words when an answer is general knowledge, the coach's own answer, or quoted from the
// material by the built-in answerer. The last three are answers the test bridge (which runs a model)
// does not give, so those tests rewrite the room's frames on their way to the page, as the bridge in
// those modes would have them.
import type { Page, WebSocketRoute } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { COACH_MATERIAL_TITLE, ROUTINE_QUESTION } from "../../test/support/coach-material";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
  SCREENSHOTS,
  standIn,
} from "./support/browser";

const stack = inject("stack");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await standIn(stack.controlUrl, {});
});

type Frame = Record<string, unknown>;

/** Passes the room's frames to the page, with the assistant's stored answers changed by `rewrite`. */
async function rewriteAnswers(page: Page, rewrite: (answer: Frame) => Frame): Promise<void> {
  await page.routeWebSocket(/\/api\/v1\/widget\/socket/, (ws: WebSocketRoute) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      const frame = JSON.parse(String(message)) as Frame;
      const answer =
        frame.type === "done" || (frame.type === "message" && frame.role === "assistant");
      ws.send(JSON.stringify(answer ? rewrite(frame) : frame));
    });
  });
}

/** The element focused inside the widget, as `tag` plus its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.getElementById("coach-widget")?.shadowRoot?.activeElement;
    return el ? `${el.localName}: ${el.textContent ?? ""}` : "";
  });
}

/** The answer's list item, once it is complete. */
async function answer(page: Page) {
  await expect
    .poll(async () => (await messages(page)).some((m) => m.role === "assistant" && !m.busy), {
      timeout: 20_000,
    })
    .toBe(true);
  return page.locator("#coach-widget .msg.assistant[data-key]").last();
}

const TWO_SOURCES = [
  {
    document_id: "routine-guide",
    title: "Routine guide",
    score: 0.81,
    section: "Mornings",
    snippet: "Wake at the same time every day, even on weekends.",
  },
  {
    document_id: "sleep-notes",
    title: "Sleep notes",
    score: 0.64,
    page: 3,
    snippet: "Write one priority for the day the night before.",
  },
];

describe("an answer's sources", () => {
  it("are numbered as the answer's markers are, and [1] opens the passage source 1 quotes", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    const item = await answer(page);
    expect((await messages(page)).at(-1)?.sources).toEqual([COACH_MATERIAL_TITLE]);

    const marker = item.locator(".bubble button.cite");
    expect(await marker.innerText()).toBe("[1]");
    expect(await marker.getAttribute("aria-label")).toBe(`Source 1: ${COACH_MATERIAL_TITLE}`);
    const passage = item.locator(".sources li").first().locator(".snippet");
    expect(await passage.isVisible()).toBe(false);
    await marker.click();
    await expect.poll(() => passage.isVisible()).toBe(true);
    expect(await passage.innerText()).toContain("start your morning routine small");
    expect(await focused(page)).toBe(`summary: ${COACH_MATERIAL_TITLE}`);
    // An answer from the material written by a model needs no note.
    expect(await item.locator(".origin").count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-sources.png` });
    await page.context().close();
  });

  it("say where in the document each source is, and open from the keyboard", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await rewriteAnswers(page, (frame) => ({
      ...frame,
      text: "Keep the same wake-up time [1], and plan tomorrow tonight [2].",
      citations: TWO_SOURCES,
    }));
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    const item = await answer(page);
    expect((await messages(page)).at(-1)?.sources).toEqual(["Routine guide", "Sleep notes"]);
    expect(await item.locator(".sources summary").allInnerTexts()).toEqual([
      "Routine guide · Mornings",
      "Sleep notes · page 3",
    ]);
    expect(await item.locator(".bubble button.cite").allInnerTexts()).toEqual(["[1]", "[2]"]);

    await item.locator(".bubble button.cite").nth(1).focus();
    await page.keyboard.press("Enter");
    expect(await focused(page)).toBe("summary: Sleep notes · page 3");
    expect(await item.locator(".sources li").nth(1).locator(".snippet").isVisible()).toBe(true);
    expect(await item.locator(".sources li").nth(0).locator(".snippet").isVisible()).toBe(false);
    await page.keyboard.press("Enter");
    expect(await item.locator(".sources li").nth(1).locator(".snippet").isVisible()).toBe(false);
    await page.context().close();
  });

  it("leave a marker without a source as plain text", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await rewriteAnswers(page, (frame) => ({
      ...frame,
      text: "As in [1] and [3].",
      citations: TWO_SOURCES.slice(0, 1),
    }));
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    const item = await answer(page);
    expect(await item.locator(".bubble button.cite").allInnerTexts()).toEqual(["[1]"]);
    expect((await messages(page)).at(-1)?.text).toBe("As in [1] and [3].");
    await page.context().close();
  });
});

describe("what an answer rests on", () => {
  it("says in plain words when the built-in answerer quoted the coach's material", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await rewriteAnswers(page, (frame) => ({
      ...frame,
      text: "Wake at the same time every day, even on weekends [1].",
      citations: TWO_SOURCES.slice(0, 1),
      grounding: "material",
      model: "builtin",
    }));
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    const item = await answer(page);
    expect(await item.locator(".origin").allInnerTexts()).toEqual(["Quoted from Maya’s material"]);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-builtin-answer.png` });

    // The note is part of the answer the visitor keeps: it comes back after a reload.
    await page.reload();
    await page.locator("#coach-widget textarea").waitFor({ state: "visible" });
    await expect
      .poll(() => page.locator("#coach-widget .msg.assistant .origin").allInnerTexts())
      .toEqual(["Quoted from Maya’s material"]);
    await page.context().close();
  });

  it("labels general knowledge and the coach's own answer", async () => {
    const page = await (await newVisitor(browser)).newPage();
    let answers = 0;
    await rewriteAnswers(page, (frame) => {
      if (frame.type === "done") answers += 1;
      return answers === 1
        ? {
            ...frame,
            text: "General knowledge (not from my material): drink water first.",
            citations: [],
            grounding: "general",
            model: "llama3.2:1b",
          }
        : {
            ...frame,
            text: "Start with five minutes, every single morning.",
            citations: TWO_SOURCES.slice(0, 1),
            grounding: "curated",
            model: "builtin",
          };
    });
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, "What should I drink in the morning?");
    await expect
      .poll(() => page.locator("#coach-widget .msg.assistant .origin").allInnerTexts(), {
        timeout: 20_000,
      })
      .toEqual(["General knowledge, not from Maya’s material"]);
    await ask(page, ROUTINE_QUESTION);
    await expect
      .poll(() => page.locator("#coach-widget .msg.assistant .origin").allInnerTexts(), {
        timeout: 20_000,
      })
      .toEqual(["General knowledge, not from Maya’s material", "Maya’s own answer"]);
    // The coach's own answer comes from their correction in the library, not from material to cite.
    expect(
      await page.locator("#coach-widget .msg.assistant").last().locator(".sources").count(),
    ).toBe(0);
    const general = page.locator("#coach-widget .msg.assistant .origin.general");
    // Above the answer it describes, so it is read first.
    expect(
      await general.evaluate((el) => el.nextElementSibling?.classList.contains("bubble")),
    ).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-grounding-labels.png` });
    await page.context().close();
  });
});
