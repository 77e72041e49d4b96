// Helpers for the companion app's browser tests: a widget visitor who links the app with "Open in the
// app", a phone with a real browser profile, the app's transcript, its service worker as the DevTools
// protocol sees it, and a PNG's size.
import type { TranscriptPage } from "@coach/contracts/conversation-views";
import { formatMessage } from "@coach/contracts/messages";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from "playwright-core";
import { expect } from "vitest";
import { EXTRA } from "../../src/shared/strings";
import { ask, newVisitor, openChat } from "./browser";
import type { CreatorApi } from "./creator-api";
import type { StackInfo } from "./stack";

/** What the tests read of the service worker's global scope (evaluated inside it). */
export type WorkerScope = {
  registration: ServiceWorkerRegistration;
  dispatchEvent(event: Event): boolean;
  NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
};

const profiles: string[] = [];

/** The app's address for the stack's demo creator: the scope its service worker controls. */
export function appScope(stack: StackInfo): string {
  return `${stack.edgeUrl}/app/${stack.publicKey}/`;
}

/** The conversation the widget's socket is in (the `cid` of the visitor token in the socket's URL). */
function socketConversation(url: string): string {
  const token = new URL(url).searchParams.get("token") ?? "";
  const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString()) as {
    cid: string;
  };
  return claims.cid;
}

/**
 * A widget visitor who asked something, then pressed "Open in the app" in the widget on the creator's
 * site: the panel shows the app's link (a fresh phone then opens it) and the one-time code.
 */
export async function linkedVisitor(
  stack: StackInfo,
  browser: Browser,
  api: CreatorApi,
  question: string,
) {
  const site = await newVisitor(browser);
  const page = await site.newPage();
  const socket = page.waitForEvent("websocket");
  await page.goto(stack.demoUrl);
  await openChat(page);
  const conversationId = socketConversation((await socket).url());
  await ask(page, question);
  // Stored by the room (not only drawn by the widget) before the site is closed.
  await expect
    .poll(async () =>
      (await api<TranscriptPage>(`/api/v1/conversations/${conversationId}/messages`)).messages.some(
        (m) => m.text === question,
      ),
    )
    .toBe(true);
  const openApp = page.getByRole("button", { name: EXTRA.openApp });
  await openApp.click();
  expect(await openApp.getAttribute("aria-expanded")).toBe("true");
  const link = page.getByRole("link", { name: EXTRA.appLink });
  await link.waitFor();
  const url = (await link.getAttribute("href")) ?? "";
  expect(await link.getAttribute("target")).toBe("_blank");
  expect(await link.getAttribute("rel")).toBe("noopener");
  const code = await page.locator("#coach-widget .sheet .code").innerText();
  expect(url).toBe(`${appScope(stack)}#code=${code}`);
  expect(await page.locator("#coach-widget .sheet").innerText()).toContain(
    formatMessage(EXTRA.validFor, { minutes: 10 }),
  );
  await site.close();
  return { url, conversationId };
}

/**
 * A phone with a real profile: Chromium never offers to install from an incognito context, which is
 * what a plain new context is. The profiles are removed by removePhoneProfiles once the file is done.
 */
export async function phoneWithProfile(): Promise<BrowserContext> {
  const dir = mkdtempSync(path.join(tmpdir(), "app-phone-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  profiles.push(dir);
  return context;
}

/** Removes the profiles phoneWithProfile created. */
export function removePhoneProfiles(): void {
  for (const dir of profiles.splice(0))
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
}

/** The texts of the app's conversation, as its log shows them. */
export function logTexts(app: Page): Promise<string[]> {
  return app.locator(".log li .bubble").allInnerTexts();
}

/** Waits until the app's service worker controls the page. */
export async function waitForController(app: Page): Promise<void> {
  await app.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * The registration id of the app's service worker at `scope`, as the DevTools protocol names it, once
 * its worker is running (started if it was stopped when the app closed), so a pushed message finds it
 * listening.
 */
export async function runningRegistration(cdp: CDPSession, scope: string): Promise<string> {
  const registered = new Promise<string>((resolve) =>
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === scope && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }),
  );
  const running = new Promise<void>((resolve) =>
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      if (versions.some((v) => v.scriptURL === `${scope}sw.js` && v.runningStatus === "running"))
        resolve();
    }),
  );
  await cdp.send("ServiceWorker.enable");
  const id = await registered;
  await cdp.send("ServiceWorker.startWorker", { scopeURL: scope });
  await running;
  return id;
}

/** A PNG's width and height, read from its IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
