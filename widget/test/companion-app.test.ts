// The companion app in Chromium: a widget visitor links the app with the widget's "Open in the app"
// (the same conversation continues there), the app is installable (Chromium's own installability check finds nothing missing), a
// push delivered to its service worker through the DevTools protocol shows the notification of a
// program's message and its click opens the app at that message, and a message typed offline is
// sent once when the network returns. Also measures the first load (bytes, gzipped) and the time to
// interactive with a mid-range phone's CPU and network, and prints both.
import type { TranscriptPage } from "@coach/contracts/conversation-views";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./support/browser";
import {
  appScope,
  linkedVisitor,
  logTexts,
  phoneWithProfile,
  pngSize,
  removePhoneProfiles,
  runningRegistration,
  waitForController,
  type WorkerScope,
} from "./support/companion-app";
import { demoCreatorApi, type CreatorApi } from "./support/creator-api";

const stack = inject("stack");

const FIRST_LOAD_BUDGET = 60 * 1024;
let browser: Browser;
let api: CreatorApi;

beforeAll(async () => {
  browser = await launchChromium();
  api = await demoCreatorApi(stack.edgeUrl);
});
afterAll(async () => {
  await browser?.close();
  removePhoneProfiles();
});

const scope = () => appScope(stack);

describe("the companion app", () => {
  it("continues the widget's conversation, installs, and opens at a pushed program message", async () => {
    const link = await linkedVisitor(stack, browser, api, "Hello from the widget");
    const phone = await phoneWithProfile();
    await phone.grantPermissions(["notifications"], { origin: stack.edgeUrl });
    const app = await phone.newPage();
    await app.goto(link.url);
    await expect.poll(() => logTexts(app)).toContain("Hello from the widget");
    expect(new URL(app.url()).hash).toBe("");
    // The one message written so far is counted in the singular under the progress chart.
    await app.getByRole("button", { name: "Progress" }).click();
    await expect
      .poll(() => app.locator(".progress svg.chart title").textContent())
      .toBe("1 message in the last 14 days");
    await waitForController(app);

    const cdp = await phone.newCDPSession(app);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors).toEqual([]);
    const manifest = (await (await fetch(`${scope()}manifest.webmanifest`)).json()) as {
      scope: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest).toMatchObject({
      scope: `/app/${stack.publicKey}/`,
      start_url: `/app/${stack.publicKey}/`,
      display: "standalone",
      theme_color: stack.primaryColour,
    });
    for (const icon of manifest.icons) {
      const res = await fetch(new URL(icon.src, stack.edgeUrl));
      expect(res.headers.get("Content-Type")).toBe("image/png");
      const { width } = pngSize(Buffer.from(await res.arrayBuffer()));
      expect(`${width}x${width}`).toBe(icon.sizes);
    }

    // A program's next step, sent while the app is closed: the push carries what the edge sends.
    const program = await api<{ id: string }>("/api/v1/programs", {
      name: "App nudges",
      slug: `app-nudges-${Date.now()}`,
      steps: {
        nodes: [
          { id: "step", kind: "message", text: "Time for your ten-minute walk." },
          { id: "end", kind: "end" },
        ],
        edges: [{ from: "step", to: "end" }],
      },
    });
    const transcript = () =>
      api<TranscriptPage>(`/api/v1/conversations/${link.conversationId}/messages`);
    const contactId = (await transcript()).conversation.contact_id;
    await app.close();
    // Whatever the hour of the run, the step must not wait for the end of the default quiet hours.
    await api(`/api/v1/contacts/${contactId}/coaching`, { quiet_hours: null }, "PUT");
    await api("/api/v1/enrollments", { program_id: program.id, contact_id: contactId });
    let seq = 0;
    await expect
      .poll(async () => {
        seq =
          (await transcript()).messages.find((m) => m.text.includes("ten-minute walk"))?.seq ?? 0;
        return seq;
      })
      .toBeGreaterThan(0);

    // A page of the edge's origin outside the app's scope reads the notifications the app shows.
    const origin = await phone.newPage();
    await origin.goto(`${stack.edgeUrl}/health`);
    const control = await phone.newCDPSession(origin);
    const registrationId = await runningRegistration(control, scope());
    const deliver = () =>
      control.send("ServiceWorker.deliverPushMessage", {
        origin: stack.edgeUrl,
        registrationId,
        data: JSON.stringify({
          title: "Maya",
          body: "Time for your ten-minute walk.",
          conversation_id: link.conversationId,
          seq,
        }),
      });
    await deliver();
    const shown = () =>
      origin.evaluate(async (appScope) => {
        const registration = await navigator.serviceWorker.getRegistration(appScope);
        return (await registration?.getNotifications())?.map((n) => ({
          title: n.title,
          body: n.body,
          data: n.data as unknown,
        }));
      }, scope());
    // A worker Chromium stopped between start and delivery drops the push; delivering it again is safe,
    // as the notification's tag is the message's, so a second one replaces the first.
    const shownOrRedeliver = async () => {
      const now = await shown();
      if (!now?.length) await deliver();
      return now;
    };
    await expect.poll(shownOrRedeliver, { interval: 1_000 }).toEqual([
      {
        title: "Maya",
        body: "Time for your ten-minute walk.",
        data: { conversation: link.conversationId, message: seq },
      },
    ]);

    // Opened at the message: at the address the click opens when the app is closed …
    const atMessage = await phone.newPage();
    await atMessage.goto(`${scope()}#m=${seq}`);
    await expect
      .poll(() => atMessage.locator(".log li.target").getAttribute("data-seq"))
      .toBe(String(seq));
    await atMessage.close();
    // … and by the click itself when the app is open. Chromium lets only a real click on a
    // notification open or focus a window, so the worker's handler runs here on the notification
    // it showed, and the open app scrolls to and marks the message.
    const open = await phone.newPage();
    await open.goto(scope());
    await expect.poll(() => logTexts(open)).toContain("Time for your ten-minute walk.");
    expect(await open.locator(".log li.target").count()).toBe(0);
    const worker = phone.serviceWorkers().find((w) => w.url() === `${scope()}sw.js`);
    if (!worker) throw new Error("the app's service worker is not running");
    await worker.evaluate(async () => {
      const sw = self as unknown as WorkerScope;
      const [notification] = await sw.registration.getNotifications();
      if (!notification) throw new Error("no notification");
      const event = new sw.NotificationEvent("notificationclick", { notification });
      const pending: Promise<unknown>[] = [];
      Object.defineProperty(event, "waitUntil", {
        value: (p: Promise<unknown>) => pending.push(p),
      });
      sw.dispatchEvent(event);
      await Promise.allSettled(pending);
    });
    await expect
      .poll(() => open.locator(".log li.target").getAttribute("data-seq"))
      .toBe(String(seq));
    expect(await shown()).toEqual([]);
    await phone.close();
  });

  it("sends a message typed offline once, when the network returns", async () => {
    const link = await linkedVisitor(stack, browser, api, "First words in the widget");
    const phone: BrowserContext = await browser.newContext();
    const app = await phone.newPage();
    await app.goto(link.url);
    await expect.poll(() => logTexts(app)).toContain("First words in the widget");
    await waitForController(app);

    // Emulated offline keeps a socket that is already open, so the app is reopened offline: the
    // service worker serves the shell and the conversation is read from the device.
    await phone.setOffline(true);
    await app.reload();
    await expect.poll(() => logTexts(app)).toContain("First words in the widget");
    await app.locator(".composer textarea").fill("Typed on the train");
    await app.locator(".composer textarea").press("Enter");
    expect(await app.locator(".log li.pending .bubble").innerText()).toBe("Typed on the train");

    await phone.setOffline(false);
    await app.locator(".log li.pending").waitFor({ state: "detached" });
    const stored = (
      await api<TranscriptPage>(`/api/v1/conversations/${link.conversationId}/messages`)
    ).messages.filter((m) => m.text === "Typed on the train");
    expect(stored).toHaveLength(1);
    await phone.close();
  });

  it("loads within 60 KB gzipped and becomes interactive on a mid-range phone profile", async () => {
    const link = await linkedVisitor(stack, browser, api, "Measuring the app");
    const phone = await browser.newContext({ viewport: { width: 412, height: 823 } });
    const app = await phone.newPage();
    const cdp = await phone.newCDPSession(app);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    // Lighthouse's mobile profile ("Slow 4G"): 150 ms round trips, 1.6 Mbps down, 750 kbps up.
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    const bodies: Promise<number>[] = [];
    app.on("response", (res) => {
      if (res.request().resourceType() === "websocket") return;
      bodies.push(
        res.body().then(
          (b) => gzipSync(b, { level: 9 }).length,
          () => 0,
        ),
      );
    });
    await app.goto(link.url);
    await app.locator(".composer textarea").waitFor();
    await app.waitForFunction(() => document.documentElement.dataset.ready === "true");
    const interactiveMs = await app.evaluate(() => performance.now());
    const bytes = (await Promise.all(bodies)).reduce((sum, n) => sum + n, 0);
    console.log(
      `companion app first load: ${bytes} bytes gzipped over ${bodies.length} responses; interactive after ${Math.round(interactiveMs)} ms (CPU 4x slower, 150 ms RTT, 1.6 Mbps)`,
    );
    expect(bytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    await phone.close();
  });
});
