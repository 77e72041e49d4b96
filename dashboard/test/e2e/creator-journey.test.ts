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
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
} from "../../../widget/test/support/browser";
import { ROUTINE_QUESTION } from "../../../test/support/coach-material";
import {
  BOT_TOKEN,
  copied,
  CORRECTION,
  DESKTOP,
  FALLBACK,
  GAP_QUESTION,
  newVisitorAsks,
  openProgram,
  PROGRAM,
  REPLY,
  SAME_QUESTION_RETYPED,
  sitePage,
  SLUG,
  visitorJoinsFromTag,
} from "../support/creator-journey";
import {
  buildProgram,
  chartActivity,
  connectChannels,
  exportWorkspace,
  namePersona,
  searchInbox,
  uploadMaterial,
} from "../support/creator-journey-steps";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpThroughScreen,
} from "../support/dashboard-page";
import { serveSite, type Served } from "../support/static-server";
import { telegramUser } from "../support/telegram-user";

const { dashboardUrl, telegramUrl } = inject("dashboard");

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

  it("uploads material with a progress bar and sees it become ready; a program dropped in is refused with the reason", () =>
    uploadMaterial(creator.page));

  it("names the persona, and the test chat answers in its words and from the material", () =>
    namePersona(creator.page));

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

    expect(await newVisitorAsks(browser, site, SAME_QUESTION_RETYPED)).toContain(CORRECTION);
  });

  it("searches the inbox: a phrase finds its conversation, a phrase nobody wrote finds none", () =>
    searchInbox(creator.page));

  it("lists a visitor's question the material could not answer under Gaps, not the test chat's", async () => {
    expect(await newVisitorAsks(browser, site, GAP_QUESTION)).toBe(FALLBACK);
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
    expect(
      await newVisitorAsks(browser, site, "honestly i just want to go to sleep and not wake up"),
    ).toContain("findahelpline.com");
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

  it("builds a program in its own words, and its join panel gives the widget tag and says where to connect channels", () =>
    buildProgram(creator.page, sitePages));

  it("connects a bot and a number, and the join panel gives the Telegram link and the WhatsApp keyword's link and QR code, on a desktop and a phone", () =>
    connectChannels(creator.page));

  it("a visitor joins from the page with the program's widget tag", () =>
    visitorJoinsFromTag(browser, site));

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

  it("shows an enrolment's history in words: how they joined and what happened since, newest first", async () => {
    const { page } = creator;
    const lines = async (name: string) => {
      await page.getByRole("button", { name: `History of ${name}` }).click();
      const items = page.getByRole("region", { name: `History of ${name}` }).locator("li");
      await expect.poll(() => items.count(), { timeout: 10_000 }).toBeGreaterThan(0);
      return items.allInnerTexts();
    };
    const priya = await lines("Priya");
    expect(priya.at(-1)).toMatch(/Joined on Telegram, version \d+$/);
    await screenshot(page, "programs-enrolment-history");
    const omar = await lines("Omar");
    expect(omar.at(-1)).toMatch(/Enrolled by your team, version \d+$/);
  });

  it("charts the workspace's activity", () => chartActivity(creator.page));

  it("exports the workspace: the file holds the program's versions, the correction and working links to the original files", () =>
    exportWorkspace(creator.page));
});
