// Joining and leaving a coaching program from the widget: the embed names the program (`data-program`,
// or `window.CoachWidgetConfig`), the panel offers to join it, shows the enrolment (also after a reload),
// and stops every coaching message after the visitor confirms; the dashboard's API sees the same. What
// goes wrong (an unknown program, no network) is said in plain words with a way to try again. Also the
// panel's other visitor-token calls: the membership plans (Checkout and the customer portal).
import type { PlanView, WidgetMembershipView } from "@coach/contracts/billing";
import type { EnrollmentView } from "@coach/contracts/programs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EXTRA, PROGRAM_STRINGS, STRINGS } from "../src/shared/strings";
import { launchChromium, newVisitor, openChat, SCREENSHOTS } from "./support/browser";
import { demoCreatorApi, type CreatorApi } from "./support/creator-api";

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
    const program = await api<{ id: string; slug: string }>("/api/v1/programs", {
      name: "Morning momentum",
      slug: `momentum-${Date.now()}`,
      steps: {
        nodes: [
          { id: "later", kind: "wait", duration_minutes: 600 },
          { id: "end", kind: "end" },
        ],
        edges: [{ from: "later", to: "end" }],
      },
    });
    const enrollments = async () =>
      (await api<{ enrollments: EnrollmentView[] }>(`/api/v1/enrollments?program_id=${program.id}`))
        .enrollments;
    const context = await newVisitor(browser);
    const page = await pageOffering(context, program.slug);
    await page.goto(stack.demoUrl);
    await openChat(page);

    const join = page.getByRole("button", { name: PROGRAM_STRINGS.join("Morning momentum") });
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
      .toBe(PROGRAM_STRINGS.enrolledIn("Morning momentum"));
    expect(await focusedLabel(page)).toBe(PROGRAM_STRINGS.leave);
    expect((await enrollments()).map((e) => e.status)).toEqual(["active"]);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-program-enrolled.png` });

    // The panel reopens by itself after a reload and asks the edge, not this tab, where the visitor stands.
    await page.reload();
    await expect
      .poll(() => barText(page), { timeout: 10_000 })
      .toBe(PROGRAM_STRINGS.enrolledIn("Morning momentum"));

    await page.getByRole("button", { name: PROGRAM_STRINGS.leave }).click();
    expect(await barText(page)).toBe(PROGRAM_STRINGS.confirmLeave);
    expect((await enrollments()).map((e) => e.status)).toEqual(["active"]);
    await page.getByRole("button", { name: PROGRAM_STRINGS.confirmYes }).click();
    await expect.poll(() => barText(page), { timeout: 10_000 }).toBe(PROGRAM_STRINGS.stoppedNote);
    expect(
      await page
        .getByRole("button", { name: PROGRAM_STRINGS.join("Morning momentum") })
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
    const program = await api<{ slug: string }>("/api/v1/programs", {
      name: "Evening wind-down",
      slug: `wind-down-${Date.now()}`,
      steps: {
        nodes: [
          { id: "later", kind: "wait", duration_minutes: 600 },
          { id: "end", kind: "end" },
        ],
        edges: [{ from: "later", to: "end" }],
      },
    });
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
    await page.getByRole("button", { name: PROGRAM_STRINGS.join("Evening wind-down") }).waitFor();
    await context.close();
  });
});

// The plans panel against the edge's own answers reshaped by Playwright: the widget suite's stack has
// no Stripe stand-in, and plans on the shared demo workspace would meter every other file's visitor.
// Each intercepted call still goes to the edge with the visitor's token (`route.fetch`), so its CORS
// headers are the edge's; only the body (and the status of the Stripe-backed calls) is replaced.
describe("the plans in the widget", () => {
  it("lists the paid plans only when some are on sale, and opens Checkout or the portal in a new tab", async () => {
    const monthly: PlanView = {
      id: "plan_monthly",
      kind: "paid",
      name: "Coaching club",
      monthly_messages: null,
      price_minor: 1900,
      currency: "usd",
      interval: "month",
      trial_days: 7,
      includes: { programs: [], channels: [] },
      stripe_price_id: "price_1",
      archived_at: null,
      created_at: 1,
    };
    const yearly: PlanView = {
      ...monthly,
      id: "plan_yearly",
      name: "Inner circle",
      price_minor: 19000,
      currency: "eur",
      interval: "year",
      trial_days: 0,
      stripe_price_id: "price_2",
    };
    const free: PlanView = {
      ...monthly,
      id: "plan_free",
      kind: "free",
      name: "Free",
      monthly_messages: 20,
      price_minor: null,
      currency: null,
      interval: null,
      trial_days: 0,
      stripe_price_id: null,
    };
    const checkoutUrl = "https://checkout.stripe.com/c/pay/cs_test_widget";
    const portalUrl = "https://billing.stripe.com/p/session/bps_test_widget";
    // The free plan's count this month, as the edge reads it: 18 of 20 used, more on the 1st of next month.
    const resetsAt = Date.UTC(2031, 4, 1);
    let membership: WidgetMembershipView = {
      plans: [free, monthly, yearly],
      current: null,
      allowance: {
        plan_id: "plan_free",
        monthly_messages: 20,
        used: 18,
        remaining: 2,
        resets_at: resetsAt,
      },
    };
    const asked: { route: string; body: unknown }[] = [];

    const context = await newVisitor(browser);
    const page = await context.newPage();
    // The demo workspace sells nothing: no "Plans" button once the edge has said so.
    const firstRead = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/widget/billing") && r.request().method() === "GET",
    );
    await page.goto(stack.demoUrl);
    await openChat(page);
    expect(((await (await firstRead).json()) as WidgetMembershipView).plans).toEqual([]);
    const plansButton = page.getByRole("button", { name: EXTRA.plans });
    expect(await plansButton.isVisible()).toBe(false);

    await context.route(`${stack.edgeUrl}/api/v1/widget/billing**`, async (route) => {
      const response = await route.fetch();
      const request = route.request();
      if (request.method() !== "GET" && request.method() !== "POST")
        return route.fulfill({ response });
      const name = new URL(request.url()).pathname.split("/widget/")[1] ?? "";
      asked.push({ route: name, body: request.postDataJSON() as unknown });
      const json =
        name === "billing"
          ? membership
          : { url: name === "billing/checkout" ? checkoutUrl : portalUrl };
      return route.fulfill({ response, status: 200, json });
    });
    for (const stripePage of [checkoutUrl, portalUrl])
      await context.route(stripePage, (route) =>
        route.fulfill({ contentType: "text/html", body: "<title>Stripe stand-in</title>" }),
      );
    await page.reload();
    await plansButton.waitFor();
    await plansButton.click();
    expect(await plansButton.getAttribute("aria-expanded")).toBe("true");
    const sheet = page.locator("#coach-widget .sheet");
    await sheet.locator(".plans li").nth(1).waitFor();
    const price = (amount: number, currency: string) =>
      new Intl.NumberFormat("en", { style: "currency", currency }).format(amount);
    expect(await sheet.locator(".plans li").allInnerTexts()).toEqual([
      expect.stringMatching(
        new RegExp(
          `Coaching club\\s+${escape(price(19, "USD"))} ${EXTRA.perMonth}\\s+${EXTRA.trial(7)}\\s+${EXTRA.choose("Coaching club")}`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `Inner circle\\s+${escape(price(190, "EUR"))} ${EXTRA.perYear}\\s+${EXTRA.choose("Inner circle")}`,
        ),
      ),
    ]);
    expect(await sheet.innerText()).toContain(EXTRA.freeAllowance("Free", 20));
    const resets = new Intl.DateTimeFormat("en", {
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    }).format(resetsAt);
    expect(await sheet.innerText()).toContain(EXTRA.allowanceLeft(2, resets));

    const checkout = context.waitForEvent("page");
    await page.getByRole("button", { name: EXTRA.choose("Inner circle") }).click();
    const checkoutTab = await checkout;
    await checkoutTab.waitForURL(checkoutUrl);
    expect(asked.at(-1)).toEqual({ route: "billing/checkout", body: { plan_id: "plan_yearly" } });
    expect(await checkoutTab.evaluate(() => window.opener)).toBeNull();
    await checkoutTab.close();

    // A member manages their membership in Stripe's portal instead.
    membership = {
      plans: [free, monthly, yearly],
      current: {
        plan_id: "plan_monthly",
        status: "active",
        cancel_at_period_end: false,
        current_period_end: Date.now() + 86_400_000,
      },
      allowance: null,
    };
    await plansButton.click();
    expect(await plansButton.getAttribute("aria-expanded")).toBe("false");
    await plansButton.click();
    const manage = page.getByRole("button", { name: EXTRA.manage });
    await manage.waitFor();
    expect(await sheet.innerText()).toContain(EXTRA.memberOf("Coaching club"));
    expect(await sheet.locator(".plans").count()).toBe(0);
    const portal = context.waitForEvent("page");
    await manage.click();
    await (await portal).waitForURL(portalUrl);
    expect(asked.at(-1)?.route).toBe("billing/portal");
    await page.screenshot({ path: `${SCREENSHOTS}/widget-plans-member.png` });
    await context.close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
