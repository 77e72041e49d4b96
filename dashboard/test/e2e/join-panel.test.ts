// A program's "How people join" panel in real Chromium: the widget tag names the program, a connected
// Telegram bot gets its /start link, a connected WhatsApp number with the program's keyword gets its
// wa.me link and QR code (both connected on the Channels screen, the platforms being the edge suite's
// stand-ins), and Copy puts the text on the clipboard. Also on a phone's width; and a person who wrote
// to the bot is enrolled from the inbox.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpThroughScreen,
} from "../support/dashboard-page";

const { dashboardUrl, telegramUrl } = inject("dashboard");
const SLUG = `walk10k-${Date.now()}`;
// A token of the form BotFather issues; the stand-in's getMe answers the username coach_<id>_bot.
const BOT_ID = String(7_000_000_000 + Math.floor(Math.random() * 999_999_999));
const BOT_TOKEN = `${BOT_ID}:AA${crypto.randomUUID().replaceAll("-", "")}`;
const PHONE_NUMBER_ID = String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));

let browser: Browser;
let creator: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
});
afterAll(async () => {
  await browser?.close();
});

/** Has Telegram (the stand-in) deliver a private message from `name` to the bot's webhook. */
async function messageFromTelegram(name: string, text: string): Promise<void> {
  const id = Math.floor(Math.random() * 1_000_000_000);
  const from = { id, is_bot: false, first_name: name };
  const update = {
    update_id: id,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id, type: "private", first_name: name },
      from,
      text,
    },
  };
  const delivery = (await (
    await fetch(`${telegramUrl}/__deliver?token=${encodeURIComponent(BOT_TOKEN)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(update),
    })
  ).json()) as { url: string; secret_token: string };
  const res = await fetch(delivery.url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Telegram-Bot-Api-Secret-Token": delivery.secret_token,
    },
    body: JSON.stringify(update),
  });
  if (!res.ok) throw new Error(`webhook: ${res.status} ${await res.text()}`);
}

async function openJoinPanel(page: Page): Promise<void> {
  await openScreen(page, "Programs");
  await page.locator(".programs-list button", { hasText: "Walk 10K" }).click();
  await page.getByRole("tab", { name: "How people join" }).click();
}

describe("how people join a program", () => {
  it("shows the program's widget tag and says where to connect channels", async () => {
    const { page } = creator;
    await signUpThroughScreen(page, dashboardUrl, {
      name: "Jo Walker",
      email: `jo.${Date.now()}@example.test`,
      password: "Meadow lantern 77",
    });
    await openScreen(page, "Programs");
    await page.getByLabel("Name", { exact: true }).fill("Walk 10K");
    await page.getByLabel("Short name").fill(SLUG);
    await page.getByRole("button", { name: "Create program" }).click();
    await page.getByRole("tab", { name: "How people join" }).click();

    const tag = page.getByTestId("program-widget-tag");
    await expect.poll(() => tag.innerText()).toContain(`data-program="${SLUG}"`);
    await page.getByText("No Telegram bot is connected yet.").waitFor();
    await page.getByText("No WhatsApp number is connected yet.").waitFor();
    expect(await page.getByRole("link", { name: "Connect one on Channels" }).count()).toBe(2);

    await page.getByRole("button", { name: "Copy widget tag" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await tag.innerText());
  });

  it("gives a connected Telegram bot's /start link, ready to copy", async () => {
    const { page } = creator;
    await openScreen(page, "Channels");
    await page.getByLabel("Bot token").fill(BOT_TOKEN);
    await page.getByRole("button", { name: "Connect Telegram bot" }).click();
    await page.getByText(BOT_ID).first().waitFor();

    await openJoinPanel(page);
    const link = `https://t.me/coach_${BOT_ID}_bot?start=${SLUG}`;
    await page.getByText(link).waitFor();
    await page.getByText(`@coach_${BOT_ID}_bot`).waitFor();
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  it("gives a WhatsApp number's keyword link and QR code once the program has a keyword", async () => {
    const { page } = creator;
    await openScreen(page, "Channels");
    await page.getByLabel("Phone number id").fill(PHONE_NUMBER_ID);
    await page.getByLabel("Access token").fill(`EAAG${crypto.randomUUID()}`);
    await page.getByLabel("App secret").fill(crypto.randomUUID());
    await page.getByRole("button", { name: "Connect WhatsApp number" }).click();
    await page.getByText(PHONE_NUMBER_ID).first().waitFor();

    await openJoinPanel(page);
    await page.getByLabel("Keyword").fill("join walk");
    await page.getByRole("button", { name: "Save keyword" }).click();
    // The stand-in displays every number as Graph would: "+1 555-0100".
    const link = "https://wa.me/15550100?text=JOIN%20WALK";
    await page.getByText(link).waitFor();
    const qr = page.getByRole("img", { name: "QR code: send JOIN WALK to +1 555-0100" });
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
    await screenshot(page, "programs-join");
  });

  it("fits a phone's width", async () => {
    const phone = await creatorBrowser(browser, dashboardUrl, { width: 390, height: 844 });
    // The same creator, signed in: the tokens live in localStorage.
    await phone.context.addInitScript(
      (entries: [string, string][]) => {
        for (const [key, value] of entries) localStorage.setItem(key, value);
      },
      await creator.page.evaluate(() => Object.entries(localStorage)),
    );
    const { page } = phone;
    await page.goto(`${dashboardUrl}/programs`);
    await page.locator(".programs-list button", { hasText: "Walk 10K" }).click();
    await page.getByRole("tab", { name: "How people join" }).click();
    await page.getByTestId("program-widget-tag").waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "mobile-programs-join");
    await phone.context.close();
  });

  it("enrols the person of a conversation from the inbox", async () => {
    const { page } = creator;
    await messageFromTelegram("Priya", "Hello, I would like to walk more.");
    await openScreen(page, "Inbox");
    await page.locator(".conversation-item", { hasText: "Priya" }).click();
    await page.getByText("About Priya:").click();
    await page.getByLabel("Enrol in").selectOption({ label: "Walk 10K" });
    await page.getByRole("button", { name: "Enrol", exact: true }).click();
    await page.getByText("Enrolled in Walk 10K.").waitFor();
    await screenshot(page, "inbox-enrol");
    // The enrolment shows under the program.
    await openJoinPanel(page);
    await page.getByRole("tab", { name: "Enrolments" }).click();
    await page.getByRole("cell", { name: "Priya" }).waitFor();
  });
});
