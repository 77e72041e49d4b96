// Linking channels: a code shown on Telegram and sent on WhatsApp makes both continue one conversation
// (same id, same history), each answer going back where its question was asked; codes expire, work
// once, only within their workspace, and guessing is rate-limited.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { issueLinkCode, LINK_CODE_ALPHABET } from "../../../worker/channels/channel-linking";
import { linkRequest } from "../../../worker/channels/whatsapp/link-keyword";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
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
  type ConnectedBot,
  type ConnectedNumber,
} from "./channel-helpers";

let updateId = 800;
let waMessageId = 0;

async function telegramTexts(bot: ConnectedBot, chatId: number): Promise<string[]> {
  return (await telegramCalls(bot.token, "sendMessage"))
    .filter((c) => Number(c.params.chat_id) === chatId)
    .map((c) => String(c.params.text));
}

async function whatsappTexts(number: ConnectedNumber, waId: string): Promise<string[]> {
  return (await graphCalls(number.phoneId))
    .filter((c) => c.body?.type === "text" && c.body.to === waId)
    .map((c) => (c.body?.text as { body: string }).body);
}

/** Sends a Telegram text and waits until the chat has received `expected` messages in all. */
async function telegramSays(
  bot: ConnectedBot,
  chatId: number,
  text: string,
  expected: number,
): Promise<string[]> {
  updateId += 1;
  expect((await postUpdate(bot.botId, bot.secret, textUpdate(updateId, chatId, text))).status).toBe(
    200,
  );
  return eventually(async () => {
    const texts = await telegramTexts(bot, chatId);
    expect(texts).toHaveLength(expected);
    return texts;
  });
}

/** Sends a WhatsApp text and waits until the user has received `expected` texts in all. */
async function whatsappSays(
  number: ConnectedNumber,
  waId: string,
  text: string,
  expected: number,
): Promise<string[]> {
  waMessageId += 1;
  expect(
    (await postSigned(number, waText(number.phoneId, waId, `wamid.LINK${waMessageId}`, text)))
      .status,
  ).toBe(200);
  return eventually(async () => {
    const texts = await whatsappTexts(number, waId);
    expect(texts).toHaveLength(expected);
    return texts;
  });
}

function codeIn(reply: string | undefined): string {
  const code = /link code is ([A-Z0-9]{6})/.exec(reply ?? "")?.[1];
  if (!code) throw new Error(`no code in ${reply}`);
  return code;
}

async function conversations(
  workspace: SeededWorkspace,
): Promise<{ id: string; status: string }[]> {
  const res = await call("/api/v1/conversations", { token: workspace.members.owner.token });
  return ((await res.json()) as { conversations: { id: string; status: string }[] }).conversations;
}

async function history(
  workspace: SeededWorkspace,
  conversationId: string,
): Promise<{ seq: number; role: string; text: string }[]> {
  const res = await call(`/api/v1/conversations/${conversationId}/messages`, {
    token: workspace.members.owner.token,
  });
  return ((await res.json()) as { messages: { seq: number; role: string; text: string }[] })
    .messages;
}

describe("linking Telegram and WhatsApp", () => {
  let workspace: SeededWorkspace;
  let bot: ConnectedBot;
  let number: ConnectedNumber;

  beforeAll(async () => {
    workspace = await seedWorkspace();
    [bot, number] = await Promise.all([connectBot(workspace), connectNumber(workspace)]);
  });

  it("continues one conversation from both, answering each message on its own channel", async () => {
    await telegramSays(bot, 9201, "How do I start a journaling habit?", 1);
    const [, linkReply] = await telegramSays(bot, 9201, "/link", 2);
    const code = codeIn(linkReply);
    expect([...code].every((ch) => LINK_CODE_ALPHABET.includes(ch))).toBe(true);
    const [linked] = await whatsappSays(number, "15559201", `link ${code.toLowerCase()}`, 1);
    expect(linked).toContain("Linked");

    const [conversation] = await conversations(workspace);
    expect(await conversations(workspace)).toHaveLength(1);
    await whatsappSays(number, "15559201", "And how do I keep it going on busy days?", 2);
    await eventually(async () =>
      expect((await history(workspace, conversation!.id)).map((m) => m.role)).toEqual([
        "user",
        "assistant",
        "user",
        "assistant",
      ]),
    );
    expect(await conversations(workspace)).toHaveLength(1);
    expect(await telegramTexts(bot, 9201)).toHaveLength(2);

    await telegramSays(bot, 9201, "Back on Telegram: what about weekends?", 3);
    const messages = await eventually(async () => {
      const all = await history(workspace, conversation!.id);
      expect(all).toHaveLength(6);
      return all;
    });
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(messages[2]?.text).toBe("And how do I keep it going on busy days?");
    expect(messages[4]?.text).toBe("Back on Telegram: what about weekends?");
    expect(await whatsappTexts(number, "15559201")).toHaveLength(2);
  });

  it("takes LINK as a link request only when it is the whole message, with at most a code", async () => {
    expect([
      linkRequest("LINK"),
      linkRequest(" link k7m-2qx "),
      linkRequest("Link K7M2QX"),
    ]).toEqual(["", "k7m-2qx", "K7M2QX"]);
    expect(linkRequest("link me to the article about habits")).toBeNull();
    const [answer] = await whatsappSays(
      number,
      "15559209",
      "link me to the article about habits",
      1,
    );
    expect(answer).not.toMatch(/link code|not valid|Linked/);
  });

  it("lists /link in /help", async () => {
    const [help] = await telegramSays(bot, 9202, "/help", 1);
    expect(help).toContain("/link");
  });

  it("refuses a code used once already", async () => {
    const [reply] = await telegramSays(bot, 9203, "/link", 1);
    const code = codeIn(reply);
    expect((await whatsappSays(number, "15559203", `LINK ${code}`, 1))[0]).toContain("Linked");
    expect((await whatsappSays(number, "15559204", `LINK ${code}`, 1))[0]).toContain(
      "not valid or has expired",
    );
  });

  it("refuses an expired code", async () => {
    const gateway = forTenant(env.DB, workspace.tenantId);
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "telegram",
      externalId: "9205",
    });
    const code = await issueLinkCode(env, gateway, contact.id, Date.now() - 11 * 60_000);
    expect((await whatsappSays(number, "15559205", `LINK ${code}`, 1))[0]).toContain(
      "not valid or has expired",
    );
  });

  it("never links a code from another workspace's bot", async () => {
    const [reply] = await telegramSays(bot, 9206, "/link", 1);
    const other = await seedWorkspace();
    const foreignNumber = await connectNumber(other);
    expect(
      (await whatsappSays(foreignNumber, "15559206", `LINK ${codeIn(reply)}`, 1))[0],
    ).toContain("not valid or has expired");
    // The code still works in its own workspace: the foreign attempt did not use it up.
    expect((await whatsappSays(number, "15559206", `LINK ${codeIn(reply)}`, 1))[0]).toContain(
      "Linked",
    );
  });

  it("limits redemption attempts per contact, even for a valid code", async () => {
    for (let i = 1; i <= 5; i += 1) {
      expect((await whatsappSays(number, "15559207", "LINK ZZZZZZ", i))[i - 1]).toContain(
        "not valid or has expired",
      );
    }
    const [reply] = await telegramSays(bot, 9207, "/link", 1);
    const texts = await whatsappSays(number, "15559207", `LINK ${codeIn(reply)}`, 6);
    expect(texts[5]).toContain("Too many link attempts");
  });

  it("exports and erases a linked person as one: both contacts and their shared conversation", async () => {
    await telegramSays(bot, 9208, "Hello there", 1);
    const [, reply] = await telegramSays(bot, 9208, "/link", 2);
    await whatsappSays(number, "15559208", `LINK ${codeIn(reply)}`, 1);
    const gateway = forTenant(env.DB, workspace.tenantId);
    const [telegram] = await gateway.list("contacts", { where: (t) => eq(t.externalId, "9208") });
    const [whatsapp] = await gateway.list("contacts", {
      where: (t) => eq(t.externalId, "15559208"),
    });
    const owner = workspace.members.owner.token;

    const exported = (await (
      await call(`/api/v1/contacts/${whatsapp!.id}/export`, { token: owner })
    ).json()) as {
      stores: {
        d1: { linked_contacts: { id: string }[]; conversations: { contact_id: string }[] };
      };
    };
    expect(exported.stores.d1.linked_contacts.map((c) => c.id)).toEqual([telegram!.id]);
    expect(exported.stores.d1.conversations.map((c) => c.contact_id)).toEqual([telegram!.id]);

    const erased = await call(`/api/v1/contacts/${whatsapp!.id}`, {
      method: "DELETE",
      token: owner,
    });
    expect(erased.status).toBe(200);
    for (const id of [telegram!.id, whatsapp!.id])
      expect((await call(`/api/v1/contacts/${id}/export`, { token: owner })).status).toBe(404);
  });
});
