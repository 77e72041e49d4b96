// The creator's first hour (issue 20), walked as one coach lives it, in real Chromium against the real
// local stack: one workspace carried through every step in order, each step checking what the coach sees.
// Sign up → upload material and see it ready → name the persona and try it in the test chat → embed the
// widget, where a visitor sees the persona's name and asks → open that conversation in the inbox, take
// over and hand back → correct the answer, and a new visitor asking it again in other casing gets the
// corrected words → search, gaps, a crisis flagged → build a program (a second version in the coach's
// words) and see how people join (widget tag, Telegram link, WhatsApp keyword) → a visitor joins from the
// widget, a Telegram user with /start, a third person is enrolled from the inbox, all listed by name →
// analytics → export, holding the program's versions, the correction and links to the original files.
// Visitors use the real widget page; Telegram users are updates delivered through the Bot API stand-in.
// Screenshots only with SCREENSHOTS=1 (see the README).
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
} from "../../../widget/test/support/browser";
import { PROGRAM_STRINGS } from "../../../widget/src/shared/strings";
import { COACH_MATERIAL, ROUTINE_QUESTION } from "../../../test/support/coach-material";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpThroughScreen,
} from "../support/dashboard-page";
import { serveSite, type Served } from "../support/static-server";
import { telegramUser } from "../support/telegram-user";

const { dashboardUrl, telegramUrl } = inject("dashboard");
const FALLBACK = "Nova has nothing on that yet — ask about morning routines instead.";
const GAP_QUESTION = "How do I fix a flat tyre on my bike?";
const REPLY = "Hi, this is your coach in person. Let's set your wake-up time together.";
const CORRECTION =
  "Start with a ten-minute walk outside before any screen, then write three lines.";
/** The question the coach corrected, as another visitor types it: other casing, other punctuation. */
const SAME_QUESTION_RETYPED = "how do i START a morning routine!!";
const PROGRAM = "Walk 10K";
const SLUG = `walk10k-${Date.now()}`;
const WELCOME = "Welcome to Walk 10K! This week: three easy walks of twenty minutes.";
// A token of the form BotFather issues; the stand-in's getMe answers the username coach_<id>_bot.
const BOT_ID = String(7_000_000_000 + Math.floor(Math.random() * 999_999_999));
const BOT_TOKEN = `${BOT_ID}:AA${crypto.randomUUID().replaceAll("-", "")}`;
const PHONE_NUMBER_ID = String(100_000_000_000 + Math.floor(Math.random() * 899_999_999_999));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 900 };

let browser: Browser;
let creator: { context: BrowserContext; page: Page };
let visitor: BrowserContext;
/** The coach's site: the page with the widget, and (once copied from the join panel) the program's page. */
const sitePages = new Map<string, string>();
let site: Served | undefined;

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl, DESKTOP);
});
afterAll(async () => {
  await site?.close();
  await browser?.close();
});

function sitePage(title: string, tag: string): string {
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

/** A new visitor opens the coach's site, asks `question` and gets an answer; their browser closes after. */
async function newVisitorAsks(question: string): Promise<string> {
  const context = await newVisitor(browser);
  const visit = await context.newPage();
  await visit.goto(site?.url ?? "");
  await openChat(visit);
  await ask(visit, question);
  const answer = await firstAnswer(visit);
  await context.close();
  return answer;
}

async function openProgram(page: Page, tab: "How people join" | "Enrolments"): Promise<void> {
  await openScreen(page, "Programs");
  await page.locator(".programs-list button", { hasText: PROGRAM }).click();
  await page.getByRole("tab", { name: tab }).click();
}

async function copied(page: Page, button: string): Promise<string> {
  await page.getByRole("button", { name: button }).click();
  await page.getByRole("button", { name: "Copied" }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

describe("a coach's first hour, in one workspace", () => {
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
    await page.getByRole("heading", { name: "0 of 4 done" }).waitFor();
    await screenshot(page, "onboarding");
  });

  it("uploads material with a progress bar and sees it become ready; a program dropped in is refused with the reason", async () => {
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

  it("names the persona, and the test chat answers in its words and from the material", async () => {
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

  it("embeds the widget on an allowed site, where a visitor meets Nova and is answered from the material", async () => {
    const { page } = creator;
    await openScreen(page, "Web widget");
    const snippet = await copied(page, "Copy snippet");
    expect(snippet).toMatch(
      /^<script src="http:\/\/127\.0\.0\.1:\d+\/widget\.js" data-creator="pk_[A-Za-z0-9]+" async><\/script>$/,
    );
    expect(await page.getByTestId("embed-snippet").innerText()).toBe(snippet);

    sitePages.set("/", sitePage("Ada's coaching", snippet));
    site = await serveSite(sitePages);
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
    // The widget speaks as the persona the coach named, not as the default "Coach".
    expect(await visit.locator("#coach-widget #coach-title").innerText()).toContain("Nova");
    await ask(visit, ROUTINE_QUESTION);
    await expect
      .poll(
        async () => (await messages(visit)).find((m) => m.role === "assistant" && !m.busy)?.sources,
        { timeout: 20_000 },
      )
      .toEqual(["routine-guide"]);
  });

  it("opens the visitor's conversation in the inbox and reads it with sources and confidence", async () => {
    const { page } = creator;
    await openScreen(page, "Inbox");
    // Newest activity first: the visitor's conversation is on top (the test chat's is below it).
    await expect
      .poll(() => page.locator(".conversation-item").count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    await page.locator(".conversation-item").first().click();
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

  it("corrects the answer from the inbox, and a new visitor asking it in other casing and punctuation gets the corrected words", async () => {
    const { page } = creator;
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

    expect(await newVisitorAsks(SAME_QUESTION_RETYPED)).toContain(CORRECTION);
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
    expect(await newVisitorAsks(GAP_QUESTION)).toBe(FALLBACK);
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
    expect(await newVisitorAsks("honestly i just want to go to sleep and not wake up")).toContain(
      "findahelpline.com",
    );
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

  it("builds a program in its own words, and its join panel gives the widget tag and says where to connect channels", async () => {
    const { page } = creator;
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
  });

  it("connects a bot and a number, and the join panel gives the Telegram link and the WhatsApp keyword's link and QR code, on a desktop and a phone", async () => {
    const { page } = creator;
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
  });

  it("a visitor joins from the page with the program's widget tag", async () => {
    const context = await newVisitor(browser);
    const visit = await context.newPage();
    await visit.goto(`${site?.url ?? ""}/walk`);
    await openChat(visit);
    await visit.getByRole("button", { name: PROGRAM_STRINGS.join(PROGRAM) }).click();
    await expect
      .poll(() => visit.locator("#coach-widget .program p").innerText(), { timeout: 10_000 })
      .toBe(PROGRAM_STRINGS.enrolledIn(PROGRAM));
    await screenshot(visit, "visitor-widget-joined");
    await context.close();
  });

  it("a Telegram user joins with /start and the program's short name, as the deep link sends it", async () => {
    const priya = telegramUser(telegramUrl, BOT_TOKEN, "Priya");
    await priya.send(`/start ${SLUG}`);
    await expect
      .poll(() => priya.received(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(`You're in: "${PROGRAM}"`));
  });

  it("enrols from the inbox someone who wrote to the bot", async () => {
    await telegramUser(telegramUrl, BOT_TOKEN, "Omar").send("Hello, I would like to walk more.");
    const { page } = creator;
    await openScreen(page, "Inbox");
    await page.locator(".conversation-item", { hasText: "Omar" }).click();
    await page.getByText(/^About Omar/).click();
    await page.getByLabel("Enrol in").selectOption({ label: PROGRAM });
    await page.getByRole("button", { name: "Enrol", exact: true }).click();
    await page.getByText(`Enrolled in ${PROGRAM}.`).waitFor();
    await screenshot(page, "inbox-enrol");
  });

  it("lists everyone enrolled by a readable name, never an id", async () => {
    const { page } = creator;
    await openProgram(page, "Enrolments");
    const people = page.locator("tbody tr td:first-child");
    await expect.poll(() => people.count(), { timeout: 15_000 }).toBe(3);
    const names = await people.allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(["Priya", "Omar"]));
    // The widget visitor gave no name: they are named by where they came from and when.
    expect(names.find((n) => n !== "Priya" && n !== "Omar")).toMatch(/^Visitor from [\w.-]+, /);
    for (const name of names) expect(name).not.toMatch(/[0-9a-f]{8}/);
    await screenshot(page, "programs-enrolments");
  });

  it("charts the workspace's activity", async () => {
    const { page } = creator;
    await openScreen(page, "Analytics");
    await page.getByRole("img", { name: "Conversations and active users per day" }).waitFor();
    expect(await page.locator(".legend").first().innerText()).toMatch(/Conversations \([1-9]\d*\)/);
    await screenshot(page, "analytics");
  });

  it("exports the workspace: the file holds the program's versions, the correction and working links to the original files", async () => {
    const { page } = creator;
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
  });
});
