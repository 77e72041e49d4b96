// The steps of the creator's first hour (dashboard/test/e2e/creator-journey.test.ts) in which the coach
// works in the dashboard alone: the material and the persona, a search of the inbox, the program and the
// channels people join it on, the analytics, and the export at the end. Each step checks what the coach
// sees; the walk calls them in order.
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { COACH_MATERIAL, ROUTINE_QUESTION } from "../../../test/support/coach-material";
import {
  BOT_ID,
  BOT_TOKEN,
  copied,
  CORRECTION,
  DESKTOP,
  FALLBACK,
  openProgram,
  PHONE,
  PHONE_NUMBER_ID,
  PROGRAM,
  sitePage,
  SLUG,
  WELCOME,
} from "./creator-journey";
import { openScreen, screenshot } from "./dashboard-page";

/**
 * Uploads the routine guide with a progress bar and sees it become ready; a Windows program dropped in
 * as notes.txt is refused with the reason.
 */
export async function uploadMaterial(page: Page): Promise<void> {
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
}

/** Names the persona Nova; the test chat answers in its fallback and from the material. */
export async function namePersona(page: Page): Promise<void> {
  await openScreen(page, "Persona & voice");
  await page.getByLabel("Assistant name").fill("Nova");
  await page.getByLabel("Fallback answer").fill(FALLBACK);
  await page.getByRole("button", { name: "Save persona" }).click();
  await page.getByText("Saved as version 1").waitFor();

  await page.getByLabel("Message to your assistant").fill("What is the capital of Peru?");
  await page.getByLabel("Message to your assistant").press("Enter");
  const answer = page.locator(".chat-assistant .chat-text").last();
  await expect.poll(() => answer.innerText(), { timeout: 20_000 }).toBe(FALLBACK);

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
}

/** Searches the inbox: a phrase finds its conversation, a phrase nobody wrote finds none. */
export async function searchInbox(page: Page): Promise<void> {
  await openScreen(page, "Inbox");
  await page.getByLabel("Search conversations").fill("capital of Peru");
  await expect.poll(() => page.locator(".conversation-item").count(), { timeout: 10_000 }).toBe(1);
  await page.getByLabel("Search conversations").fill("zebra migration schedule");
  await page.getByText("No conversation matches").waitFor();
  await page.getByLabel("Search conversations").fill("");
  await expect.poll(() => page.locator(".conversation-item").count()).toBeGreaterThanOrEqual(2);
}

/**
 * Builds the walk's program and writes its welcome (version 2); its join panel gives the widget tag,
 * which goes on the coach's page `/walk` in `sitePages`, and says where to connect channels.
 */
export async function buildProgram(page: Page, sitePages: Map<string, string>): Promise<void> {
  await openScreen(page, "Programs");
  await page.getByLabel("Name", { exact: true }).fill(PROGRAM);
  await page.getByLabel("Short name").fill(SLUG);
  await page.getByRole("button", { name: "Create program" }).click();
  await expect.poll(() => page.locator(".flow-step").count(), { timeout: 15_000 }).toBe(2);
  // The coach writes the welcome in their own words: a new version of the program.
  await page.locator(".flow-step", { has: page.locator("code", { hasText: "welcome" }) }).click();
  await page.getByLabel("Text", { exact: true }).fill(WELCOME);
  await page.getByRole("button", { name: "Save as new version" }).click();
  await page.getByText("Saved: version 2.").waitFor();
  await expect
    .poll(() => page.locator(".programs-list button", { hasText: PROGRAM }).innerText())
    .toContain("v2");

  await page.getByRole("tab", { name: "How people join" }).click();
  const tag = page.getByTestId("program-widget-tag");
  await expect.poll(() => tag.innerText()).toContain(`data-program="${SLUG}"`);
  await page.getByText("No Telegram bot is connected yet.").waitFor();
  await page.getByText("No WhatsApp number is connected yet.").waitFor();
  expect(await page.getByRole("link", { name: "Connect one on Channels" }).count()).toBe(2);
  const copiedTag = await copied(page, "Copy widget tag");
  expect(copiedTag).toBe(await tag.innerText());
  // The coach puts the tag on a page of their site that offers the program.
  sitePages.set("/walk", sitePage("Walk 10K with Ada", copiedTag));
  await page.getByRole("link", { name: "Connect one on Channels" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Channels" }).waitFor();
}

/**
 * Connects a bot and a number; the join panel then gives the Telegram link and the WhatsApp keyword's
 * link and QR code, on a desktop and a phone.
 */
export async function connectChannels(page: Page): Promise<void> {
  await page.getByLabel("Bot token").fill(BOT_TOKEN);
  await page.getByRole("button", { name: "Connect Telegram bot" }).click();
  await page.getByText(BOT_ID).first().waitFor();
  await page.getByLabel("Phone number id").fill(PHONE_NUMBER_ID);
  await page.getByLabel("Access token").fill(`EAAG${crypto.randomUUID()}`);
  await page.getByLabel("App secret").fill(crypto.randomUUID());
  await page.getByRole("button", { name: "Connect WhatsApp number" }).click();
  await page.getByText(PHONE_NUMBER_ID).first().waitFor();

  await openProgram(page, "How people join");
  const link = `https://t.me/coach_${BOT_ID}_bot?start=${SLUG}`;
  await page.getByText(link).waitFor();
  await page.getByText(`@coach_${BOT_ID}_bot`).waitFor();
  expect(await copied(page, "Copy link")).toBe(link);

  await page.getByLabel("Keyword").fill("join walk");
  await page.getByRole("button", { name: "Save keyword" }).click();
  // The stand-in displays every number as Graph would: "+1 555-0100".
  await page.getByText("https://wa.me/15550100?text=JOIN%20WALK").waitFor();
  const qr = page.getByRole("img", { name: "QR code: send JOIN WALK to +1 555-0100" });
  await expect
    .poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await screenshot(page, "programs-join");

  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await screenshot(page, "mobile-programs-join");
  await page.setViewportSize(DESKTOP);
}

/** Charts the workspace's activity: conversations and active users per day. */
export async function chartActivity(page: Page): Promise<void> {
  await openScreen(page, "Analytics");
  await page.getByRole("img", { name: "Conversations and active users per day" }).waitFor();
  expect(await page.locator(".legend").first().innerText()).toMatch(/Conversations \([1-9]\d*\)/);
  await screenshot(page, "analytics");
}

/** Exports the workspace: the file holds the program's versions, the correction and working links to the originals. */
export async function exportWorkspace(page: Page): Promise<void> {
  await openScreen(page, "Export & delete");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export workspace" }).click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, "utf8")) as {
    programs: { slug: string; name: string; versions: { version: number; steps: unknown }[] }[];
    corrections: { question: string; answer: string }[];
    documents: { title: string; kind: string; original_url: string | null }[];
  };
  expect(exported.programs).toEqual([expect.objectContaining({ slug: SLUG, name: PROGRAM })]);
  const versions = exported.programs[0]?.versions ?? [];
  expect(versions.map((v) => v.version)).toEqual([1, 2]);
  expect(JSON.stringify(versions[1]?.steps)).toContain(WELCOME);
  expect(exported.corrections).toEqual([
    expect.objectContaining({ question: ROUTINE_QUESTION, answer: CORRECTION }),
  ]);
  const guide = exported.documents.find((d) => d.title === "routine-guide");
  expect(guide?.original_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/originals\//);
  // The link is the coach's way back to the very file they uploaded.
  const original = await fetch(guide?.original_url ?? "");
  expect(original.status).toBe(200);
  expect(await original.text()).toContain("# Routine guide");
}
