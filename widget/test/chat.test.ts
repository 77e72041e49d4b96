// The widget on a creator's page of another origin, in real Chromium against the real stack: the
// theme, asking and watching the answer stream in with its sources, history after a reload, a socket
// cut mid-answer resumed without duplicates, a refused token replaced by a fresh session, and a site the
// creator did not allow.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
  recordStreaming,
  SCREENSHOTS,
  STAND_IN_WORDS,
  standIn,
  standInAnswer,
  waitForLauncher,
} from "./support/browser";
import { COACH_MATERIAL_TITLE, ROUTINE_QUESTION } from "../../test/support/coach-material";

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

describe("the widget on an allowed site", () => {
  it("draws the launcher in the creator's primary colour, isolated in a shadow root", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await waitForLauncher(page);
    const colour = await page
      .locator("#coach-widget .launcher")
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).toBe("rgb(15, 118, 110)");
    // The demo site's loud button rule (dashed black border) must not reach the widget's button.
    expect(
      await page
        .locator("#coach-widget .launcher")
        .evaluate((el) => getComputedStyle(el).borderTopStyle),
    ).toBe("none");
    expect(
      await page.evaluate(() => document.getElementById("coach-widget")?.shadowRoot?.mode),
    ).toBe("open");
    await page.screenshot({ path: `${SCREENSHOTS}/widget-launcher.png` });
    await page.context().close();
  });

  it("streams the answer in, shows its sources, and sticks to a strict CSP", async () => {
    await standIn(stack.controlUrl, { tokensPerSecond: 25, replyTokens: 16 });
    const page = await (await newVisitor(browser)).newPage();
    const events: string[] = [];
    await page.exposeFunction("__event", (name: string) => events.push(name));
    await page.addInitScript(() => {
      for (const name of ["ready", "open", "message", "error"])
        window.addEventListener(
          `coach:${name}`,
          () => void (window as unknown as { __event: (n: string) => void }).__event(name),
        );
    });
    await page.goto(stack.demoUrl);
    await openChat(page);
    await recordStreaming(page);
    await ask(page, ROUTINE_QUESTION);

    await expect
      .poll(
        async () => (await messages(page)).find((m) => m.role === "assistant" && !m.busy)?.sources,
        { timeout: 15_000 },
      )
      .toEqual([COACH_MATERIAL_TITLE]);
    const answer = standInAnswer(STAND_IN_WORDS, 16);
    const log = await messages(page);
    expect(log.map((m) => [m.role, m.text])).toEqual([
      ["user", ROUTINE_QUESTION],
      ["assistant", answer],
    ]);
    const streamed = await page.evaluate(() => window.__streamed);
    expect(streamed.length).toBeGreaterThan(2);
    for (const text of streamed) expect(answer.startsWith(text)).toBe(true);
    await expect
      .poll(() => page.locator("#coach-widget .msg.user .meta").innerText())
      .toContain("Delivered");
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(events).toEqual(expect.arrayContaining(["ready", "open", "message"]));
    expect(events).not.toContain("error");
    await page.screenshot({ path: `${SCREENSHOTS}/widget-answer.png` });

    // A reload keeps the visitor, the conversation and the open panel.
    await page.reload();
    await page.locator("#coach-widget textarea").waitFor({ state: "visible" });
    await expect
      .poll(async () => (await messages(page)).map((m) => m.text))
      .toEqual([ROUTINE_QUESTION, answer]);
    // Also from the server alone: without the local copy, `hello {last_seq: 0}` brings the history back.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage))
        if (key.endsWith(".log")) localStorage.removeItem(key);
    });
    await page.reload();
    await expect
      .poll(async () => (await messages(page)).map((m) => m.text))
      .toEqual([ROUTINE_QUESTION, answer]);
    await page.context().close();
  });

  it("resumes an answer after the socket is cut mid-stream, without duplicating text", async () => {
    await standIn(stack.controlUrl, { tokensPerSecond: 10, replyTokens: 30 });
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    await recordStreaming(page);
    await ask(page, ROUTINE_QUESTION);
    await expect
      .poll(async () => (await messages(page)).find((m) => m.busy)?.text.split(" ").length ?? 0, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(5);

    await page.evaluate(() => window.__sockets.at(-1)?.close());
    await expect.poll(() => page.evaluate(() => window.__sockets.length)).toBeGreaterThanOrEqual(2);
    const answer = standInAnswer(STAND_IN_WORDS, 30);
    await expect
      .poll(
        async () => (await messages(page)).find((m) => m.role === "assistant" && !m.busy)?.text,
        { timeout: 15_000 },
      )
      .toBe(answer);

    const streamed = await page.evaluate(() => window.__streamed);
    for (const text of streamed) expect(answer.startsWith(text), `streamed "${text}"`).toBe(true);
    expect((await messages(page)).filter((m) => m.role === "assistant")).toHaveLength(1);
    await page.context().close();
  });

  it("takes a fresh session when the socket refuses its token", async () => {
    const page = await (await newVisitor(browser)).newPage();
    let sessions = 0;
    // The first session's token is spoiled, as an expired one would be: the socket upgrade answers 401.
    await page.route("**/api/v1/widget/session", async (route) => {
      const res = await route.fetch();
      if (route.request().method() !== "POST" || ++sessions > 1)
        return route.fulfill({ response: res });
      const body = (await res.json()) as { socket_url: string };
      const url = new URL(body.socket_url);
      url.searchParams.set("token", "vt1.expired.token");
      await route.fulfill({ response: res, json: { ...body, socket_url: url.toString() } });
    });
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    await expect
      .poll(
        async () => (await messages(page)).find((m) => m.role === "assistant" && !m.busy)?.sources,
        { timeout: 15_000 },
      )
      .toEqual([COACH_MATERIAL_TITLE]);
    expect(sessions).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });
});

describe("the widget on a site the creator did not allow", () => {
  it("gets no configuration and no session, shows nothing and reports coach:error", async () => {
    const page = await (await newVisitor(browser)).newPage();
    const sessions: string[] = [];
    page.on("request", (req) => {
      if (req.url().includes("/widget/session")) sessions.push(req.url());
    });
    await page.addInitScript(() => {
      window.addEventListener("coach:error", (event) =>
        document.documentElement.setAttribute(
          "data-coach-error",
          String((event as CustomEvent<{ code: string }>).detail.code),
        ),
      );
    });
    await page.goto(stack.foreignUrl);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.getAttribute("data-coach-error")))
      .toBe("origin_not_allowed");
    expect(await page.locator("#coach-widget").count()).toBe(0);
    expect(sessions).toEqual([]);
    // Asking for a session directly from this origin is refused too.
    const direct = await page.evaluate(
      async ({ edge, key }) => {
        try {
          const res = await fetch(`${edge}/api/v1/widget/session`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ public_key: key }),
          });
          return res.ok ? "session" : `status ${res.status}`;
        } catch {
          return "blocked";
        }
      },
      { edge: stack.edgeUrl, key: stack.publicKey },
    );
    expect(direct).not.toBe("session");
    await page.context().close();
  });
});
