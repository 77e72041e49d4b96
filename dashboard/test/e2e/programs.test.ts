// The programs screen in real Chromium: a creator makes a program, adds a step the flow cannot reach,
// sees the API's problem on that very step, removes it and saves a new version, then opens the
// analytics and downloads them as CSV.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpThroughScreen,
} from "../support/dashboard-page";

const { dashboardUrl } = inject("dashboard");

let browser: Browser;
let creator: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("the programs screen", () => {
  it("builds a program's flow, shows validation problems on the offending step, and saves a new version", async () => {
    const { page } = creator;
    await signUpThroughScreen(page, dashboardUrl, {
      name: "Rita Runner",
      email: `rita.${Date.now()}@example.test`,
      password: "Tide-pool orbit 42",
    });
    await openScreen(page, "Programs");
    await page.getByRole("heading", { level: 1, name: "Programs" }).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Run 5K");
    await page.getByLabel("Short name").fill(`run5k-${Date.now()}`);
    await page.getByRole("button", { name: "Create program" }).click();
    await expect.poll(() => page.locator(".flow-step").count(), { timeout: 15_000 }).toBe(2);

    await page.getByRole("button", { name: "+ Check-in" }).click();
    // A step not connected yet waits beside the flow, not under its end.
    const box = async (id: string) =>
      page.locator(".flow-step", { has: page.locator("code", { hasText: id }) }).boundingBox();
    const [added, end] = [await box("checkin-1"), await box("end")];
    expect(added && end && added.x > end.x + end.width / 2).toBe(true);
    await page.getByRole("button", { name: "Save as new version" }).click();
    // The unconnected check-in is flagged on its own card (the start it competes with may be too).
    const offending = page.locator(".flow-step.has-problems", {
      has: page.locator("code", { hasText: "checkin-1" }),
    });
    await expect.poll(() => offending.count(), { timeout: 10_000 }).toBe(1);
    expect(await offending.locator(".flow-step-problems").innerText()).toMatch(/\S/);
    expect(
      await page
        .locator(".flow-step:not(.has-problems)", { has: page.locator("code", { hasText: "end" }) })
        .count(),
    ).toBe(1);
    await expect.poll(() => page.getByRole("alert").first().innerText()).toMatch(/problem/);
    await screenshot(page, "programs-flow-problems");

    await offending.click();
    await page.getByRole("button", { name: "Delete step" }).click();
    // Removing the stray step alone gives back version 1's steps; a changed text makes version 2.
    await page.locator(".flow-step", { has: page.locator("code", { hasText: "welcome" }) }).click();
    await page.getByLabel("Text", { exact: true }).fill("Welcome! This week: three easy runs.");
    await page.getByRole("button", { name: "Save as new version" }).click();
    await page.getByText("Saved: version 2.").waitFor();
    expect(await page.locator(".flow-step.has-problems").count()).toBe(0);
    // The list follows the save.
    await expect
      .poll(() => page.locator(".programs-list button", { hasText: "Run 5K" }).innerText())
      .toContain("v2");
  });

  it("shows the program's analytics and downloads them as CSV", async () => {
    const { page } = creator;
    await page.getByRole("tab", { name: "Analytics" }).click();
    await page.getByText("Enrolment funnel").first().waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^program-run5k-\d+-analytics\.csv$/);
    await screenshot(page, "programs-analytics");
  });
});
