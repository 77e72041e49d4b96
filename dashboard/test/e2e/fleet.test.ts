// The Bridges screen in real Chromium, as a creator adds their own machine: the empty fleet says the
// shared server answers, a bridge added with a secret the edge made up shows that secret once, its row
// shows its health, load and index, the screen fits a phone's width, and removing it asks twice.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  settled,
  signUpThroughScreen,
} from "../support/dashboard-page";

const { dashboardUrl } = inject("dashboard");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 900 };
const SAVED = { timeout: 15_000 };

let browser: Browser;
let creator: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
  await signUpThroughScreen(creator.page, dashboardUrl, {
    name: "Noor Fleet",
    email: `noor.${Date.now()}@example.test`,
    password: "Lantern harbour 61",
  });
});
afterAll(async () => {
  await browser?.close();
});

function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe("the Bridges screen", () => {
  it("adds a bridge, shows its secret once and its health, load and index, fits a phone, and removes it", async () => {
    const { page } = creator;
    await openScreen(page, "Bridges");
    await settled(page, "Bridges");
    await page.getByRole("heading", { name: "No bridges of your own" }).waitFor();

    await page.getByLabel("Name").fill("Home server");
    await page.getByLabel("Address").fill("https://bridge.example.com");
    await page.getByRole("button", { name: "Add bridge" }).click();
    const secret = page.locator("code", { hasText: /^brsec_/ });
    await secret.waitFor(SAVED);
    expect(await secret.innerText()).toMatch(/^brsec_[A-Za-z0-9_-]{43}$/);

    const row = page.locator('tr[data-bridge="Home server"]');
    await row.waitFor(SAVED);
    const text = await row.innerText();
    expect(text).toContain("https://bridge.example.com");
    expect(text).toContain("Up");
    expect(text).toContain("Not reported yet");
    // A workspace without documents: its index holds all there is.
    expect(text).toContain("Complete");
    expect(text).toContain("0 of 0 documents");
    await screenshot(page, "bridges");

    await page.setViewportSize(PHONE);
    await expect.poll(() => overflow(page)).toBeLessThanOrEqual(0);
    expect(await row.isVisible()).toBe(true);
    await screenshot(page, "mobile-bridges");
    await page.setViewportSize(DESKTOP);

    await page.getByRole("button", { name: "Delete the bridge “Home server”" }).click();
    await page.getByRole("button", { name: "Confirm deleting the bridge “Home server”" }).click();
    await page.getByRole("heading", { name: "No bridges of your own" }).waitFor(SAVED);
    expect(await row.count()).toBe(0);
  });
});
