// The companion app's shell and service worker script carry the persona's languages, which the app
// matches against the browser's as the widget does to choose the language of its own words.
import { describe, expect, it } from "vitest";
import { call, savePersonaSpeaking } from "../auth/helpers";
import { workspaceWithApp } from "./app-helpers";

/** The JSON the shell hands the app (`#app-config`). */
function appConfig(html: string): { languages?: string[]; language?: string } {
  const json = /<script type="application\/json" id="app-config">(.*?)<\/script>/s.exec(html)?.[1];
  return JSON.parse(json ?? "{}") as { languages?: string[]; language?: string };
}

describe("the companion app's languages", () => {
  it("names the persona's languages in the shell's config and the service worker script", async () => {
    const { workspace, publicKey } = await workspaceWithApp();
    await savePersonaSpeaking(workspace, ["es", "en"]);

    const shell = await call(`/app/${publicKey}/`);
    expect(shell.status).toBe(200);
    expect(appConfig(await shell.text())).toMatchObject({ languages: ["es", "en"] });
    const worker = await (await call(`/app/${publicKey}/sw.js`)).text();
    expect(worker).toBe('self.appLanguages = ["es","en"];\nimportScripts("/app-assets/sw.js");\n');
  });

  it("falls back to the widget's language setting when the persona names none", async () => {
    const { publicKey } = await workspaceWithApp();
    const config = appConfig(await (await call(`/app/${publicKey}/`)).text());
    expect(config.languages).toEqual([config.language]);
  });
});
