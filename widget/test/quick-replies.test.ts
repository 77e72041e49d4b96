// Quick replies as the visitor sees them: a check-in's choices appear as buttons under the message,
// can be answered from the keyboard, go to the server as the choice's id, and disappear once answered
// (also after a reload).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ROUTINE_QUESTION } from "../../test/support/coach-material";
import {
  ask,
  launchChromium,
  messages,
  newVisitor,
  openChat,
  SCREENSHOTS,
} from "./support/browser";
import { demoCreatorApi, type CreatorApi } from "./support/creator-api";

const stack = inject("stack");
let browser: Browser;
let api: CreatorApi;

function chips(page: Page) {
  return page.locator("#coach-widget .msg.assistant .replies .chip");
}

beforeAll(async () => {
  browser = await launchChromium();
  api = await demoCreatorApi(stack.edgeUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("quick replies in the widget", () => {
  it("shows a check-in's choices as buttons, answers one from the keyboard, and hides them for good", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    await ask(page, ROUTINE_QUESTION);
    await expect
      .poll(async () => (await messages(page)).some((m) => m.role === "assistant" && !m.busy), {
        timeout: 30_000,
      })
      .toBe(true);

    // The widget keeps its conversation id beside the transcript; the inbox names its contact.
    let contactId = "";
    await expect
      .poll(
        async () => {
          const conversationId = await page.evaluate(() => {
            const key = Object.keys(localStorage).find((k) => k.endsWith(".log"));
            return key
              ? ((JSON.parse(localStorage.getItem(key) ?? "{}") as { conversationId?: string })
                  .conversationId ?? "")
              : "";
          });
          if (!conversationId) return "";
          contactId =
            (
              await api<{ contact: { id: string } | null }>(
                `/api/v1/conversations/${conversationId}`,
              )
            ).contact?.id ?? "";
          return contactId;
        },
        { timeout: 15_000 },
      )
      .not.toBe("");
    const program = await api<{ id: string }>("/api/v1/programs", {
      name: "Motivation check",
      slug: `motivation-${Date.now()}`,
      steps: {
        nodes: [
          {
            id: "ask",
            kind: "checkin",
            question: "How motivated are you today?",
            choices: [
              { id: "low", label: "Low" },
              { id: "medium", label: "Medium" },
              { id: "high", label: "High" },
            ],
          },
          { id: "pause", kind: "wait", duration_minutes: 60 },
          { id: "end", kind: "end" },
        ],
        edges: [
          { from: "ask", to: "pause" },
          { from: "pause", to: "end" },
        ],
      },
    });
    // Whatever the hour of the run, the check-in must not wait for the end of quiet hours.
    await api(`/api/v1/contacts/${contactId}/coaching`, { quiet_hours: null }, "PUT");
    const enrolment = await api<{ id: string }>("/api/v1/enrollments", {
      program_id: program.id,
      contact_id: contactId,
    });

    await expect
      .poll(() => chips(page).allTextContents(), { timeout: 20_000 })
      .toEqual(["Low", "Medium", "High"]);
    expect(await page.locator("#coach-widget .replies").getAttribute("role")).toBe("group");
    await page.screenshot({ path: `${SCREENSHOTS}/widget-quick-replies.png` });

    await chips(page).nth(1).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(
        async () =>
          (await messages(page))
            .filter((m) => m.role === "user")
            .map((m) => m.text)
            .at(-1),
        { timeout: 10_000 },
      )
      .toBe("Medium");
    expect(await chips(page).count()).toBe(0);
    expect(
      await page.evaluate(
        () => document.getElementById("coach-widget")?.shadowRoot?.activeElement?.tagName,
      ),
    ).toBe("TEXTAREA");
    // The server got the choice's id, so the check-in is answered with it.
    await expect
      .poll(
        async () =>
          (
            await api<{ history: { event: string; detail?: { choice_id?: string } }[] }>(
              `/api/v1/enrollments/${enrolment.id}`,
            )
          ).history.find((h) => h.event === "answered")?.detail?.choice_id,
        {
          timeout: 10_000,
        },
      )
      .toBe("medium");

    // The panel reopens by itself after a reload, with the history from the browser and the server.
    await page.reload();
    await expect
      .poll(
        async () => (await messages(page)).some((m) => m.text === "How motivated are you today?"),
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await chips(page).count()).toBe(0);
    await page.context().close();
  });
});
