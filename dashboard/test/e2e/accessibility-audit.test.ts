// axe-core on every screen of the dashboard (each entry of screens.tsx, found through the menu, plus
// sign-in and sign-up) at desktop size and on a 390×844 phone, with a workspace that has material, a
// program and conversations, and on the widget open and answering: no serious or critical violation.
// Along the way, what a phone and a keyboard showed wrong: every screen opens at its top and fits the
// screen's width, Markdown in answers is shown as formatting (never as asterisks), and a crisis is
// flagged only as urgent, its fixed reply offering no correction.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
  STAND_IN_WORDS,
  standIn,
} from "../../../widget/test/support/browser";
import { COACH_MATERIAL, ROUTINE_QUESTION } from "../../../test/support/coach-material";
import { auditPage } from "../support/axe-audit";
import { creatorBrowser, settled, signUpThroughScreen } from "../support/dashboard-page";
import { serveHtml, type Served } from "../support/static-server";

const { dashboardUrl, controlUrl } = inject("dashboard");
const VIEWPORTS = {
  desktop: { width: 1360, height: 900 },
  phone: { width: 390, height: 844 },
} as const;
const PERSON = {
  name: "Aria Audit",
  email: `aria.${Date.now()}@example.test`,
  password: "Tide-pool orbit 42",
};
const CRISIS = "honestly i just want to go to sleep and not wake up";

let browser: Browser;
let creator: { context: BrowserContext; page: Page };
let site: Served | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  // The reply words are not among the defaults `{}` restores: the next file expects the usual answer.
  await standIn(controlUrl, { replyWords: STAND_IN_WORDS });
  await site?.close();
  await browser?.close();
});

/** Opens `route` as the menu does (no reload: the audit is injected once). */
async function navigate(page: Page, route: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, route);
}

/**
 * What stands in a person's way on the screen shown: axe-core's serious and critical violations, a
 * screen that opens anywhere but at its top, a page wider than the phone (only a screen's own boxes
 * may scroll sideways).
 */
async function problems(page: Page, where: string): Promise<string[]> {
  if (
    !(await settled(page).then(
      () => true,
      () => false,
    ))
  )
    return [`${where}: still loading`];
  const { scrolled, overflow } = await page.evaluate(() => ({
    scrolled: window.scrollY,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  return [
    ...(await auditPage(page, where)),
    ...(scrolled > 0 ? [`${where}: opens scrolled ${scrolled}px down`] : []),
    ...(overflow > 0 ? [`${where}: the page is ${overflow}px wider than the screen`] : []),
  ];
}

/** Audits every screen of the menu, then the inbox with each conversation open and a program's flow. */
async function auditScreens(page: Page, size: keyof typeof VIEWPORTS): Promise<string[]> {
  await page.setViewportSize(VIEWPORTS[size]);
  const found: string[] = [];
  // Hidden on a phone until the menu opens, and there all the same.
  const routes = await page
    .locator("#sidebar a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(routes.length).toBeGreaterThan(10);
  for (const route of routes) {
    await navigate(page, route);
    found.push(...(await problems(page, `${route} (${size})`)));
  }

  await navigate(page, "/inbox");
  await page.getByLabel("Urgent", { exact: true }).check();
  await expect.poll(() => page.locator(".conversation-item").count()).toBe(1);
  await page.locator(".conversation-item").click();
  await page.locator(".transcript-msg.msg-assistant").first().waitFor();
  found.push(...(await problems(page, `an urgent conversation (${size})`)));
  expect(await page.locator(".transcript").getByText("Asked for a human").count()).toBe(0);
  expect(await page.getByRole("button", { name: "Correct this answer" }).count()).toBe(0);

  // On a phone the list and a conversation take turns on the screen.
  await navigate(page, "/inbox");
  await page.getByLabel("Urgent", { exact: true }).uncheck();
  const answered = page.locator(".conversation-item", { hasText: "Start small" });
  await answered.click();
  const answer = page.locator(".transcript-msg.msg-assistant").last();
  await expect.poll(() => answer.locator(".msg-text strong").allInnerTexts()).toEqual(["Start"]);
  expect(await answer.locator(".msg-text").innerText()).not.toContain("*");
  found.push(...(await problems(page, `an answered conversation (${size})`)));

  await navigate(page, "/programs");
  await page.getByRole("button", { name: /^Audit journey/ }).click();
  await page.locator(".flow-step").first().waitFor();
  found.push(...(await problems(page, `a program's flow (${size})`)));
  return found;
}

describe("accessibility (axe-core) and small screens", () => {
  it("finds no serious or critical violation on sign-in and sign-up, on a desktop and a phone", async () => {
    creator = await creatorBrowser(browser, dashboardUrl, VIEWPORTS.desktop);
    const { page } = creator;
    await page.goto(dashboardUrl);
    const found: string[] = [];
    for (const size of ["desktop", "phone"] as const) {
      await page.setViewportSize(VIEWPORTS[size]);
      await page.getByRole("heading", { name: "Sign in" }).waitFor();
      found.push(...(await auditPage(page, `sign-in (${size})`)));
      await page.getByRole("link", { name: "Create an account" }).click();
      await page.getByRole("heading", { name: "Create your coaching workspace" }).waitFor();
      found.push(...(await auditPage(page, `sign-up (${size})`)));
      await page.getByRole("link", { name: "Sign in" }).click();
    }
    expect(found).toEqual([]);
  });

  it("finds none in the widget, open and answering, where a visitor also writes in crisis", async () => {
    const { page } = creator;
    await page.setViewportSize(VIEWPORTS.desktop);
    await signUpThroughScreen(page, dashboardUrl, PERSON);
    await navigate(page, "/knowledge");
    await page.getByLabel("Choose files to upload").setInputFiles({
      name: "routine-guide.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(`# Routine guide\n\n${COACH_MATERIAL}\n`),
    });
    await navigate(page, "/programs");
    await page.getByLabel("Name", { exact: true }).fill("Audit journey");
    await page.getByLabel("Short name").fill(`audit-${Date.now()}`);
    await page.getByRole("button", { name: "Create program" }).click();
    await page.locator(".flow-step").first().waitFor();
    await navigate(page, "/widget");
    const snippet = await page.getByTestId("embed-snippet").innerText();
    site = await serveHtml(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Aria's coaching</title></head><body><main><h1>Aria's coaching</h1></main>${snippet}</body></html>`,
    );
    await page.getByLabel("Add a site").fill(site.url);
    await page.getByRole("button", { name: "Add site" }).click();
    await page.getByRole("button", { name: "Save widget" }).click();
    await page.getByText("Saved. Visitors see the changes within a minute.").waitFor();
    await standIn(controlUrl, {
      replyWords: ["**Start**", "small,", "*then*", "grow."],
      replyTokens: 4,
    });
    const found: string[] = [];
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const visitor = await newVisitor(browser, { viewport });
      const visit = await visitor.newPage();
      await visit.goto(site.url);
      await openChat(visit);
      found.push(...(await auditPage(visit, `widget open (${size})`)));
      await ask(visit, size === "desktop" ? ROUTINE_QUESTION : CRISIS);
      await expect
        .poll(
          async () =>
            (await messages(visit)).filter((m) => m.role === "assistant" && !m.busy).length,
          { timeout: 20_000 },
        )
        .toBe(1);
      found.push(...(await auditPage(visit, `widget with an answer (${size})`)));
      await visitor.close();
    }
    expect(found).toEqual([]);
  });

  for (const size of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    it(`finds none on any screen on a ${size}, each opening at its top within the screen's width`, async () => {
      expect(await auditScreens(creator.page, size)).toEqual([]);
    });
  }
});
