// The fixtures and page helpers of the creator's first hour (dashboard/test/e2e/creator-journey.test.ts):
// what the coach types and connects, the pages of the coach's site, and a new visitor asking there.
import { formatMessage } from "@coach/contracts/messages";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { PROGRAM_STRINGS } from "../../../widget/src/shared/strings";
import { ask, messages, newVisitor, openChat } from "../../../widget/test/support/browser";
import { openScreen, screenshot } from "./dashboard-page";
import type { Served } from "./static-server";

export const FALLBACK = "Nova has nothing on that yet — ask about morning routines instead.";
export const GAP_QUESTION = "How do I fix a flat tyre on my bike?";
export const REPLY = "Hi, this is your coach in person. Let's set your wake-up time together.";
export const CORRECTION =
  "Start with a ten-minute walk outside before any screen, then write three lines.";
/** The question the coach corrected, as another visitor types it: other casing, other punctuation. */
export const SAME_QUESTION_RETYPED = "how do i START a morning routine!!";
export const PROGRAM = "Walk 10K";
export const SLUG = `walk10k-${Date.now()}`;
export const WELCOME = "Welcome to Walk 10K! This week: three easy walks of twenty minutes.";
// A token of the form BotFather issues; the stand-in's getMe answers the username coach_<id>_bot.
export const BOT_ID = String(7_000_000_000 + Math.floor(Math.random() * 999_999_999));
export const BOT_TOKEN = `${BOT_ID}:AA${crypto.randomUUID().replaceAll("-", "")}`;
export const PHONE_NUMBER_ID = String(
  100_000_000_000 + Math.floor(Math.random() * 899_999_999_999),
);
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1360, height: 900 };

/** A page of the coach's site titled `title`, with `tag` (the widget's snippet) in its body. */
export function sitePage(title: string, tag: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${tag}</body></html>`;
}

/** The text of the first finished answer in a visitor's widget. */
async function firstAnswer(visit: Page): Promise<string> {
  let answer: string | undefined;
  await expect
    .poll(
      async () =>
        (answer = (await messages(visit)).find((m) => m.role === "assistant" && !m.busy)?.text),
      { timeout: 20_000 },
    )
    .toBeDefined();
  return answer ?? "";
}

/** A new visitor opens the coach's `site`, asks `question` and gets an answer; their browser closes after. */
export async function newVisitorAsks(
  browser: Browser,
  site: Served | undefined,
  question: string,
): Promise<string> {
  const context = await newVisitor(browser);
  const visit = await context.newPage();
  await visit.goto(site?.url ?? "");
  await openChat(visit);
  await ask(visit, question);
  const answer = await firstAnswer(visit);
  await context.close();
  return answer;
}

/** A new visitor on the program's page (its widget tag) joins with the widget's button, and is in. */
export async function visitorJoinsFromTag(
  browser: Browser,
  site: Served | undefined,
): Promise<void> {
  const context = await newVisitor(browser);
  const visit = await context.newPage();
  await visit.goto(`${site?.url ?? ""}/walk`);
  await openChat(visit);
  const join = formatMessage(PROGRAM_STRINGS.join, { program: PROGRAM });
  await visit.getByRole("button", { name: join }).click();
  await expect
    .poll(() => visit.locator("#coach-widget .program p").innerText(), { timeout: 10_000 })
    .toBe(formatMessage(PROGRAM_STRINGS.enrolledIn, { program: PROGRAM }));
  await screenshot(visit, "visitor-widget-joined");
  await context.close();
}

/** Opens the walk's program on the Programs screen, at `tab`. */
export async function openProgram(
  page: Page,
  tab: "How people join" | "Enrolments",
): Promise<void> {
  await openScreen(page, "Programs");
  await page.locator(".programs-list button", { hasText: PROGRAM }).click();
  await page.getByRole("tab", { name: tab }).click();
}

/** Presses the copy `button` and answers what it put on the clipboard. */
export async function copied(page: Page, button: string): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("button", { name: "Copied" }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}
