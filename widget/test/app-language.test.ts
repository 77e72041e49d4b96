// The companion app's own words follow the widget's language rule: a Spanish phone (`es-ES`) sees the
// sign-in screen and the main screen in Spanish when the persona speaks Spanish, and English (the
// persona's first language) when the persona does not; the language the person chose wins once the
// app has read their settings, down to where their program stands.
import type { TranscriptPage } from "@coach/contracts/conversation-views";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { appScope, linkedVisitor, logTexts } from "./support/companion-app";
import { createWaitingProgram } from "./support/creator-api";
import { languageSuite } from "./support/language-suite";

const stack = inject("stack");
const suite = languageSuite();
const { speak } = suite;

/** A phone whose browser prefers Spanish. */
function spanishPhone(): Promise<BrowserContext> {
  return suite.browser.newContext({ locale: "es-ES" });
}

/** The sign-in screen's label and button, as a phone that was never signed in sees them. */
async function signInWords(phone: BrowserContext) {
  const page = await phone.newPage();
  await page.goto(appScope(stack));
  const form = page.locator("form.sign-in");
  await form.waitFor();
  return {
    label: await form.locator("label[for=code]").innerText(),
    button: await form.locator("button[type=submit]").innerText(),
  };
}

/** The main screen's composer placeholder and "Add a device" button, once the conversation shows. */
async function mainScreenWords(app: Page, question: string) {
  await expect.poll(() => logTexts(app)).toContain(question);
  return {
    placeholder: await app.locator(".composer textarea").getAttribute("placeholder"),
    addDevice: await app.locator(".tools button:not(.notify)").first().innerText(),
    lang: await app.evaluate(() => document.documentElement.lang),
  };
}

describe("the companion app's language", () => {
  it.each([
    {
      case: "Spanish to a Spanish phone when the persona speaks Spanish",
      languages: ["en", "es"],
      greeting: "Hola desde el widget",
      signIn: { label: "Código", button: "Iniciar sesión" },
      main: { placeholder: "Escribe un mensaje", addDevice: "Añadir un dispositivo", lang: "es" },
    },
    {
      case: "the persona's English to a Spanish phone when the persona speaks only English",
      languages: ["en"],
      greeting: "Hello from an English widget",
      signIn: { label: "Code", button: "Sign in" },
      main: { placeholder: "Write a message", addDevice: "Add a device", lang: "en" },
    },
  ])("speaks $case", async ({ languages, greeting, signIn, main }) => {
    await speak(languages);
    const phone = await spanishPhone();
    expect(await signInWords(phone)).toEqual(signIn);

    const link = await linkedVisitor(stack, suite.browser, suite.api, greeting);
    const app = await phone.newPage();
    await app.goto(link.url);
    expect(await mainScreenWords(app, greeting)).toEqual(main);
    await phone.close();
  });

  it("speaks the person's own language from the start after the app has read their settings", async () => {
    await speak(["en", "es"]);
    const link = await linkedVisitor(stack, suite.browser, suite.api, "Guten Tag vom Widget");
    const { conversation } = await suite.api<TranscriptPage>(
      `/api/v1/conversations/${link.conversationId}/messages`,
    );
    await suite.api(
      `/api/v1/contacts/${conversation.contact_id}/coaching`,
      { language: "de" },
      "PUT",
    );
    const phone = await spanishPhone();
    const app = await phone.newPage();
    await app.goto(link.url);
    expect((await mainScreenWords(app, "Guten Tag vom Widget")).addDevice).toBe(
      "Añadir un dispositivo",
    );
    await app.getByRole("button", { name: "Ajustes" }).click();
    // Read: the summary replaces the Spanish loading line (the words change from the next start on).
    await expect.poll(() => app.locator(".settings .status").innerText()).toContain("silencio");
    await app.reload();
    expect(await mainScreenWords(app, "Guten Tag vom Widget")).toEqual({
      placeholder: "Schreib eine Nachricht",
      addDevice: "Gerät hinzufügen",
      lang: "de",
    });
    // Where a program stands is said in their words too, not as the server's code ("active").
    const program = await createWaitingProgram(suite.api, "Abendroutine", "abendroutine");
    await suite.api("/api/v1/enrollments", {
      program_id: program.id,
      contact_id: conversation.contact_id,
    });
    await app.getByRole("button", { name: "Fortschritt" }).click();
    await expect
      .poll(() => app.locator(".progress li").first().innerText())
      .toBe("Abendroutine (läuft)");
    await phone.close();
  });
});
