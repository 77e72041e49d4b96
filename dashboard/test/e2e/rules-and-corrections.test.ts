// The screens for what was once only in the API, in real Chromium as a new coach uses them: a coaching
// rule written (a refused value said under its field), listed in plain words, changed and turned off;
// a correction written, its answer changed and deleted; a visitor's unanswered question answered from
// Gaps and sent to them in their open widget; a WhatsApp number's message template set on
// Channels, and its business account's templates listed with their status and one deleted (the Graph
// stand-in playing WhatsApp). Each screen is saved on a desktop and a phone.
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
} from "../../../widget/test/support/browser";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpThroughScreen,
} from "../support/dashboard-page";
import { serveSite, type Served } from "../support/static-server";

const { dashboardUrl } = inject("dashboard");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 900 };
/** How long a save and the list read after it may take on a busy machine. */
const SAVED = { timeout: 15_000 };

let browser: Browser;
let creator: { context: BrowserContext; page: Page };
let site: Served | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
  await signUpThroughScreen(creator.page, dashboardUrl, {
    name: "Rae Rivers",
    email: `rae.${Date.now()}@example.test`,
    password: "Harbour compass 58",
  });
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
});

/** What a field's control is described by: its hint, or the server's word on it once refused. */
function description(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const ids = el.getAttribute("aria-describedby")?.split(" ") ?? [];
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
  });
}

/** Saves the screen as it is on a desktop, then on a phone's width, and goes back to the desktop. */
async function bothWidths(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(PHONE);
  await screenshot(page, `mobile-${name}`);
  await page.setViewportSize(DESKTOP);
}

describe("coaching rules", () => {
  it("writes a rule, shows a refused value under its field, lists it in plain words, changes it and turns it off", async () => {
    const { page } = creator;
    await openScreen(page, "Coaching rules");
    await page.getByRole("heading", { name: "No rules yet" }).waitFor();
    const form = page.locator("form");
    const hours = form.getByLabel("Hours without a message from them");
    await hours.fill("5000");
    await form.getByLabel("Your words (optional)").fill("Missed you! Ten minutes today?");
    await page.getByRole("button", { name: "Create rule" }).click();
    await expect.poll(() => description(hours), SAVED).toContain("2160");

    await hours.fill("72");
    await page.getByRole("button", { name: "Create rule" }).click();
    const rule = page.locator(".record", { hasText: "No reply for 72 h → nudge" });
    await expect
      .poll(() => rule.innerText(), SAVED)
      .toContain(
        "When someone enrolled in any program has not written for 3 days, send them a nudge to come back in your words: “Missed you! Ten minutes today?”",
      );

    await rule.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Change “No reply for 72 h → nudge”" }).waitFor();
    await form.getByLabel("When").selectOption({ label: "They leave check-ins unanswered" });
    await form.getByLabel("Check-ins unanswered in a row").fill("2");
    await form.getByLabel("What to send").selectOption({ label: "A supportive message" });
    await page.getByRole("button", { name: "Save changes" }).click();
    const changed = page.locator(".record", { hasText: "2 check-ins missed → supportive" });
    await expect
      .poll(() => changed.innerText(), SAVED)
      .toContain("leaves 2 check-ins in a row unanswered, send them a supportive message");
    expect(await page.locator(".record").count()).toBe(1);

    await changed.getByRole("button", { name: "Turn off" }).click();
    await expect.poll(() => changed.locator(".badge").first().innerText(), SAVED).toBe("Off");
    await bothWidths(page, "coaching-rules");
  });
});

describe("corrections", () => {
  const question = "How long should a focus block be?";

  it("writes a correction, changes its answer and deletes it", async () => {
    const { page } = creator;
    await openScreen(page, "Corrections");
    await page.getByRole("heading", { name: "No corrections yet" }).waitFor();
    const form = page.locator("form");
    await form.getByLabel("The question").fill(question);
    await form.getByLabel("The answer to give instead").fill("Fifty minutes.");
    await page.getByRole("button", { name: "Save correction" }).click();
    const item = page.locator(".record", { hasText: question });
    await expect.poll(() => item.innerText(), SAVED).toContain("Fifty minutes.");

    await item.getByRole("button", { name: `Edit the answer to “${question}”` }).click();
    await page.getByRole("heading", { name: "Change the answer" }).waitFor();
    const answer = form.getByLabel("The answer to give instead");
    expect(await answer.inputValue()).toBe("Fifty minutes.");
    await answer.fill("Fifty minutes, then ten minutes away from the desk.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect
      .poll(() => item.innerText(), SAVED)
      .toContain("Fifty minutes, then ten minutes away from the desk.");
    // Ready again: the next visitor asking gets the new words.
    await expect.poll(() => item.locator(".badge").count(), SAVED).toBe(0);
    await bothWidths(page, "corrections");

    await item.getByRole("button", { name: `Delete the correction “${question}”` }).click();
    await item
      .getByRole("button", { name: `Confirm deleting the correction “${question}”` })
      .click();
    await page.getByRole("heading", { name: "No corrections yet" }).waitFor();
  });
});

describe("gaps", () => {
  const question = "Which tyre pressure suits a gravel ride?";
  const answer = "Between 30 and 40 psi: lower on loose gravel, higher on packed roads.";

  it("answers a visitor's unanswered question from Gaps and sends it to them, opted in", async () => {
    const { page } = creator;
    await openScreen(page, "Web widget");
    const snippet = await page.getByTestId("embed-snippet").innerText();
    site = await serveSite(
      new Map([
        [
          "/",
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rae</title></head><body>${snippet}</body></html>`,
        ],
      ]),
    );
    await page.getByLabel("Add a site").fill(site.url);
    await page.getByRole("button", { name: "Add site" }).click();
    await page.getByRole("button", { name: "Save widget" }).click();
    await page.getByText("Saved. Visitors see the changes within a minute.").waitFor();

    // No material yet: the visitor's question falls back and becomes a gap. Their widget stays open.
    const visit = await (await newVisitor(browser)).newPage();
    await visit.goto(site.url);
    await openChat(visit);
    await ask(visit, question);
    await expect
      .poll(async () => (await messages(visit)).some((m) => m.role === "assistant" && !m.busy), {
        timeout: 20_000,
      })
      .toBe(true);

    await openScreen(page, "Gaps");
    const row = page.getByRole("row", { name: new RegExp(question) });
    await row.waitFor(SAVED);
    await row.getByRole("button", { name: "Answer this" }).click();
    const form = page.getByRole("form", { name: "Answer this" });
    expect(await form.getByLabel("The question").inputValue()).toBe(question);
    await form.getByLabel("The answer to give instead").fill(answer);
    await form.getByLabel("Also send this answer to the 1 person who asked").check();
    await bothWidths(page, "gaps-answer");
    await form.getByRole("button", { name: "Save answer" }).click();
    await expect
      .poll(() => page.getByRole("status").allInnerTexts(), SAVED)
      .toContainEqual(expect.stringContaining("Sent to 1 person."));

    await expect
      .poll(async () => (await messages(visit)).map((m) => m.text).join("\n"), SAVED)
      .toContain(answer);
    await visit.context().close();
  });
});

describe("WhatsApp templates", () => {
  it("sets the template a connected number sends after 24 hours", async () => {
    const { page } = creator;
    const phoneNumberId = String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
    await openScreen(page, "Channels");
    await page.getByLabel("Phone number id").fill(phoneNumberId);
    await page.getByLabel("Access token").fill(`EAAG${crypto.randomUUID()}`);
    await page.getByLabel("App secret").fill(crypto.randomUUID());
    await page.getByRole("button", { name: "Connect WhatsApp number" }).click();
    const template = page.getByRole("region", { name: "Message template" });
    await template.getByText("None yet").waitFor();

    await template.getByRole("button", { name: "Set a template" }).click();
    await template.getByLabel("Template name").fill("Coach Check-in");
    await template.getByRole("button", { name: "Save template" }).click();
    await expect
      .poll(() => description(template.getByLabel("Template name")), SAVED)
      .toContain("lowercase letters, digits and _");
    await template.getByLabel("Template name").fill("coach_checkin");
    await template.getByLabel("Language code").fill("en_US");
    await template.getByRole("button", { name: "Save template" }).click();
    await template.getByRole("button", { name: "Change template" }).waitFor();
    expect(await template.innerText()).toMatch(/coach_checkin\s+en_US\s+Message fills \{\{1\}\}/);
    await bothWidths(page, "channels-whatsapp-template");

    await template.getByText("Templates in your WhatsApp Business Account").click();
    await template.getByLabel("WhatsApp Business Account id").fill(`9${phoneNumberId}`);
    await template.getByRole("button", { name: "Save account id" }).click();
    const offer = template.getByRole("row", { name: /spring_offer/ });
    await offer.waitFor(SAVED);
    expect(await offer.innerText()).toMatch(/en_US\s+Marketing\s+Pending/);
    // One row per language of a name: only the language this number sends is marked.
    const checkin = (language: string) =>
      template
        .getByRole("row")
        .filter({ hasText: "coach_checkin" })
        .filter({ has: page.getByRole("cell", { name: language, exact: true }) });
    expect(await checkin("en_US").innerText()).toContain("Sent by this number");
    expect(await checkin("es").innerText()).not.toContain("Sent by this number");
    expect(await template.getByRole("row", { name: /old_reminder/ }).innerText()).toContain(
      "Paused",
    );
    await template.getByRole("button", { name: "More templates" }).click();
    await template.getByRole("row", { name: /daily_nudge_24/ }).waitFor(SAVED);
    await bothWidths(page, "channels-whatsapp-template-list");

    await offer
      .getByRole("button", { name: "Delete the template “spring_offer” in every language" })
      .click();
    await offer
      .getByRole("button", {
        name: "Confirm deleting the template “spring_offer” in every language",
      })
      .click();
    await expect
      .poll(() => template.getByRole("row", { name: /spring_offer/ }).count(), SAVED)
      .toBe(0);
  });
});
