// The widget's own words in the visitor's language: a Spanish browser (`navigator.languages` es-ES)
// sees Spanish when the persona speaks Spanish (and tells the edge, which writes check-ins in it), and the
// persona's first language when it does not; the room's refusals (`error` frames) are said in that language by their code.
import type { WebSocketRoute } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { ERROR_STRINGS } from "../src/i18n/error-strings";
import { LAUNCHER_STRINGS } from "../src/i18n/launcher-strings";
import { UI_STRINGS } from "../src/i18n/ui-strings";
import { newVisitor, openChat } from "./support/browser";
import { languageSuite } from "./support/language-suite";

const stack = inject("stack");
const suite = languageSuite();
const { speak } = suite;

/**
 * The composer's placeholder, the send button and the launcher's label a Spanish browser sees, and the
 * language its session requests tell the edge.
 */
async function seenBySpanishBrowser() {
  const context = await newVisitor(suite.browser, { locale: "es-ES" });
  const page = await context.newPage();
  const sessionLocales: (string | undefined)[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/widget/session"))
      sessionLocales.push((request.postDataJSON() as { locale?: string }).locale);
  });
  await page.goto(stack.demoUrl);
  await openChat(page);
  const widget = page.locator("#coach-widget");
  const seen = {
    browser: await page.evaluate(() => navigator.languages),
    placeholder: await widget.locator("textarea").getAttribute("placeholder"),
    send: await widget.locator("button[type=submit]").innerText(),
    launcher: await widget.locator(".launcher").getAttribute("aria-label"),
    sessionLocales,
  };
  await context.close();
  return seen;
}

describe("the widget's language", () => {
  it("speaks Spanish to a Spanish browser when the persona speaks Spanish", async () => {
    await speak(["en", "es"]);
    const seen = await seenBySpanishBrowser();
    expect(seen.browser).toEqual(["es-ES"]);
    expect(seen).toMatchObject({
      placeholder: UI_STRINGS.es.placeholder,
      send: UI_STRINGS.es.send,
    });
    expect(seen.launcher).toMatch(new RegExp(`^${LAUNCHER_STRINGS.es.openChat}: `));
    expect(seen.sessionLocales.length).toBeGreaterThan(0);
    expect(new Set(seen.sessionLocales)).toEqual(new Set(["es-ES"]));
  });

  it("speaks the persona's language to a Spanish browser when the persona speaks only English", async () => {
    await speak(["en"]);
    const seen = await seenBySpanishBrowser();
    expect(seen).toMatchObject({
      placeholder: UI_STRINGS.en.placeholder,
      send: UI_STRINGS.en.send,
    });
    expect(seen.sessionLocales.length).toBeGreaterThan(0);
    expect(new Set(seen.sessionLocales)).toEqual(new Set([undefined]));
  });
});

describe("the room's refusals", () => {
  it("are said in the visitor's language by their code, and in the server's words for a code the widget does not know", async () => {
    await speak(["en", "es"]);
    const context = await newVisitor(suite.browser, { locale: "es-ES" });
    const page = await context.newPage();
    // The real socket, with a way to slip in a frame as the room sends it.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/api\/v1\/widget\/socket/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    await page.goto(stack.demoUrl);
    await openChat(page);
    await expect.poll(() => sockets.length).toBeGreaterThan(0);
    const notice = page.locator("#coach-widget .notice");
    const roomSays = (frame: object) => sockets.at(-1)?.send(JSON.stringify(frame));

    roomSays({
      type: "error",
      code: "rate_limited",
      message: "You are sending messages too quickly. Wait a moment, then send again.",
      retry_after: 3,
    });
    await expect.poll(() => notice.innerText()).toBe(ERROR_STRINGS.es.rate_limited);

    roomSays({
      type: "error",
      code: "quota_reached",
      message: "The coach's monthly quota is used up.",
    });
    await expect.poll(() => notice.innerText()).toBe("The coach's monthly quota is used up.");
    await context.close();
  });
});
