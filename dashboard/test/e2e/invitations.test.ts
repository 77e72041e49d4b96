// Invitations by link in real Chromium: an owner invites someone from the team screen and copies the
// link; the invitee opens it on a phone, creates their account from it and lands in the owner's
// workspace with the invited role; the used link then says it was already accepted.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../../../widget/test/support/browser";
import {
  creatorBrowser,
  openScreen,
  screenshot,
  signUpFromOwnAddress,
  signUpThroughScreen,
} from "../support/dashboard-page";

const { dashboardUrl } = inject("dashboard");
const RUN = Date.now();
const OWNER = {
  name: "Marina Costa",
  email: `marina.${RUN}@example.test`,
  password: "Harbour lights 88",
};
const INVITEE = {
  name: "Tomás Reyes",
  email: `tomas.${RUN}@example.test`,
  password: "Quiet river 4512",
};
const WORKSPACE = `${OWNER.name}'s workspace`;

let browser: Browser;
let owner: { context: BrowserContext; page: Page };
let link = "";

beforeAll(async () => {
  browser = await launchChromium();
  owner = await creatorBrowser(browser, dashboardUrl);
});
afterAll(async () => {
  await browser?.close();
});

describe("invitations by link", () => {
  it("gives the owner a link to copy when they invite someone", async () => {
    const { page } = owner;
    await signUpThroughScreen(page, dashboardUrl, OWNER);
    await openScreen(page, "Team & roles");
    await page.getByLabel("Email").fill(INVITEE.email);
    await page.getByLabel("Role").selectOption("editor");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const shown = page.getByRole("status").locator("code");
    link = await shown.innerText();
    expect(link).toMatch(new RegExp(`^${dashboardUrl}/invite/[A-Za-z0-9_-]{43}$`));
    await page.getByRole("button", { name: "Copy link" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await screenshot(page, "team-invitation-link");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, "mobile-team-invitation-link");
    await page.setViewportSize({ width: 1360, height: 900 });
  });

  it("lets the invitee sign up from the link and land in the workspace with the role", async () => {
    const invitee = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await invitee.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: `Join ${WORKSPACE}` }).waitFor();
    await page.getByText("You are invited as editor").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, "mobile-invitation");
    await page.setViewportSize({ width: 1360, height: 900 });
    await screenshot(page, "invitation");
    await signUpFromOwnAddress(page);
    await page.getByRole("link", { name: "Create an account to join" }).click();
    await page.getByLabel("Your name").fill(INVITEE.name);
    await page.getByLabel("Email").fill(INVITEE.email);
    await page.getByLabel("Password").fill(INVITEE.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Welcome, Tomás" }).waitFor();
    await page.getByText(`editor · ${INVITEE.email}`).waitFor();
    expect(await page.title()).toContain(WORKSPACE);

    await page.goto(link);
    await page.getByRole("heading", { name: "This invitation cannot be used" }).waitFor();
    await page.getByText("This invitation was already accepted.").waitFor();
    await screenshot(page, "invitation-used");
    await invitee.close();
  });

  it("shows the owner the new member with their role", async () => {
    const { page } = owner;
    await page.reload();
    const row = page.getByRole("row", { name: new RegExp(INVITEE.name) });
    await expect.poll(() => row.getByRole("combobox").inputValue()).toBe("editor");
  });
});
