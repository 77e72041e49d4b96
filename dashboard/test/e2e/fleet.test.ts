// The Bridges screen in real Chromium, as a creator adds their own machine: the empty fleet says the
// shared server answers, a bridge added with a secret the edge made up shows that secret once, its row
// shows its health, load and index (and what it runs, with a warning when the fleet is too busy), the
// screen fits a phone's width, and removing it asks twice.
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

    // A busy fleet, as the pool would report it after answers: what each bridge runs, and a warning.
    await page.route("**/api/v1/bridges", async (route) => {
      const real = await route.fetch();
      const body = (await real.json()) as { bridges: Record<string, unknown>[] };
      const busy = body.bridges.map((b) => ({
        ...b,
        estimated_wait_ms: 45_000,
        load: {
          queue_depth: 6,
          running: 1,
          concurrency: 1,
          estimated_wait_ms: 45_000,
          version: "llama3.2:1b · nomic-embed-text@0a109f422b47",
        },
      }));
      await route.fulfill({ response: real, json: { bridges: busy } });
    });
    const warning = page.locator("[data-fleet-pressure]");
    await warning.waitFor(SAVED);
    expect(await warning.innerText()).toContain("cannot keep up: a new question waits about 45 s");
    expect(await row.innerText()).toContain("Runs llama3.2:1b · nomic-embed-text@0a109f422b47");
    await screenshot(page, "bridges-busy");
    await page.unroute("**/api/v1/bridges");

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
