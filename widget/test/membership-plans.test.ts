// The membership plans in the widget: the panel lists the paid plans only when some are on sale, with
// the free plan's allowance left this month, opens Stripe Checkout for a plan and the customer portal
// for a member, each in a new tab without a handle back to the widget.
import type { PlanView, WidgetMembershipView } from "@coach/contracts/billing";
import { formatMessage, formatPlural } from "@coach/contracts/messages";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EXTRA } from "../src/shared/strings";
import { launchChromium, newVisitor, openChat, SCREENSHOTS } from "./support/browser";

const stack = inject("stack");
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
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
          `Coaching club\\s+${escape(price(19, "USD"))} ${EXTRA.perMonth}\\s+${formatMessage(EXTRA.trial, { days: 7 })}\\s+${formatMessage(EXTRA.choose, { plan: "Coaching club" })}`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `Inner circle\\s+${escape(price(190, "EUR"))} ${EXTRA.perYear}\\s+${formatMessage(EXTRA.choose, { plan: "Inner circle" })}`,
        ),
      ),
    ]);
    expect(await sheet.innerText()).toContain(
      formatMessage(EXTRA.freeAllowance, { plan: "Free", answers: 20 }),
    );
    const resets = new Intl.DateTimeFormat("en", {
      day: "numeric",
      month: "long",
      timeZone: "UTC",
    }).format(resetsAt);
    expect(await sheet.innerText()).toContain(
      formatPlural("en", EXTRA.allowanceLeft, 2, { resets }),
    );

    const checkout = context.waitForEvent("page");
    await page
      .getByRole("button", { name: formatMessage(EXTRA.choose, { plan: "Inner circle" }) })
      .click();
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
    expect(await sheet.innerText()).toContain(
      formatMessage(EXTRA.memberOf, { plan: "Coaching club" }),
    );
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
