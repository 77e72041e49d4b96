// A workspace's own crisis resources: validated and stored by PUT /api/v1/safety/crisis-resources
// (settings:write, audited), and named in the fixed reply to a message in a crisis for the person's
// country and language, before the built-in helplines and the emergency number, within two seconds.
import type { CrisisResources } from "@coach/contracts/safety-settings";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
  whatsAppTexts,
} from "../channels/channel-helpers";
import {
  getJson,
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "../conversations/inbox-helpers";

const RESOURCES: CrisisResources = {
  resources: [
    { country: "*", name: "Crisis Text Line", text: "Text HOME to 741741" },
    {
      country: "ES",
      language: "es",
      name: "Teléfono de la Esperanza",
      phone: "717 003 717",
      url: "https://telefonodelaesperanza.org",
    },
    { country: "*", language: "fr", name: "SOS Amitié", phone: "09 72 39 40 50" },
  ],
  intro: { en: "Our programme's own support lines:" },
};

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

function put(token: string, body: unknown): Promise<Response> {
  return call("/api/v1/safety/crisis-resources", { method: "PUT", token, body });
}

async function crisisReplyOnTheWeb(text: string): Promise<{ text: string; ms: number }> {
  const { client } = await visitor(workspace);
  const started = Date.now();
  const seq = await say(client, text);
  const reply = (await client.next((f) => f.type === "done" && f.seq > seq)) as { text: string };
  client.close();
  return { text: reply.text, ms: Date.now() - started };
}

describe("PUT /api/v1/safety/crisis-resources", () => {
  it("starts empty: the built-in helplines serve alone", async () => {
    const fresh = await seedDashboardWorkspace();
    expect(await getJson("/api/v1/safety/crisis-resources", fresh.members.viewer.token)).toEqual({
      resources: [],
      intro: {},
    });
  });

  it("saves the list for an admin, audits it, and lets a viewer read it", async () => {
    const res = await put(workspace.members.admin.token, RESOURCES);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(RESOURCES);
    expect(
      await getJson("/api/v1/safety/crisis-resources", workspace.members.viewer.token),
    ).toEqual(RESOURCES);
    const { events } = await getJson<{ events: { action: string; metadata: unknown }[] }>(
      "/api/v1/audit?action=safety.crisis_resources_updated",
      workspace.members.owner.token,
    );
    expect(events[0]?.metadata).toEqual({ resources: 3, countries: ["*", "ES"] });
  });

  it("is refused to an editor", async () => {
    expect((await put(workspace.members.editor.token, RESOURCES)).status).toBe(403);
  });

  it.each([
    ["a lower-case country", { country: "es", name: "Line", phone: "024" }, "resources.0.country"],
    [
      "an unknown language",
      { country: "*", language: "it", name: "Line", phone: "024" },
      "resources.0.language",
    ],
    [
      "a web address over http",
      { country: "*", name: "Line", url: "http://help.example" },
      "resources.0.url",
    ],
    [
      "a phone with letters",
      { country: "*", name: "Line", phone: "call 024" },
      "resources.0.phone",
    ],
    ["no way to reach it", { country: "*", name: "Line" }, "resources.0.phone"],
  ])("refuses %s with 400 validation_failed and a sentence", async (_, resource, path) => {
    const res = await put(workspace.members.owner.token, { resources: [resource] });
    expect(res.status).toBe(400);
    const body = (await res.clone().json()) as {
      error: { details: { path: string; message: string }[] };
    };
    expect((await errorOf(res)).code).toBe("validation_failed");
    const issue = body.error.details.find((d) => d.path === path);
    expect(issue?.message).toMatch(/^[A-Za-z"].+\.$/);
  });

  it("refuses more than 30 resources", async () => {
    const many = Array.from({ length: 31 }, (_, i) => ({
      country: "*",
      name: `Line ${i}`,
      phone: "024",
    }));
    const res = await put(workspace.members.owner.token, { resources: many });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("validation_failed");
  });
});

describe("POST /api/v1/safety/crisis-resources/preview", () => {
  it("writes the reply for a country, language and kind from resources not saved yet", async () => {
    const res = await call("/api/v1/safety/crisis-resources/preview", {
      token: workspace.members.viewer.token,
      body: {
        resources: [{ country: "GB", name: "Shout", text: "Text SHOUT to 85258" }],
        country: "GB",
        language: "en",
        kind: "harm_to_others",
      },
    });
    expect(res.status).toBe(200);
    const { text } = (await res.json()) as { text: string };
    expect(text).toContain("Your coach recommends: Shout: Text SHOUT to 85258.");
    expect(text).toContain("call 999");
  });
});

describe("the crisis reply", () => {
  it("names the workspace's resources for everyone first, with its introduction, then the defaults, within 2 s", async () => {
    await put(workspace.members.owner.token, RESOURCES);
    const reply = await crisisReplyOnTheWeb("honestly i just want to go to sleep and not wake up");
    expect(reply.ms).toBeLessThan(2_000);
    expect(reply.text).toContain(
      "Our programme's own support lines: Crisis Text Line: Text HOME to 741741.",
    );
    // The French line and the Spanish one are for other languages and countries.
    expect(reply.text).not.toContain("SOS Amitié");
    expect(reply.text).not.toContain("Esperanza");
    expect(reply.text).toContain("findahelpline.com");
    expect(reply.text).toContain("112");
  });

  it("names the resources of the person's language", async () => {
    const reply = await crisisReplyOnTheWeb("je veux en finir, je n'en peux plus");
    expect(reply.text).toContain("Votre coach vous recommande : SOS Amitié, 09 72 39 40 50;");
  });

  it("falls back to the defaults when none of the workspace's resources fit", async () => {
    const other = await seedDashboardWorkspace();
    await put(other.members.owner.token, {
      resources: [{ country: "DE", name: "Nur in Deutschland", phone: "0800 111 0 111" }],
    });
    const { client } = await visitor(other);
    const seq = await say(client, "i want to kill myself");
    const reply = (await client.next((f) => f.type === "done" && f.seq > seq)) as { text: string };
    client.close();
    expect(reply.text).not.toContain("Nur in Deutschland");
    expect(reply.text).not.toContain("recommends");
    expect(reply.text).toContain("findahelpline.com");
  });

  it("names the workspace's resources on Telegram, in the person's language", async () => {
    await put(workspace.members.owner.token, RESOURCES);
    const bot = await connectBot(workspace);
    await postUpdate(
      bot.botId,
      bot.secret,
      textUpdate(811, 9311, "je veux en finir, je n'en peux plus"),
    );
    const text = await eventually(async () => {
      const sent = (await telegramCalls(bot.token, "sendMessage"))
        .filter((c) => String(c.params.chat_id) === "9311")
        .map((c) => String(c.params.text));
      expect(sent).toHaveLength(1);
      return sent[0] ?? "";
    });
    expect(text).toContain("SOS Amitié, 09 72 39 40 50");
    expect(text).toContain("112");
  });

  it("names the resources of the person's country on WhatsApp, before the country's own lines", async () => {
    await put(workspace.members.owner.token, RESOURCES);
    const number = await connectNumber(workspace);
    await postSigned(
      number,
      waText(number.phoneId, "34611111111", "wamid.crisis-own-es", "ya no quiero vivir, de verdad"),
    );
    const text = await eventually(async () => {
      const sent = await whatsAppTexts(number.phoneId, "34611111111");
      expect(sent).toHaveLength(1);
      return sent[0] ?? "";
    });
    expect(text).toContain(
      "Tu coach te recomienda: Teléfono de la Esperanza, 717 003 717 (https://telefonodelaesperanza.org); Crisis Text Line: Text HOME to 741741.",
    );
    expect(text.indexOf("Esperanza")).toBeLessThan(text.indexOf("024"));
    expect(text).toContain("112");
  });
});
