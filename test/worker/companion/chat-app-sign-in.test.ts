// Signing a new device in to the companion app from a chat the person already uses: /app on Telegram
// and APP on WhatsApp answer with a one-time code and the app's address carrying it, in the person's
// language; the device it signs in continues the chat's conversation, and a question asked in the app
// is answered in the app, not also on the chat, while the chat's own questions are still answered there.
import type { AppDeviceResponse } from "@coach/contracts/companion-app";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { appCodeText } from "../../../worker/companion/app-code-texts";
import type { ReplyLanguage } from "../../../worker/lib/reply-language";
import { SocketClient } from "../../support/widget-client";
import { call, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  postSigned,
  postUpdate,
  telegramTexts,
  textUpdate,
  waText,
  whatsAppTexts,
} from "../channels/channel-helpers";
import { workspaceWithApp } from "./app-helpers";

let workspace: SeededWorkspace;
let publicKey: string;

beforeAll(async () => {
  ({ workspace, publicKey } = await workspaceWithApp());
});

/** The code in an app-code reply, checked against the whole reply the person should read. */
function codeIn(reply: string | undefined, language: ReplyLanguage): string {
  const code = /([A-Z2-9]{8})/.exec(reply ?? "")?.[1] ?? "";
  const appUrl = `${env.PUBLIC_EDGE_URL}/app/${publicKey}/#code=${code}`;
  expect(reply).toBe(appCodeText(language, code, appUrl));
  return code;
}

async function signIn(code: string): Promise<AppDeviceResponse> {
  const res = await call(`/api/v1/app/${publicKey}/devices`, {
    body: { code, label: "New phone" },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as AppDeviceResponse;
}

/** The open conversation of the contact with `externalId`. */
async function openConversationOf(externalId: string): Promise<string | undefined> {
  const row = await env.DB.prepare(
    `SELECT conversations.id FROM conversations JOIN contacts ON contacts.id = conversations.contact_id
     WHERE contacts.tenant_id = ? AND contacts.external_id = ? AND conversations.status = 'open'`,
  )
    .bind(workspace.tenantId, externalId)
    .first<{ id: string }>();
  return row?.id;
}

describe("the companion app from a Telegram chat", () => {
  it("signs a new device in to the chat's conversation, and answers what is asked there in the app only", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8101, "How do I start a routine?"));
    await eventually(async () => expect(await telegramTexts(bot.token, 8101)).toHaveLength(1));

    await postUpdate(bot.botId, bot.secret, textUpdate(2, 8101, "/app"));
    const reply = await eventually(async () => {
      const texts = await telegramTexts(bot.token, 8101);
      expect(texts).toHaveLength(2);
      return texts[1];
    });
    const device = await signIn(codeIn(reply, "en"));
    expect(device.session.conversation_id).toBe(await openConversationOf("8101"));

    const appOrigin = new URL(device.session.socket_url.replace(/^ws/, "http")).origin;
    const app = await SocketClient.connect(device.session, 0, 5000, appOrigin);
    await app.next((f) => f.type === "message" && f.text === "How do I start a routine?", 5000);
    app.send({ type: "message", client_id: "app-question-1", text: "And how do I keep it going?" });
    await app.next((f) => f.type === "done" && f.status === "complete", 15_000);

    // A question on the chat afterwards is answered on the chat; the app's answer was not sent there.
    await postUpdate(bot.botId, bot.secret, textUpdate(3, 8101, "What about weekends?"));
    await eventually(async () =>
      expect((await telegramTexts(bot.token, 8101)).length).toBeGreaterThanOrEqual(3),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await telegramTexts(bot.token, 8101)).toHaveLength(3);
    app.close();
  });

  it("answers /app in the language a member chose for the person", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(1, 8102, "/start"));
    await eventually(async () => expect(await telegramTexts(bot.token, 8102)).toHaveLength(1));
    const contact = await env.DB.prepare(
      "SELECT id FROM contacts WHERE tenant_id = ? AND external_id = ?",
    )
      .bind(workspace.tenantId, "8102")
      .first<{ id: string }>();
    const chosen = await call(`/api/v1/contacts/${contact?.id}/coaching`, {
      method: "PUT",
      token: workspace.members.editor.token,
      body: { language: "de" },
    });
    expect(chosen.status).toBe(200);
    await postUpdate(bot.botId, bot.secret, textUpdate(2, 8102, "/app"));
    const reply = await eventually(async () => {
      const texts = await telegramTexts(bot.token, 8102);
      expect(texts).toHaveLength(2);
      return texts[1];
    });
    await signIn(codeIn(reply, "de"));
  });
});

describe("the companion app from a WhatsApp chat", () => {
  it("answers APP with a code that signs a device in to the chat's conversation", async () => {
    const number = await connectNumber(workspace);
    await postSigned(number, waText(number.phoneId, "447700900123", "wamid.app-1", "Hello"));
    await eventually(async () =>
      expect(await whatsAppTexts(number.phoneId, "447700900123")).toHaveLength(1),
    );
    await postSigned(number, waText(number.phoneId, "447700900123", "wamid.app-2", "app"));
    const reply = await eventually(async () => {
      const texts = await whatsAppTexts(number.phoneId, "447700900123");
      expect(texts).toHaveLength(2);
      return texts[1];
    });
    const device = await signIn(codeIn(reply, "en"));
    expect(device.session.conversation_id).toBe(await openConversationOf("447700900123"));
  });
});
