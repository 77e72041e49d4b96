// A person from the creator's team takes over a conversation from the dashboard API: the visitor is
// told a person is answering, sees their messages signed with their name, and is told when the
// assistant answers again.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../../scripts/lib/seed-demo.mjs";
import { ROUTINE_QUESTION } from "../../test/support/coach-material";
import { ask, launchChromium, messages, newVisitor, openChat, SCREENSHOTS } from "./support/browser";

const stack = inject("stack");
let browser: Browser;
let token: string;

async function api<T>(route: string, body?: object): Promise<T> {
  const res = await fetch(`${stack.edgeUrl}${route}`, {
    method: body ? "POST" : "GET",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  browser = await launchChromium();
  token = (await api<{ access_token: string }>("/api/v1/auth/login", { email: DEMO_EMAIL, password: DEMO_PASSWORD })).access_token;
});
afterAll(async () => {
  await browser?.close();
});

describe("a takeover as the visitor sees it", () => {
  it("announces the person, signs their messages with their name, and announces the hand-back", async () => {
    const page = await (await newVisitor(browser)).newPage();
    await page.goto(stack.demoUrl);
    await openChat(page);
    const marker = `Quokka${Date.now()}`;
    await ask(page, `${ROUTINE_QUESTION} ${marker}`);
    await expect.poll(async () => (await messages(page)).some((m) => m.role === "assistant" && !m.busy), { timeout: 30_000 }).toBe(true);

    // The inbox finds the conversation by its text once the room has flushed its index.
    let conversationId = "";
    await expect
      .poll(async () => {
        conversationId = (await api<{ conversations: { id: string }[] }>(`/api/v1/conversations?q=${marker}`)).conversations[0]?.id ?? "";
        return conversationId;
      }, { timeout: 15_000 })
      .not.toBe("");

    const notice = page.locator("#coach-widget .notice");
    await api(`/api/v1/conversations/${conversationId}/takeover`, {});
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain("Maya Demo from the coaching team is answering you now.");
    await api(`/api/v1/conversations/${conversationId}/messages`, { text: "Hi, it's Maya herself. Let's look at this together." });
    await expect.poll(async () => (await messages(page)).find((m) => m.role === "creator")?.text, { timeout: 10_000 }).toBe("Hi, it's Maya herself. Let's look at this together.");
    expect(await page.locator("#coach-widget .msg.creator .author").textContent()).toBe("Maya Demo (coach)");
    await page.screenshot({ path: `${SCREENSHOTS}/widget-takeover.png` });

    await api(`/api/v1/conversations/${conversationId}/handback`, {});
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain("assistant is answering again");
    await page.context().close();
  });
});
