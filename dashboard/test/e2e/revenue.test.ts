// The Revenue screen after real sales, in real Chromium: a new creator sells two plans through the
// widget's upgrade panel API; three visitors go through the Stripe stand-in's hosted Checkout (one pays,
// one starts a trial, one pays and cancels), and Stripe's events reach the edge as Stripe sends them,
// signed with the endpoint's secret by the `stripe` library. The screen shows the MRR, the trial, the
// churned member, the chart over time and the members list, on a desktop and on a 390×844 phone, with
// no serious accessibility violation (axe-core); and the creator sells a new plan from the Plans card.
import type { Browser, Page } from "playwright-core";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import { auditPage } from "../support/axe-audit";
import { creatorBrowser, openScreen, screenshot, settled } from "../support/dashboard-page";

const { dashboardUrl, edgeUrl, stripeUrl, stripeKey, stripeWebhookSecret } = inject("dashboard");
const SITE = "https://shop.example";
const creator = {
  email: `seller.${Date.now()}@example.test`,
  password: "Tide-pool orbit 42",
  name: "Rosa Seller",
};

type StripeEvent = { id: string; type: string; data: { object: { id: string } } };

let browser: Browser;
let token: string;

async function edge<T>(
  route: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const res = await fetch(`${edgeUrl}${route}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      "Content-Type": "application/json",
      // Its own address, so the edge's sign-up limit per address does not meet the other files' creators.
      "CF-Connecting-IP": "198.51.100.230",
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (res.status === 202 || res.status === 204 ? {} : await res.json()) as T;
}

/** Delivers Stripe's events to the edge's webhook, each signed now with the endpoint's secret. */
async function deliver(events: StripeEvent[]): Promise<void> {
  for (const event of events) {
    const payload = JSON.stringify(event);
    const res = await fetch(`${edgeUrl}/api/v1/billing/stripe/webhook`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": await Stripe.webhooks.generateTestHeaderStringAsync({
          payload,
          secret: stripeWebhookSecret,
        }),
      },
      body: payload,
    });
    expect(res.status).toBe(200);
  }
}

/** A widget visitor buys `planId` on the stand-in's Checkout page; answers the subscription. */
async function buy(publicKey: string, planId: string): Promise<string> {
  const session = await edge<{ visitor_token: string }>("/api/v1/widget/session", {
    body: { public_key: publicKey },
    headers: { Origin: SITE },
  });
  const { url } = await edge<{ url: string }>("/api/v1/widget/billing/checkout", {
    body: { plan_id: planId },
    headers: { Origin: SITE, Authorization: `Bearer ${session.visitor_token}` },
  });
  const checkoutId = /\/c\/pay\/(cs_\w+)/.exec(url)?.[1];
  const paid = await fetch(`${stripeUrl}/__checkout/${checkoutId}/complete`, { method: "POST" });
  const { subscription, events } = (await paid.json()) as {
    subscription: string;
    events: StripeEvent[];
  };
  await deliver(events);
  return subscription;
}

beforeAll(async () => {
  browser = await launchChromium();
  await edge("/api/v1/auth/register", {
    body: { email: creator.email, password: creator.password, full_name: creator.name },
  });
  ({ access_token: token } = await edge<{ access_token: string }>("/api/v1/auth/login", {
    body: { email: creator.email, password: creator.password },
  }));
  const { public_key: publicKey } = await edge<{ public_key: string }>("/api/v1/widget", {
    method: "PUT",
    token,
    body: { settings: {}, allowed_origins: [SITE] },
  });
  const plan = (body: object) =>
    edge<{ id: string }>("/api/v1/billing/plans", {
      token,
      body: { kind: "paid", currency: "usd", interval: "month", ...body },
    });
  const club = await plan({ name: "Coaching club", price_minor: 4900 });
  const taster = await plan({ name: "Taster", price_minor: 900, trial_days: 14 });
  await buy(publicKey, club.id);
  await buy(publicKey, taster.id);
  const leaving = await buy(publicKey, club.id);
  // The third member cancels at once; Stripe ends the subscription and sends its deletion.
  const cancelled = await fetch(`${stripeUrl}/v1/subscriptions/${leaving}`, {
    method: "DELETE",
    headers: { Authorization: `Bearer ${stripeKey}` },
  });
  expect(cancelled.status).toBe(200);
  const { data } = (await (await fetch(`${stripeUrl}/__events`)).json()) as {
    data: StripeEvent[];
  };
  await deliver(
    data.filter((e) => e.type === "customer.subscription.deleted" && e.data.object.id === leaving),
  );
});

afterAll(async () => {
  await browser?.close();
});

async function signedIn(): Promise<Page> {
  const { page } = await creatorBrowser(browser, dashboardUrl);
  await page.goto(dashboardUrl);
  await page.getByLabel("Email").fill(creator.email);
  await page.getByLabel("Password").fill(creator.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Welcome, Rosa" }).waitFor();
  return page;
}

/** The rows of the Members card (the charts' tables for screen readers are tables too). */
const memberRows = (page: Page) =>
  page
    .locator("section.card")
    .filter({ has: page.getByRole("heading", { name: "Members", exact: true }) })
    .locator("table tbody tr");

async function expectRevenue(page: Page): Promise<void> {
  await settled(page, "Revenue");
  const figure = (label: string) =>
    page.locator("dl.revenue-figures > div", { hasText: label }).locator("dd");
  expect(await figure("Monthly recurring revenue").innerText()).toBe("$49.00");
  expect(await figure("Active members").innerText()).toBe("1");
  expect(await figure("Trials").innerText()).toBe("1");
  expect(await figure("Churned (30 days)").innerText()).toBe("1");
  expect(await figure("Failed payments").innerText()).toBe("0");
  const chart = page.getByRole("img", { name: /Monthly recurring revenue \(USD\) per day/ });
  await chart.waitFor();
  expect(await chart.locator("polyline").count()).toBe(1);
  await page.getByRole("img", { name: "Members per day" }).waitFor();
  const members = memberRows(page);
  await expect.poll(() => members.count()).toBe(3);
  // Nameless widget visitors are named by the site they came from, never by an id.
  for (const row of await members.allInnerTexts())
    expect(row).toMatch(new RegExp(`^Visitor from ${new URL(SITE).hostname}, `));
  expect(await members.filter({ hasText: "Taster" }).innerText()).toContain("Trial");
  const ended = members.filter({ hasText: "Ended" });
  expect(await ended.count()).toBe(1);
  expect(await ended.innerText()).toContain("Coaching club");
}

describe("the Revenue screen", () => {
  let page: Page;

  it("shows the MRR, the trial, the churned member and the chart on a desktop, and exports the members", async () => {
    page = await signedIn();
    await openScreen(page, "Revenue");
    await expectRevenue(page);
    expect(await auditPage(page, "revenue (desktop)")).toEqual([]);
    await screenshot(page, "revenue");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    expect((await download).suggestedFilename()).toMatch(/^members-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.getByRole("button", { name: "Ended" }).click();
    await expect.poll(() => memberRows(page).count()).toBe(1);
  });

  it("shows the same on a 390×844 phone, nothing wider than the screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "Everyone" }).click();
    await expectRevenue(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    expect(await auditPage(page, "revenue (phone)")).toEqual([]);
    await screenshot(page, "revenue-phone");
    await page.context().close();
  });

  it("sells a yearly plan with a trial from the Plans card, refuses a price that is not one, and deletes it", async () => {
    const page = await signedIn();
    await openScreen(page, "Revenue");
    await settled(page, "Revenue");
    const plans = page
      .locator("section.card")
      .filter({ has: page.getByRole("heading", { name: "Plans", exact: true }) });
    await expect.poll(() => plans.locator("tr[data-plan]").count()).toBe(2);
    expect(await plans.locator('tr[data-plan="Taster"]').innerText()).toContain(
      "$9.00 a month · 14-day trial · unlimited answers",
    );

    await plans.getByLabel("Name").fill("Broken");
    await plans.getByLabel("Price", { exact: true }).fill("nineteen");
    await plans.getByRole("button", { name: "Add plan" }).click();
    await plans.getByText("The plan was not added").waitFor();

    await plans.getByLabel("Name").fill("Annual circle");
    await plans.getByLabel("Price", { exact: true }).fill("120");
    await plans.getByLabel("Billed").selectOption("year");
    await plans.getByLabel("Free trial (days)").fill("7");
    await plans.getByLabel("Answers a month").fill("300");
    await plans.getByRole("button", { name: "Add plan" }).click();
    const row = plans.locator('tr[data-plan="Annual circle"]');
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toContain("$120.00 a year · 7-day trial · 300 answers a month");
    const sold = await edge<{ plans: { name: string; stripe_price_id: string | null }[] }>(
      "/api/v1/billing/plans",
      { token },
    );
    expect(sold.plans.find((p) => p.name === "Annual circle")?.stripe_price_id).toMatch(/^price_/);

    await plans
      .getByLabel("When a member's paid membership lapses, for the paid programs they are in")
      .selectOption("continue");
    await expect
      .poll(
        async () =>
          (await edge<{ proactive_for_lapsed: string }>("/api/v1/billing/settings", { token }))
            .proactive_for_lapsed,
      )
      .toBe("continue");
    await screenshot(page, "revenue-plans");

    await page.getByRole("button", { name: "Delete the plan “Annual circle”" }).click();
    await page.getByRole("button", { name: "Confirm deleting the plan “Annual circle”" }).click();
    await expect.poll(() => row.count()).toBe(0);
    await page.context().close();
  });
});
