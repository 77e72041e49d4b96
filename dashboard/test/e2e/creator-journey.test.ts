// The creator's first ten minutes and first takeover, in real Chromium against the real local stack:
// sign up → upload a document and see it become ready → edit the persona and see the test chat use it →
// copy the embed snippet into a page and chat through it → see the conversation in the inbox → take over
// and reply (the visitor's widget shows the reply) → hand back → correct the answer from the inbox (the
// next visitor gets the correction) → see a visitor's crisis flagged urgent and resolve it. Each step
// saves a screenshot.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
} from "../../../widget/test/support/browser";
import { COACH_MATERIAL, ROUTINE_QUESTION } from "../../../test/support/coach-material";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpThroughScreen,
} from "../support/dashboard-page";
import { serveHtml, type Served } from "../support/static-server";

const { dashboardUrl } = inject("dashboard");
const FALLBACK = "Nova has nothing on that yet — ask about morning routines instead.";
const GAP_QUESTION = "How do I fix a flat tyre on my bike?";
const REPLY = "Hi, this is your coach in person. Let's set your wake-up time together.";
const CORRECTION =
  "Start with a ten-minute walk outside before any screen, then write three lines.";

let browser: Browser;
let creator: { context: BrowserContext; page: Page };
let visitor: BrowserContext;
let site: Served | undefined;
let snippet = "";

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
});

describe("a creator's journey through the dashboard", () => {
  it("signs up and lands on the onboarding checklist with nothing done yet", async () => {
    const { page } = creator;
    await signUpThroughScreen(
      page,
      dashboardUrl,
      {
        name: "Ada Coach",
        email: `ada.${Date.now()}@example.test`,
        password: "Tide-pool orbit 42",
      },
      "sign-up",
    );
    await expect.poll(() => page.locator(".checklist li").count()).toBe(4);
    expect(await page.locator(".checklist li.done").count()).toBe(0);
    await expect
      .poll(() => page.getByRole("heading", { name: "0 of 4 done" }).isVisible())
      .toBe(true);
    await screenshot(page, "onboarding");
  });

  it("uploads a document with a progress bar and sees it become ready; a program dropped in is refused with the reason", async () => {
    const { page } = creator;
    await openScreen(page, "Knowledge");
    await page.getByText("No material yet").waitFor();
    await page.getByLabel("Choose files to upload").setInputFiles({
      name: "routine-guide.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(`# Routine guide\n\n${COACH_MATERIAL}\n`),
    });
    // The upload's line follows the document: processing, then ready with its passages.
    await page.getByText(/^Ready — \d+ passages? the assistant can answer from\.$/).waitFor({
      timeout: 45_000,
    });
    expect(
      await page
        .getByLabel("Upload of routine-guide.md")
        .evaluate((el) => (el as HTMLProgressElement).value),
    ).toBe(1);
    const row = page.locator('tr[data-document="routine-guide"]');
    await expect.poll(() => row.locator(".badge").innerText(), { timeout: 45_000 }).toBe("Ready");

    // Dropped onto the zone: a Windows program renamed to .txt is refused, and the reason is shown.
    await page.locator('[data-testid="dropzone"]').evaluate((zone) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03])], "notes.txt", {
          type: "text/plain",
        }),
      );
      zone.dispatchEvent(
        new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    });
    await expect
      .poll(() => page.locator(".upload-failed .field-error").innerText())
      .toMatch(/Windows program/);
    await screenshot(page, "knowledge");
  });

  it("edits the persona and the test chat answers with it", async () => {
    const { page } = creator;
    await openScreen(page, "Persona & voice");
    await page.getByLabel("Assistant name").fill("Nova");
    await page.getByLabel("Fallback answer").fill(FALLBACK);
    await page.getByRole("button", { name: "Save persona" }).click();
    await page.getByText("Saved as version 1").waitFor();

    await page.getByLabel("Message to your assistant").fill("What is the capital of Peru?");
    await page.getByLabel("Message to your assistant").press("Enter");
    const answer = page.locator(".chat-assistant .chat-text").last();
    await expect.poll(() => answer.innerText(), { timeout: 20_000 }).toBe(FALLBACK);

    // A question the material answers is answered from it, with the document as its source.
    await page.getByLabel("Message to your assistant").fill(ROUTINE_QUESTION);
    await page.getByRole("button", { name: "Send" }).click();
    await expect
      .poll(
        () =>
          page.locator(".chat-assistant").last().locator(".source-list .src-title").allInnerTexts(),
        { timeout: 20_000 },
      )
      .toEqual(["routine-guide"]);
    await screenshot(page, "persona");
  });

  it("copies the embed snippet into a page on an allowed site, and a visitor chats through it", async () => {
    const { page } = creator;
    await openScreen(page, "Web widget");
    await page.getByRole("button", { name: "Copy snippet" }).click();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toMatch(
      /^<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-creator="pk_[A-Za-z0-9]+" async><\/script>$/,
    );
    expect(await page.getByTestId("embed-snippet").innerText()).toBe(snippet);

    site = await serveHtml(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ada's coaching</title></head><body><h1>Ada's coaching</h1>${snippet}</body></html>`,
    );
    await page.getByLabel("Add a site").fill(site.url);
    await page.getByRole("button", { name: "Add site" }).click();
    await page.getByLabel("Launcher text").fill("Ask Nova");
    await expect.poll(() => page.locator(".preview-launcher").innerText()).toBe("Ask Nova");
    await page.getByRole("button", { name: "Save widget" }).click();
    await page.getByText("Saved. Visitors see the changes within a minute.").waitFor();
    await screenshot(page, "widget");

    visitor = await newVisitor(browser);
    const visit = await visitor.newPage();
    await visit.goto(site.url);
    await openChat(visit);
    await ask(visit, ROUTINE_QUESTION);
    await expect
      .poll(
        async () => (await messages(visit)).find((m) => m.role === "assistant" && !m.busy)?.sources,
        { timeout: 20_000 },
      )
      .toEqual(["routine-guide"]);
  });

  it("finds the visitor's conversation in the inbox and reads it with sources and confidence", async () => {
    const { page } = creator;
    await openScreen(page, "Inbox");
    // Newest activity first: the visitor's conversation is on top (the test chat's is below it).
    const first = page.locator(".conversation-item").first();
    await expect
      .poll(() => page.locator(".conversation-item").count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    await first.click();
    await page.locator(".transcript-msg.msg-user", { hasText: ROUTINE_QUESTION }).waitFor();
    const answer = page.locator(".transcript-msg.msg-assistant").last();
    expect(await answer.locator(".msg-meta").innerText()).toMatch(/confidence \d+%/);
    expect(await answer.locator(".source-list li").first().innerText()).toContain("routine-guide");
    await answer.locator(".source-list summary").first().click();
    await answer.locator(".source-list blockquote").first().waitFor();
    await screenshot(page, "inbox");
  });

  it("takes over, replies into the visitor's widget, and hands back", async () => {
    const { page } = creator;
    await page.getByRole("button", { name: "Take over" }).click();
    await page.getByRole("button", { name: "Hand back to the assistant" }).waitFor();
    await page.getByLabel("Your reply (sent on the user’s channel)").fill(REPLY);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByText("Delivered to the user.").waitFor();
    await page.locator(".transcript-msg.msg-creator", { hasText: REPLY }).waitFor();

    const visit = visitor.pages()[0];
    if (!visit) throw new Error("the visitor's page is gone");
    await expect
      .poll(async () => (await messages(visit)).map((m) => m.text), { timeout: 15_000 })
      .toContain(REPLY);
    await screenshot(page, "inbox-takeover");
    await screenshot(visit, "visitor-widget-creator-reply");

    await page.getByRole("button", { name: "Hand back to the assistant" }).click();
    await page.getByRole("button", { name: "Take over" }).waitFor();
    await visitor.close();
  });

  it("corrects an answer from the inbox, and the next visitor gets the correction word for word", async () => {
    const { page } = creator;
    await openScreen(page, "Inbox");
    await page.locator(".conversation-item").first().click();
    const answer = page.locator(".transcript-msg.msg-assistant").first();
    await answer.getByRole("button", { name: "Correct this answer" }).click();
    const form = answer.getByRole("form", { name: "Correct this answer" });
    expect(await form.getByLabel("The question").inputValue()).toBe(ROUTINE_QUESTION);
    await form.getByLabel("The answer to give instead").fill(CORRECTION);
    await screenshot(page, "inbox-correction");
    await form.getByRole("button", { name: "Save correction" }).click();
    await answer.getByText("Correction saved.").waitFor();

    // The correction is material like any other: ready once the bridge has indexed it.
    await openScreen(page, "Knowledge");
    const row = page.locator(`tr[data-document="Correction: ${ROUTINE_QUESTION}"]`);
    await expect.poll(() => row.locator(".badge").innerText(), { timeout: 45_000 }).toBe("Ready");

    const next = await newVisitor(browser);
    const visit = await next.newPage();
    await visit.goto(site?.url ?? "");
    await openChat(visit);
    await ask(visit, ROUTINE_QUESTION);
    await expect
      .poll(
        async () => (await messages(visit)).find((m) => m.role === "assistant" && !m.busy)?.text,
        { timeout: 20_000 },
      )
      .toContain(CORRECTION);
    await next.close();
  });

  it("searches the inbox: a phrase finds its conversation, a phrase nobody wrote finds none", async () => {
    const { page } = creator;
    await openScreen(page, "Inbox");
    await page.getByLabel("Search conversations").fill("capital of Peru");
    await expect
      .poll(() => page.locator(".conversation-item").count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByLabel("Search conversations").fill("zebra migration schedule");
    await page.getByText("No conversation matches").waitFor();
    await page.getByLabel("Search conversations").fill("");
    await expect.poll(() => page.locator(".conversation-item").count()).toBeGreaterThanOrEqual(2);
  });

  it("lists a visitor's question the material could not answer under Gaps, not the test chat's", async () => {
    const next = await newVisitor(browser);
    const visit = await next.newPage();
    await visit.goto(site?.url ?? "");
    await openChat(visit);
    await ask(visit, GAP_QUESTION);
    await expect
      .poll(
        async () => (await messages(visit)).find((m) => m.role === "assistant" && !m.busy)?.text,
        { timeout: 20_000 },
      )
      .toBe(FALLBACK);
    await next.close();

    const { page } = creator;
    await openScreen(page, "Gaps");
    await expect
      .poll(() => page.locator("table").innerText(), { timeout: 15_000 })
      .toContain(GAP_QUESTION);
    // Asked in the test chat, which the gaps leave out.
    expect(await page.locator("table").innerText()).not.toContain("What is the capital of Peru?");
    expect(await page.getByRole("link", { name: "Upload material" }).getAttribute("href")).toBe(
      "/knowledge",
    );
    await screenshot(page, "gaps");
  });

  it("flags a visitor's crisis as urgent, with help already sent, until the coach resolves it", async () => {
    const next = await newVisitor(browser);
    const visit = await next.newPage();
    await visit.goto(site?.url ?? "");
    await openChat(visit);
    await ask(visit, "honestly i just want to go to sleep and not wake up");
    await expect
      .poll(
        async () => (await messages(visit)).find((m) => m.role === "assistant" && !m.busy)?.text,
        { timeout: 10_000 },
      )
      .toContain("findahelpline.com");
    await next.close();

    const { page } = creator;
    await openScreen(page, "Inbox");
    await page.getByLabel("Urgent").check();
    await expect
      .poll(() => page.locator(".conversation-item").count(), { timeout: 15_000 })
      .toBe(1);
    await page.locator(".conversation-item").first().click();
    const alert = page.getByRole("alert").filter({ hasText: "Urgent: possible" });
    expect(await alert.innerText()).toContain("self-harm or suicide");
    await screenshot(page, "inbox-urgent");
    await alert.getByRole("button", { name: "Mark resolved" }).click();
    await alert.waitFor({ state: "detached" });
    await page.getByText("No conversation matches").waitFor();
    await page.getByLabel("Urgent").uncheck();
  });

  it("charts the workspace's activity", async () => {
    const { page } = creator;
    await openScreen(page, "Analytics");
    await page.getByRole("img", { name: "Conversations and active users per day" }).waitFor();
    expect(await page.locator(".legend").first().innerText()).toMatch(/Conversations \([1-9]\d*\)/);
    await screenshot(page, "analytics");
  });
});
