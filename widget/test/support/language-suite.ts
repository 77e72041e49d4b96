// What the language suites (the widget's and the companion app's) share: a browser, the demo creator's
// API, and the demo persona as it was before the file, put back after it because the other files share
// the stack; `speak` changes the languages the persona speaks in between.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchChromium } from "./browser";
import { demoCreatorApi, type CreatorApi } from "./creator-api";

type Persona = Record<string, unknown>;

export type LanguageSuite = {
  browser: Browser;
  api: CreatorApi;
  speak: (languages: string[]) => Promise<void>;
};

/** Registers the suite's set-up and tear-down; its browser and API are there once `beforeAll` ran. */
export function languageSuite(): LanguageSuite {
  const stack = inject("stack");
  let saved: Persona = {};
  const suite = {
    speak: async (languages: string[]) => {
      await suite.api("/api/v1/persona", { ...saved, languages }, "PUT");
    },
  } as LanguageSuite;
  beforeAll(async () => {
    suite.browser = await launchChromium();
    suite.api = await demoCreatorApi(stack.edgeUrl);
    saved = (await suite.api<{ persona: Persona }>("/api/v1/persona")).persona;
  });
  afterAll(async () => {
    await suite.api?.("/api/v1/persona", saved, "PUT");
    await suite.browser?.close();
  });
  return suite;
}
