// The platform's own words on the channels, in the person's language: a request for a person on
// Telegram written in Spanish is recognised whatever the persona speaks and answered in Spanish, bot
// commands and link codes follow Telegram's language setting (kept on the contact for what is sent
// later) unless a member chose a language for the person, and a French opt-out keyword on WhatsApp
// stops check-ins and is answered in French when the persona speaks it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOM_TEXTS } from "../../../durable-objects/room/room-texts";
import { linkOutcomeReply } from "../../../worker/channels/link-texts";
import { BOT_TEXTS, helpMessage } from "../../../worker/channels/telegram/bot-texts";
import { KEYWORD_TEXTS } from "../../../worker/channels/whatsapp/keyword-texts";
import { call, savePersonaSpeaking, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  graphCalls,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
  whatsAppTexts,
} from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
  await savePersonaSpeaking(workspace, ["en", "fr"]);
});

/** The contact with `externalId` in the workspace (created by its first message). */
async function contactId(externalId: string): Promise<string> {
  const row = await env.DB.prepare(
    "SELECT id FROM contacts WHERE tenant_id = ? AND external_id = ?",
  )
    .bind(workspace.tenantId, externalId)
    .first<{ id: string }>();
  if (!row) throw new Error(`no contact ${externalId}`);
  return row.id;
}

/** A member chooses `language` for the person, as the inbox's contact panel does. */
async function chooseLanguage(externalId: string, language: string): Promise<void> {
  const res = await call(`/api/v1/contacts/${await contactId(externalId)}/coaching`, {
    method: "PUT",
    token: workspace.members.editor.token,
    body: { language },
  });
  expect(res.status).toBe(200);
}

/** A Telegram text update from a user whose Telegram is set to `languageCode` (none when null). */
function updateIn(languageCode: string | null, updateId: number, chatId: number, text: string) {
  const update = textUpdate(updateId, chatId, text) as { message: { from: object } };
  if (languageCode) update.message.from = { ...update.message.from, language_code: languageCode };
  return update;
}

async function sentTexts(token: string, chatId: number): Promise<string[]> {
  return (await telegramCalls(token, "sendMessage"))
    .filter((c) => Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text));
}

describe("Telegram in the person's language", () => {
  it("recognises a Spanish request for a person and answers it in Spanish", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(
      bot.botId,
      bot.secret,
      updateIn("es", 1, 7101, "Quiero hablar con una persona, por favor"),
    );
    await eventually(async () =>
      expect(await sentTexts(bot.token, 7101)).toContain(ROOM_TEXTS.es.humanRequested),
    );
  });

  it("answers a request in a language the persona does not speak in the persona's first", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, updateIn(null, 2, 7102, "Quero falar com uma pessoa"));
    await eventually(async () =>
      expect(await sentTexts(bot.token, 7102)).toContain(ROOM_TEXTS.en.humanRequested),
    );
  });

  it("answers /help in the user's Telegram language", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, updateIn("de-DE", 3, 7103, "/help"));
    await eventually(async () =>
      expect(await sentTexts(bot.token, 7103)).toContain(helpMessage(BOT_TEXTS.de)),
    );
  });

  it("answers commands in the language a member chose for the person, over Telegram's", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, updateIn("de", 4, 7104, "/start"));
    await eventually(async () =>
      expect((await sentTexts(bot.token, 7104))[0]).toContain(helpMessage(BOT_TEXTS.de)),
    );
    await chooseLanguage("7104", "fr");
    await postUpdate(bot.botId, bot.secret, updateIn("de", 7, 7104, "/help"));
    await eventually(async () =>
      expect(await sentTexts(bot.token, 7104)).toContain(helpMessage(BOT_TEXTS.fr)),
    );
  });
});

describe("linking channels in the person's language", () => {
  it("tells a Spanish Telegram user their code and a wrong code in Spanish, and keeps Spanish on the contact", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, updateIn("es", 5, 7105, "/link"));
    await eventually(async () =>
      expect((await sentTexts(bot.token, 7105))[0]).toMatch(
        /^Tu código de enlace es [A-Z0-9]{6}\./,
      ),
    );
    await postUpdate(bot.botId, bot.secret, updateIn("es", 6, 7105, "/link ZZZZZZ"));
    await eventually(async () =>
      expect(await sentTexts(bot.token, 7105)).toContain(
        linkOutcomeReply({ kind: "invalid" }, "LINK", "es"),
      ),
    );
    const contact = await env.DB.prepare(
      "SELECT locale FROM contacts WHERE tenant_id = ? AND external_id = ?",
    )
      .bind(workspace.tenantId, "7105")
      .first<{ locale: string | null }>();
    expect(contact?.locale).toBe("es");
  });
});

describe("WhatsApp link codes", () => {
  it("tells the code in the language a member chose for the person", async () => {
    const number = await connectNumber(workspace);
    const texts = () => whatsAppTexts(number.phoneId, "34600111222");
    await postSigned(number, waText(number.phoneId, "34600111222", "wamid.link-1", "LINK"));
    await eventually(async () => expect((await texts())[0]).toMatch(/^Your link code is /));
    await chooseLanguage("34600111222", "es");
    await postSigned(number, waText(number.phoneId, "34600111222", "wamid.link-2", "LINK"));
    await eventually(async () => expect((await texts())[1]).toMatch(/^Tu código de enlace es /));
  });
});

describe("WhatsApp opt-out keywords", () => {
  it("stops check-ins on a French ARRÊTER and answers in French", async () => {
    const number = await connectNumber(workspace);
    await postSigned(number, waText(number.phoneId, "33612345678", "wamid.fr-stop", "Arrêter"));
    await eventually(async () => {
      const texts = (await graphCalls(number.phoneId))
        .filter((c) => c.body?.type === "text")
        .map((c) => String((c.body?.text as { body: string }).body));
      expect(texts).toContain(KEYWORD_TEXTS.fr.stopped);
    });
    const contact = await env.DB.prepare(
      "SELECT opted_out_at FROM contacts WHERE tenant_id = ? AND external_id = ?",
    )
      .bind(workspace.tenantId, "33612345678")
      .first<{ opted_out_at: number | null }>();
    expect(contact?.opted_out_at).not.toBeNull();
  });
});
