// How a creator sees their assistant's answers, in real Chromium against the real stack: a document
// renamed in the library is cited under its new title; the test chat and the inbox show the same
// numbered sources (each opening to its passage) and what each answer rests on; the persona editor keeps
// the greeting style and next-step line; and a banner says in plain words when answers are quoted from
// the material because no model runs on the home server (the test bridge runs one, so that status, and
// the built-in answerer's answer, are given to the page as the edge and the room would send them).
import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import { COACH_MATERIAL, ROUTINE_QUESTION } from "../../../test/support/coach-material";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  settled,
  signUpThroughScreen,
} from "../support/dashboard-page";

const { dashboardUrl } = inject("dashboard");
const OFF_TOPIC = "What is the capital of Peru?";
const NEW_TITLE = "Morning routine guide";

let browser: Browser;
let creator: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
});
afterAll(async () => {
  await browser?.close();
});

/** Sends `text` in the persona screen's test chat and waits for the answer to it; the answer's item. */
async function askTestChat(page: Page, text: string) {
  const before = await page.locator(".chat-assistant").count();
  await page.getByLabel("Message to your assistant").fill(text);
  await page.getByLabel("Message to your assistant").press("Enter");
  await expect
    .poll(() => page.locator(".chat-assistant:not([aria-busy])").count(), { timeout: 20_000 })
    .toBe(before + 1);
  return page.locator(".chat-assistant").last();
}

/** Answers the assistant status route with `status` instead of the edge. */
async function statusIs(page: Page, status: object | null): Promise<void> {
  await page.unroute("**/api/v1/assistant/status");
  if (status)
    await page.route("**/api/v1/assistant/status", (route) => route.fulfill({ json: status }));
}

describe("answers as the creator sees them", () => {
  it("renames a document in the library in place; Escape leaves the title as it was", async () => {
    const { page } = creator;
    await signUpThroughScreen(page, dashboardUrl, {
      name: "Ines Coach",
      email: `ines.${Date.now()}@example.test`,
      password: "Tide-pool orbit 42",
    });
    await openScreen(page, "Knowledge");
    await page.getByLabel("Choose files to upload").setInputFiles({
      name: "routine-guide.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(`# Routine guide\n\n${COACH_MATERIAL}\n`),
    });
    const row = page.locator('tr[data-document="routine-guide"]');
    await expect.poll(() => row.locator(".badge").innerText(), { timeout: 45_000 }).toBe("Ready");

    await page.getByRole("button", { name: "Rename routine-guide" }).click();
    await page.getByLabel("New title for routine-guide").fill("Something else");
    await page.getByLabel("New title for routine-guide").press("Escape");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Rename routine-guide");
    expect(await row.locator(".title-row strong").innerText()).toBe("routine-guide");

    await page.getByRole("button", { name: "Rename routine-guide" }).click();
    await page.getByLabel("New title for routine-guide").fill(`  ${NEW_TITLE}  `);
    await page.getByLabel("New title for routine-guide").press("Enter");
    const renamed = page.locator(`tr[data-document="${NEW_TITLE}"]`);
    await expect.poll(() => renamed.locator(".title-row strong").innerText()).toBe(NEW_TITLE);
    await page.reload();
    await expect
      .poll(() => page.locator(`tr[data-document="${NEW_TITLE}"] .title-row strong`).innerText())
      .toBe(NEW_TITLE);
    await screenshot(page, "knowledge-renamed");
  });

  it("shows the test chat's answers with numbered sources under the new title, and what each rests on", async () => {
    const { page } = creator;
    await openScreen(page, "Persona & voice");
    const fallback = await askTestChat(page, OFF_TOPIC);
    expect(await fallback.locator(".answer-badges").innerText()).toBe("Fallback line");

    const answer = await askTestChat(page, ROUTINE_QUESTION);
    expect(await answer.locator(".answer-badges").innerText()).toBe("From your material");
    expect(await answer.locator(".source-list .src-title").allInnerTexts()).toEqual([NEW_TITLE]);
    const marker = answer.locator("button.cite");
    expect(await marker.innerText()).toBe("[1]");
    expect(await marker.getAttribute("aria-label")).toBe(`Source 1: ${NEW_TITLE}`);
    expect(await answer.locator(".source-list blockquote").isVisible()).toBe(false);
    await marker.click();
    await expect.poll(() => answer.locator(".source-list blockquote").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe("summary");
    await screenshot(page, "persona-test-chat-sources");
  });

  it("shows the same sources and badges in the inbox transcript", async () => {
    const { page } = creator;
    await openScreen(page, "Inbox");
    // Each visit to a screen with the test chat opens a test conversation of its own, listed once
    // the room has indexed a message in it (the list reloads itself): open the one the questions
    // were asked in.
    const asked = page.locator(".transcript-msg.msg-user", { hasText: ROUTINE_QUESTION });
    const items = page.locator(".conversation-item");
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    let found = false;
    for (let i = 0; i < (await items.count()) && !found; i++) {
      await items.nth(i).click();
      found = await asked.waitFor({ timeout: 10_000 }).then(
        () => true,
        () => false,
      );
    }
    expect(found).toBe(true);
    const answers = page.locator(".transcript-msg.msg-assistant");
    expect(await answers.locator(".answer-badges").allInnerTexts()).toEqual([
      "Fallback line",
      "From your material",
    ]);
    const answer = answers.last();
    expect(await answer.locator(".source-list .src-title").allInnerTexts()).toEqual([NEW_TITLE]);
    await answer.locator("button.cite").click();
    await expect.poll(() => answer.locator(".source-list blockquote").isVisible()).toBe(true);
    expect(await answer.locator(".source-list blockquote").innerText()).toContain(
      "start your morning routine small",
    );
    await screenshot(page, "inbox-sources");
  });

  it("keeps the persona's greeting style and next-step line", async () => {
    const { page } = creator;
    await openScreen(page, "Persona & voice");
    await page.getByLabel("How answers open").selectOption("warm");
    await page.getByLabel("Next step after an answer").fill("Want help planning your first week?");
    await page.getByRole("button", { name: "Save persona" }).click();
    await page.getByText(/Saved as version \d+/).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel("How answers open").inputValue()).toBe("warm");
    expect(await page.getByLabel("Next step after an answer").inputValue()).toBe(
      "Want help planning your first week?",
    );
  });

  it("says when answers are quoted from the material because no model runs, with the next step", async () => {
    const { page } = creator;
    // The room's answers as the built-in answerer writes them.
    await page.routeWebSocket(/\/api\/v1\/widget\/socket/, (ws: WebSocketRoute) => {
      const server = ws.connectToServer();
      server.onMessage((message) => {
        const frame = JSON.parse(String(message)) as Record<string, unknown>;
        ws.send(JSON.stringify(frame.type === "done" ? { ...frame, model: "builtin" } : frame));
      });
    });
    await statusIs(page, { reachable: true, mode: "builtin", status: "ok" });
    await openScreen(page, "Knowledge");
    const banner = page.getByRole("status", { name: "How your assistant answers" });
    await banner.waitFor();
    await openScreen(page, "Persona & voice");
    // The Knowledge screen's banner is gone only once the persona screen has replaced it.
    await settled(page, "Persona & voice");
    await expect
      .poll(() => banner.locator("code").allInnerTexts())
      .toEqual([
        "ollama pull llama3.2:1b",
        "ollama pull nomic-embed-text",
        "sudo systemctl restart inference-bridge",
        "inference-bridge/README.md",
      ]);
    const words = await banner.innerText();
    expect(words).toContain("Your assistant is quoting your material for now");
    expect(words).toContain("No AI model is running on your home server yet");

    await page.getByRole("button", { name: "New test conversation" }).click();
    const answer = await askTestChat(page, ROUTINE_QUESTION);
    expect(await answer.locator(".answer-badges").innerText()).toBe(
      "From your material\nQuoted by the built-in answerer",
    );
    await screenshot(page, "persona-builtin-banner");

    await statusIs(page, { reachable: false, mode: null, status: null });
    await page.reload();
    await page
      .getByRole("status", { name: "Home server status" })
      .getByText("Your home server is not answering right now")
      .waitFor();
    expect(await banner.count()).toBe(0);

    // With a model running, as the test bridge has, there is nothing to say.
    await statusIs(page, null);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Persona & voice" }).waitFor();
    await page.getByLabel("Assistant name").waitFor();
    expect(await page.locator(".banner").count()).toBe(0);
  });
});
