// Joining and leaving a coaching program from the widget: the embed names the program (`data-program`,
// or `window.CoachWidgetConfig`), the panel offers to join it, shows the enrolment (also after a reload),
// and stops every coaching message after the visitor confirms; the dashboard's API sees the same. What
// goes wrong (an unknown program, no network) is said in plain words with a way to try again. The
// panel's other visitor-token calls, the membership plans, are in membership-plans.test.ts.
import { formatMessage } from "@coach/contracts/messages";
import type { EnrollmentView } from "@coach/contracts/programs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { PROGRAM_STRINGS, STRINGS } from "../src/shared/strings";
import { launchChromium, newVisitor, openChat, SCREENSHOTS } from "./support/browser";
import { createWaitingProgram, demoCreatorApi, type CreatorApi } from "./support/creator-api";

const stack = inject("stack");
let browser: Browser;
let api: CreatorApi;

/**
 * The demo site with the embed snippet naming `slug` in `data-program`, as a creator would paste it. The
 * attribute is added as the parser inserts the tag, before the async script runs: a page served through
 * a Playwright route would count as public and lose access to the local edge (Chromium's Local Network
 * Access), so the page itself stays the demo server's.
 */
async function pageOffering(context: BrowserContext, slug: string): Promise<Page> {
  await context.addInitScript((program) => {
    new MutationObserver((_, observer) => {
      const tag = document.querySelector("script[data-creator]");
      if (!tag) return;
      tag.setAttribute("data-program", program);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, slug);
  return context.newPage();
}

function bar(page: Page) {
  return page.locator("#coach-widget .program");
}

function barText(page: Page): Promise<string> {
  return bar(page).locator("p").innerText();
}

function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(
    () => document.getElementById("coach-widget")?.shadowRoot?.activeElement?.textContent ?? "",
  );
}

beforeAll(async () => {
  browser = await launchChromium();
  api = await demoCreatorApi(stack.edgeUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("joining a coaching program from the widget", () => {
  it("joins with the button, stays enrolled after a reload, and stops every coaching message after confirming", async () => {
    const program = await createWaitingProgram(api, "Morning momentum", "momentum");
    const enrollments = async () =>
      (await api<{ enrollments: EnrollmentView[] }>(`/api/v1/enrollments?program_id=${program.id}`))
        .enrollments;
    const context = await newVisitor(browser);
    const page = await pageOffering(context, program.slug);
    await page.goto(stack.demoUrl);
    await openChat(page);

    const join = page.getByRole("button", {
      name: formatMessage(PROGRAM_STRINGS.join, { program: "Morning momentum" }),
    });
    await join.waitFor();
    expect(await bar(page).getAttribute("aria-label")).toBe(PROGRAM_STRINGS.label);
    // Slow the join down, so the moment it is in flight can be seen: the button cannot be pressed twice.
    await context.route("**/api/v1/widget/enroll", async (route) => {
      await new Promise((done) => setTimeout(done, 400));
      await route.continue();
    });
    await join.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => join.isDisabled()).toBe(true);

    await expect
      .poll(() => barText(page), { timeout: 10_000 })
      .toBe(formatMessage(PROGRAM_STRINGS.enrolledIn, { program: "Morning momentum" }));
    expect(await focusedLabel(page)).toBe(PROGRAM_STRINGS.leave);
    expect((await enrollments()).map((e) => e.status)).toEqual(["active"]);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-program-enrolled.png` });

    // The panel reopens by itself after a reload and asks the edge, not this tab, where the visitor stands.
    await page.reload();
    await expect
      .poll(() => barText(page), { timeout: 10_000 })
      .toBe(formatMessage(PROGRAM_STRINGS.enrolledIn, { program: "Morning momentum" }));

    await page.getByRole("button", { name: PROGRAM_STRINGS.leave }).click();
    expect(await barText(page)).toBe(PROGRAM_STRINGS.confirmLeave);
    expect((await enrollments()).map((e) => e.status)).toEqual(["active"]);
    await page.getByRole("button", { name: PROGRAM_STRINGS.confirmYes }).click();
    await expect.poll(() => barText(page), { timeout: 10_000 }).toBe(PROGRAM_STRINGS.stoppedNote);
    expect(
      await page
        .getByRole("button", {
          name: formatMessage(PROGRAM_STRINGS.join, { program: "Morning momentum" }),
        })
        .isVisible(),
    ).toBe(true);

    const [stopped] = await enrollments();
    expect(stopped?.status).toBe("opted_out");
    const coaching = await api<{ opted_out: boolean }>(
      `/api/v1/contacts/${stopped?.contact_id}/coaching`,
    );
    expect(coaching.opted_out).toBe(true);
    await context.close();
  });

  it("says in plain words when the program does not exist, with a retry", async () => {
    const context = await newVisitor(browser);
    // The JavaScript form of the option, for sites that cannot add attributes to the tag.
    await context.addInitScript(() => {
      window.CoachWidgetConfig = { program: "no-such-program" };
    });
    const page = await context.newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    await expect.poll(() => barText(page), { timeout: 10_000 }).toBe(PROGRAM_STRINGS.notFound);
    expect(await page.getByRole("button", { name: STRINGS.retry }).count()).toBe(1);
    expect(await bar(page).locator("p").getAttribute("role")).toBe("status");
    await context.close();
  });

  it("recovers with Retry once the network is back", async () => {
    const program = await createWaitingProgram(api, "Evening wind-down", "wind-down");
    const context = await newVisitor(browser);
    const page = await pageOffering(context, program.slug);
    await context.route("**/api/v1/widget/enrollment?**", (route) =>
      route.abort("internetdisconnected"),
    );
    await page.goto(stack.demoUrl);
    await openChat(page);
    await expect.poll(() => barText(page), { timeout: 10_000 }).toBe(PROGRAM_STRINGS.offline);

    await context.unroute("**/api/v1/widget/enrollment?**");
    await page.getByRole("button", { name: STRINGS.retry }).click();
    await page
      .getByRole("button", {
        name: formatMessage(PROGRAM_STRINGS.join, { program: "Evening wind-down" }),
      })
      .waitFor();
    await context.close();
  });
});
