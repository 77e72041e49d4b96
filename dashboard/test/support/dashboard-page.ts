// Helpers for driving the dashboard in Chromium: the creator's browser (clipboard allowed for the
// dashboard), navigation by the menu, and screenshots saved where a reviewer can look at them.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * dashboard/test/screenshots is committed, so the screens can be reviewed without running anything, and
 * `UPDATE_SCREENSHOTS=1` refreshes it; `SCREENSHOTS=1` saves a run's pictures in test-results/ (ignored,
 * so the tree stays clean).
 */
export const DASHBOARD_SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? path.resolve(import.meta.dirname, "../screenshots")
    : path.resolve(import.meta.dirname, "../../../test-results/dashboard-screenshots");

/** Pictures are taken only when asked for: drawing full pages costs every ordinary run time. */
export const SCREENSHOTS_ASKED =
  process.env.SCREENSHOTS === "1" || process.env.UPDATE_SCREENSHOTS === "1";

/** A creator's browser on the dashboard, allowed to use the clipboard. */
export async function creatorBrowser(
  browser: Browser,
  dashboardUrl: string,
  viewport = { width: 1360, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: dashboardUrl });
  return { context, page: await context.newPage() };
}

/** Opens a screen from the main menu. */
export async function openScreen(page: Page, label: string): Promise<void> {
  const menu = page.getByRole("navigation", { name: "Main" });
  await menu.getByRole("link", { name: label, exact: true }).click();
}

/** Waits until the screen (titled `heading`, or any) has replaced its loading placeholders with content. */
export async function settled(page: Page, heading?: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await expect
    .poll(() => page.locator('.skeleton, [role="status"] .spinner').count(), { timeout: 15_000 })
    .toBe(0);
}

/** Saves a full-page screenshot as <name>.png in DASHBOARD_SCREENSHOTS (only when asked for). */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS_ASKED) return;
  mkdirSync(DASHBOARD_SCREENSHOTS, { recursive: true });
  // Spinners and skeleton shimmer would make the pictures differ run to run for no reason; the sticky
  // sidebar would be drawn where the viewport happened to be scrolled, not along the whole page.
  await page.addStyleTag({
    content: [
      "*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; }",
      ".sticky { position: static !important; }",
      "@media (min-width: 861px) { .shell { position: relative; } .content { grid-column: 2; } .sidebar { position: absolute !important; inset: 0 auto 0 0; width: 250px; height: auto !important; } }",
    ].join(" "),
  });
  await page.screenshot({ path: path.join(DASHBOARD_SCREENSHOTS, `${name}.png`), fullPage: true });
}

let signUps = 0;

/**
 * Gives the page's sign-up requests an address of their own, as separate people would have: the edge
 * allows 10 sign-ups per address per hour, and the suite signs up more creators than that from one
 * machine. `wrangler dev` keeps a `CF-Connecting-IP` the request already carries.
 */
export async function signUpFromOwnAddress(page: Page): Promise<void> {
  signUps += 1;
  const address = `198.51.100.${signUps}`;
  await page.route("**/api/v1/auth/register", (route) =>
    route.continue({ headers: { ...route.request().headers(), "CF-Connecting-IP": address } }),
  );
}

/** Signs up a new creator through the sign-up screen; resolves when the dashboard greets them. */
export async function signUpThroughScreen(
  page: Page,
  dashboardUrl: string,
  person: { name: string; email: string; password: string },
  shotName?: string,
): Promise<void> {
  await signUpFromOwnAddress(page);
  await page.goto(dashboardUrl);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  if (shotName) await screenshot(page, shotName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: `Welcome, ${person.name.split(" ")[0]}` }).waitFor();
}
