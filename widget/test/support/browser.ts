// Chromium for the suite (the system's, driven by playwright-core) and helpers that look into the
// widget's shadow root. Every page gets counters the tests read back: `__pwned` (hostile payloads call
// it), `__cspViolations`, and `__sockets` (every WebSocket the page opened, so a test can cut one).
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

declare global {
  interface Window {
    __pwned: number;
    __cspViolations: string[];
    __sockets: WebSocket[];
    __streamed: string[];
  }
}

export const SCREENSHOTS = "test-results";

/** Launches the system Chromium headless. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

/**
 * A fresh visitor (own storage) with the counters installed before any page script runs.
 * `bypassCSP` takes the demo site's CSP away, for tests that must see what would run on a lax host page;
 * `locale` sets the browser's languages (`navigator.languages`).
 */
export async function newVisitor(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number };
    bypassCSP?: boolean;
    locale?: string;
  } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  await context.addInitScript(() => {
    window.__pwned = 0;
    window.__cspViolations = [];
    window.__sockets = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        window.__sockets.push(this);
      }
    };
  });
  return context;
}

/** Waits until the loader has drawn the launcher. */
export async function waitForLauncher(page: Page): Promise<void> {
  await page.locator("#coach-widget .launcher").waitFor({ state: "visible" });
}

/** Opens the panel with the launcher and waits for the connection. */
export async function openChat(page: Page): Promise<void> {
  await waitForLauncher(page);
  await page.locator("#coach-widget .launcher").click();
  await page.locator("#coach-widget textarea").waitFor({ state: "visible" });
}

/** Types `text` into the composer and sends it with Enter. */
export async function ask(page: Page, text: string): Promise<void> {
  await page.locator("#coach-widget textarea").fill(text);
  await page.locator("#coach-widget textarea").press("Enter");
}

/** The text of each message in the log (without the screen-reader prefix) and its sources' titles, in order. */
export function messages(
  page: Page,
): Promise<{ role: string; text: string; busy: boolean; sources: string[] }[]> {
  return page.evaluate(() => {
    const root = document.getElementById("coach-widget")?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLLIElement>(".log li[data-key]") ?? [])].map((li) => {
      const bubble = li.querySelector(".bubble")?.cloneNode(true) as HTMLElement | undefined;
      bubble?.querySelector(".sr")?.remove();
      return {
        role: [...li.classList].find((c) => c !== "msg" && c !== "failed") ?? "",
        text: bubble?.textContent ?? "",
        busy: li.getAttribute("aria-busy") === "true",
        sources: [...li.querySelectorAll(".sources .src-title")].map((s) => s.textContent ?? ""),
      };
    });
  });
}

/** Records every text the streaming answer shows, into `window.__streamed`. */
export function recordStreaming(page: Page): Promise<void> {
  return page.evaluate(() => {
    window.__streamed = [];
    const root = document.getElementById("coach-widget")?.shadowRoot;
    if (!root) throw new Error("no widget");
    new MutationObserver(() => {
      const bubble = root.querySelector('li[aria-busy="true"] .bubble')?.cloneNode(true) as
        HTMLElement | undefined;
      if (!bubble) return;
      bubble.querySelector(".sr")?.remove();
      const text = bubble.textContent ?? "";
      if (text && text !== window.__streamed.at(-1)) window.__streamed.push(text);
    }).observe(root, { subtree: true, childList: true, characterData: true });
  });
}

/** Changes the Ollama stand-in (speed, reply words) through the bridge stack's control server. */
export async function standIn(
  controlUrl: string,
  settings: Record<string, unknown>,
): Promise<void> {
  const res = await fetch(`${controlUrl}/stand-in/settings`, {
    method: "POST",
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`stand-in settings: ${res.status}`);
}

/** The answer the stand-in gives for `tokens` tokens of `words`. */
export function standInAnswer(words: string[], tokens: number): string {
  return Array.from({ length: tokens }, (_, i) => words[i % words.length]).join(" ");
}

export const STAND_IN_WORDS = ["From", "the", "material", "[1]:", "keep", "going", "daily."];
