// Every main screen of the dashboard, signed in as the seeded demo creator in real Chromium: each renders
// its content (no endless skeleton, no blank page) and is saved as a screenshot for review. Also: signing
// in with an invitation, switching workspaces, creating an API key shown once, and the narrow-screen menu.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import { DEMO_EMAIL, DEMO_PASSWORD } from "../../../scripts/lib/seed-demo.mjs";
import { creatorBrowser, openScreen, screenshot, settled } from "../support/dashboard-page";

const { dashboardUrl, edgeUrl } = inject("dashboard");

let browser: Browser;
let creator: { context: BrowserContext; page: Page };

async function api(
  route: string,
  init: { token?: string; body?: unknown } = {},
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(`${edgeUrl}${route}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  browser = await launchChromium();
  creator = await creatorBrowser(browser, dashboardUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("the dashboard's screens", () => {
  it("signs in with an invitation into another workspace, and switches back to the creator's own", async () => {
    const studio = { email: `studio.${Date.now()}@example.test`, password: "Tide-pool orbit 42" };
    await api("/api/v1/auth/register", { body: { ...studio, full_name: "Studio Owner" } });
    const other = await api("/api/v1/auth/login", { body: studio });
    const invite = await api("/api/v1/members", {
      token: String(other.access_token),
      body: { email: DEMO_EMAIL, role: "editor" },
    });
    const { page } = creator;
    await page.goto(dashboardUrl);
    await page.getByLabel("Email").fill(DEMO_EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByText("I was invited to a workspace").click();
    await page.getByLabel("Invitation link or token").fill(String(invite.invitation_token));
    await screenshot(page, "sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Welcome, Maya" }).waitFor();
    const switcher = page.getByLabel("Workspace", { exact: true });
    await expect
      .poll(() => switcher.locator("option:checked").innerText())
      .toBe("Studio Owner's workspace (editor)");

    await switcher.selectOption({ label: "Maya Demo's workspace (owner)" });
    await expect.poll(() => page.locator(".sidebar-foot").innerText()).toContain("owner");
    expect(await switcher.locator("option:checked").innerText()).toBe(
      "Maya Demo's workspace (owner)",
    );
  });

  const screens: [label: string, heading: string, file: string][] = [
    ["Get started", "Welcome, Maya", "onboarding-demo"],
    ["Safety", "Safety", "safety"],
    ["Channels", "Channels", "channels"],
    ["Gaps", "Gaps", "gaps-empty"],
    ["Analytics", "Analytics", "analytics-empty"],
    ["Revenue", "Revenue", "revenue-empty"],
    ["Team & roles", "Team & roles", "team"],
    ["Integrations", "Integrations", "integrations"],
    ["Audit log", "Audit log", "audit"],
    ["Export & delete", "Export & delete", "export-delete"],
  ];
  for (const [label, heading, file] of screens) {
    it(`renders ${label} with content or a clear state`, async () => {
      const { page } = creator;
      await openScreen(page, label);
      await settled(page, heading);
      const text = await page.locator("main").innerText();
      expect(text.length).toBeGreaterThan(heading.length + 40);
      await screenshot(page, file);
    });
  }

  it("shows the workspace's platform plan usage on Team & roles, unlimited by default", async () => {
    const { page } = creator;
    await openScreen(page, "Team & roles");
    await settled(page, "Team & roles");
    await page.getByText("Plan usage").waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toMatch(/Your workspace is on the free plan/);
    expect(text).toMatch(/Seats \(members and pending invitations\)\s+\d+ \(unlimited\)/);
  });

  it("sets how long conversations are kept under Data retention, and keeps it after a reload", async () => {
    const { page } = creator;
    await openScreen(page, "Export & delete");
    await settled(page, "Export & delete");
    const row = page.locator('[data-retention="conversations_days"]');
    await row.getByText("Keep forever").click();
    await row.getByLabel("Conversations (days)").fill("3650");
    await page.getByRole("button", { name: "Save retention" }).click();
    await page.getByText("Saved. Older data is being deleted now.").waitFor();
    await screenshot(page, "data-retention");
    await page.reload();
    await settled(page, "Export & delete");
    await expect.poll(() => row.getByLabel("Conversations (days)").inputValue()).toBe("3650");
  });

  it("shows the audit trail of the switch", async () => {
    const { page } = creator;
    await openScreen(page, "Audit log");
    await settled(page, "Audit log");
    await expect.poll(() => page.locator("table").innerText()).toContain("auth.workspace_switched");
    // People by name, never as "user dd66a982".
    await expect.poll(() => page.locator("table").innerText()).not.toMatch(/\buser [0-9a-f]{8}/);
  });

  it("creates an API key and shows it once", async () => {
    const { page } = creator;
    await openScreen(page, "API keys");
    await settled(page, "API keys");
    await page.getByLabel("Name", { exact: true }).fill("Course site sync");
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByText("Copy this key now; it is not shown again.").waitFor();
    expect(await page.locator(".notice-success code").innerText()).toMatch(/^ck_/);
    await expect.poll(() => page.locator("table").innerText()).toContain("Course site sync");
    await screenshot(page, "api-keys");
  });

  it("on a phone, the menu opens as a drawer and closes on navigation", async () => {
    const phone = await creatorBrowser(browser, dashboardUrl, { width: 390, height: 844 });
    await phone.page.goto(dashboardUrl);
    await phone.page.getByLabel("Email").fill(DEMO_EMAIL);
    await phone.page.getByLabel("Password").fill(DEMO_PASSWORD);
    await phone.page.getByRole("button", { name: "Sign in" }).click();
    await phone.page.getByRole("heading", { level: 1 }).waitFor();
    expect(await phone.page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    await phone.page.getByRole("button", { name: "Menu" }).click();
    await screenshot(phone.page, "mobile-menu");
    await openScreen(phone.page, "Knowledge");
    await phone.page.getByRole("heading", { level: 1, name: "Knowledge" }).waitFor();
    expect(await phone.page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
    await screenshot(phone.page, "mobile-knowledge");
    await phone.context.close();
  });
});
