// Keyboard-only use and the layout for other devices and languages: Tab reaches the launcher, Enter
// opens with focus in the composer, Escape closes and gives focus back; on a phone the panel fills the
// screen, and a right-to-left language mirrors it.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  launchChromium,
  newVisitor,
  openChat,
  SCREENSHOTS,
  waitForLauncher,
} from "./support/browser";

const stack = inject("stack");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The focused element inside the widget ("" when focus is elsewhere), as `tag.class`. */
function focusInWidget(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.getElementById("coach-widget");
    if (document.activeElement !== host) return "";
    const el = host?.shadowRoot?.activeElement;
    return el ? `${el.localName}.${el.className}` : "";
  });
}

describe("keyboard", () => {
  it("Tab reaches the launcher, Enter opens with focus in the input, Escape closes and returns focus", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await waitForLauncher(page);
    let presses = 0;
    while ((await focusInWidget(page)) !== "button.launcher" && presses < 20) {
      await page.keyboard.press("Tab");
      presses++;
    }
    expect(await focusInWidget(page)).toBe("button.launcher");
    expect(await page.locator("#coach-widget .launcher").getAttribute("aria-expanded")).toBe(
      "false",
    );

    await page.keyboard.press("Enter");
    await expect.poll(() => focusInWidget(page)).toBe("textarea.");
    expect(await page.locator("#coach-widget .launcher").getAttribute("aria-expanded")).toBe(
      "true",
    );
    const dialog = page.locator("#coach-widget [role=dialog]");
    expect(await dialog.getAttribute("aria-labelledby")).toBe("coach-title");
    expect(await page.locator("#coach-widget textarea").getAttribute("aria-label")).toBeTruthy();

    // Tab moves on through the panel's controls, and Escape from anywhere in it closes it.
    await page.keyboard.press("Tab");
    expect(await focusInWidget(page)).toBe("button.send");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isHidden()).toBe(true);
    expect(await focusInWidget(page)).toBe("button.launcher");
    expect(await page.locator("#coach-widget .launcher").getAttribute("aria-expanded")).toBe(
      "false",
    );
    await page.context().close();
  });

  it("keeps focus in the composer after a suggested question is chosen with the keyboard", async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    const chip = page.locator("#coach-widget .chips .chip").first();
    await chip.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => chip.isHidden()).toBe(true);
    expect(await focusInWidget(page)).toBe("textarea.");
    await context.close();
  });

  it("announces answers in a polite live region and honours reduced motion", async () => {
    const context = await newVisitor(browser);
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(stack.demoUrl);
    await openChat(page);
    expect(await page.locator("#coach-widget [aria-live=polite]").count()).toBeGreaterThanOrEqual(
      1,
    );
    expect(
      await page
        .locator("#coach-widget [role=dialog]")
        .evaluate((el) => getComputedStyle(el).animationName),
    ).toBe("none");
    await context.close();
  });
});

describe("small screens and right-to-left languages", () => {
  it("fills a phone's screen and mirrors for Arabic", async () => {
    const context = await newVisitor(browser, { viewport: { width: 375, height: 700 } });
    const page = await context.newPage();
    // The creator's settings as the edge would serve them in Arabic.
    await page.route("**/api/v1/widget/config/**", async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { settings: Record<string, unknown> };
      body.settings = {
        ...body.settings,
        language: "ar",
        assistant_name: "مايا",
        greeting: "مرحبا! بماذا تود أن نعمل اليوم؟",
        launcher_text: "تحدث معي",
      };
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(stack.demoUrl);
    await openChat(page);
    expect(await page.locator("#coach-widget").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("#coach-widget").getAttribute("lang")).toBe("ar");
    // Polled: the opening animation moves it for a moment.
    const box = async () => {
      const b = await page.locator("#coach-widget [role=dialog]").boundingBox();
      return b && [b.x, b.y, b.width, b.height].map(Math.round);
    };
    await expect.poll(box).toEqual([0, 0, 375, 700]);
    await page.locator("#coach-widget textarea").fill("كيف أبدأ روتيني الصباحي؟");
    await page.screenshot({ path: `${SCREENSHOTS}/widget-phone-rtl.png` });
    await context.close();
  });
});
