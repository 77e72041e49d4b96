// The person behind a conversation and the inbox's pages, in real Chromium: a member opens a contact's
// panel from the inbox, changes their quiet hours, time zone, language and a pause (a refused zone is
// explained next to its field), finds them saved after a reload, and stops their coaching messages; a
// widget visitor without a name reads as the site they came from; an inbox of more conversations than
// a page holds shows the rest on the next page. One creator, who asks one question in the persona
// screen's test chat, and 51 visitors of their widget on shop.example (opened through the API).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import { creatorBrowser, openScreen, screenshot } from "../support/dashboard-page";

const { dashboardUrl, edgeUrl } = inject("dashboard");
const PERSON = {
  full_name: "Pia Pager",
  email: `pia.${Date.now()}@example.test`,
  password: "Tide-pool orbit 42",
};
/** Two more than the inbox's page: the visitors' and the test chat's. */
const CONVERSATIONS = 52;
/** The page the visitor opened the widget on. */
const SITE = "https://shop.example";

let browser: Browser;
let creator: { context: BrowserContext; page: Page };
/** The first widget visitor's conversation, opened from SITE. */
let visitorConversation: string;

async function post(
  route: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
  method = "POST",
): Promise<unknown> {
  const res = await fetch(`${edgeUrl}/api/v1${route}`, {
    method,
    headers: {
      "Content-Type": "application/json",
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Opens a widget session for a new visitor of SITE; each from an address of its own (the edge limits sessions per address). */
async function visitorSession(publicKey: string, n: number): Promise<string> {
  const session = (await post("/widget/session", { public_key: publicKey }, undefined, {
    Origin: SITE,
    "CF-Connecting-IP": `198.51.100.${n + 1}`,
  })) as { conversation_id: string };
  return session.conversation_id;
}

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
  await post("/auth/register", PERSON);
  const { access_token } = (await post("/auth/login", PERSON)) as { access_token: string };
  // Visitors of the creator's site: the browser names the page's origin, the edge keeps its host.
  const widget = (await post("/widget", { allowed_origins: [SITE] }, access_token, {}, "PUT")) as {
    public_key: string;
  };
  const visitors = await Promise.all(
    Array.from({ length: CONVERSATIONS - 1 }, (_, n) => visitorSession(widget.public_key, n)),
  );
  visitorConversation = visitors[0]!;
  const { page } = creator;
  await page.goto(dashboardUrl);
  await page.getByLabel("Email").fill(PERSON.email);
  await page.getByLabel("Password").fill(PERSON.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Welcome, Pia" }).waitFor();
  // The member's own test chat is listed once something is written in it (and the room has written
  // its inbox row, a moment after the answer).
  await openScreen(page, "Persona & voice");
  await page.getByLabel("Message to your assistant").fill("Where do I start?");
  await page.getByLabel("Message to your assistant").press("Enter");
  await vi.waitFor(
    async () => expect(await page.locator(".chat-assistant:not([aria-busy])").count()).toBe(1),
    { timeout: 20_000, interval: 250 },
  );
  await vi.waitFor(
    async () => {
      const res = await fetch(`${edgeUrl}/api/v1/conversations?test=true`, {
        headers: { Authorization: `Bearer ${access_token}` },
      });
      expect(((await res.json()) as { conversations: unknown[] }).conversations).toHaveLength(1);
    },
    { timeout: 15_000, interval: 500 },
  );
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the member's latest test chat in the inbox and the panel about its person. */
async function openContactPanel(page: Page): Promise<void> {
  await page.goto(new URL("/inbox", dashboardUrl).href);
  await page.locator(".conversation-item", { hasText: "Test chat: Pia Pager" }).first().click();
  await page.getByText("About Test chat: Pia Pager:").click();
  await page.getByLabel("Quiet from").waitFor();
}

describe("a contact's panel in the inbox", () => {
  it("changes the contact's quiet hours and time zone, explaining a refused zone by its field, on a desktop and a phone", async () => {
    const { page } = creator;
    await openContactPanel(page);
    const zone = page.getByLabel("Time zone");
    await zone.fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect
      .poll(() => page.locator(".field", { has: zone }).locator(".field-error").innerText())
      .toContain("IANA time zone");

    await zone.fill("Europe/Lisbon");
    await page.getByLabel("Quiet from").fill("21:30");
    await page.getByLabel("Quiet until").fill("07:15");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page
      .getByText("Saved: nothing proactive from 21:30 to 07:15, Europe/Lisbon time.")
      .waitFor();
    await screenshot(page, "inbox-contact-panel");
    // On a phone the panel takes the whole width, and no more.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "mobile-inbox-contact-panel");
    await page.setViewportSize({ width: 1360, height: 900 });

    await openContactPanel(page);
    expect(await page.getByLabel("Quiet from").inputValue()).toBe("21:30");
    expect(await page.getByLabel("Quiet until").inputValue()).toBe("07:15");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Lisbon");
  });

  it("chooses their language and pauses them until a date, both kept after a reload, then stops them", async () => {
    const { page } = creator;
    await openContactPanel(page);
    await page.getByLabel("Language").selectOption("es");
    await page.getByLabel("Pause proactive messages until").fill("2031-03-02T09:30");
    await page.getByRole("button", { name: "Save preferences" }).click();
    await page.getByText(/Saved: .* Paused until /).waitFor();

    await openContactPanel(page);
    expect(await page.getByLabel("Language").inputValue()).toBe("es");
    expect(await page.getByLabel("Pause proactive messages until").inputValue()).toBe(
      "2031-03-02T09:30",
    );
    await page.getByRole("button", { name: "Stop coaching messages" }).click();
    await page.getByRole("button", { name: "Stop for good" }).click();
    await page.getByText(/Coaching messages were stopped on .*until they start again/).waitFor();
    expect(await page.getByRole("button", { name: "Stop coaching messages" }).count()).toBe(0);
  });
});

describe("a widget visitor without a name", () => {
  it("reads as the site they came from and the day, in the transcript and its panel", async () => {
    const { page } = creator;
    await page.goto(new URL(`/inbox/${visitorConversation}`, dashboardUrl).href);
    const name = page.getByRole("heading", { name: /^Visitor from shop\.example, / });
    await name.waitFor();
    await page.getByText(/^About Visitor from shop\.example, .*: preferences/).waitFor();
    expect(await page.getByText(/Website visitor/).count()).toBe(0);
  });
});

describe("paging the inbox", () => {
  it("shows the conversations beyond the first page on the next one, and back", async () => {
    const { page } = creator;
    await page.goto(new URL("/inbox", dashboardUrl).href);
    const pages = page.getByRole("navigation", { name: "Pages of conversations" });
    await pages.getByText("Conversations 1–50").waitFor();
    expect(await page.locator(".conversation-item").count()).toBe(50);

    await pages.getByRole("button", { name: "Next" }).click();
    await pages.getByText("Conversations 51").waitFor();
    // The pager names the page as soon as it is asked for; the list follows when the page arrives.
    await expect.poll(() => page.locator(".conversation-item").count()).toBe(CONVERSATIONS - 50);
    expect(await pages.getByRole("button", { name: "Next" }).isDisabled()).toBe(true);
    await screenshot(page, "inbox-next-page");

    await pages.getByRole("button", { name: "Previous" }).click();
    await pages.getByText("Conversations 1–50").waitFor();
  });
});

// Last: erasing the visitor removes their conversation from the inbox the tests above page through.
describe("a privacy request", () => {
  it("has their privacy request answered from the panel, by name, without looking up an id", async () => {
    const { page } = creator;
    await page.goto(new URL(`/inbox/${visitorConversation}`, dashboardUrl).href);
    await page.getByText(/^About Visitor from shop\.example, .*: preferences/).click();
    const download = page.waitForEvent("download");
    await page
      .getByRole("button", { name: /^Export Visitor from shop\.example, .*’s data$/ })
      .click();
    expect((await download).suggestedFilename()).toMatch(/^contact-.+\.json$/);
    await page
      .getByRole("button", { name: /^Erase Visitor from shop\.example, .*’s data$/ })
      .click();
    await page.getByRole("button", { name: "Erase for good" }).click();
    await page.getByText("Erased from every store.").waitFor();
  });
});
