// Tenant A of the isolation suite: a workspace whose documents, uploaded file, persona, corrections,
// widget conversation and Telegram/WhatsApp conversations all carry one canary string, ingested into the
// real Chroma through the real bridge. Nothing tenant B does may ever bring that string back.
import { exports } from "cloudflare:workers";
import { BASE, call, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import {
  connectBot,
  connectNumber,
  eventually,
  postSigned,
  postUpdate,
  textUpdate,
  waText,
  type ConnectedBot,
  type ConnectedNumber,
} from "../../worker/channels/channel-helpers";
import { openSession, ORIGIN, SocketClient } from "../../support/widget-client";

/** A question A's own material answers, with words only the canary passage contains. */
export const CANARY_QUESTION = "What is the zebra harmonica protocol?";

export type TenantA = {
  workspace: SeededWorkspace;
  canary: string;
  ids: Record<
    | "document"
    | "file"
    | "conversation"
    | "contact"
    | "channel"
    | "publicKey"
    | "telegramChat"
    | "whatsappUser",
    string
  >;
  bot: ConnectedBot;
  number: ConnectedNumber;
};

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Plants the canary everywhere tenant A keeps data. */
export async function plantTenantA(): Promise<TenantA> {
  const workspace = await seedWorkspace();
  const token = workspace.members.owner.token;
  const canary = `CANARY${crypto.randomUUID().replaceAll("-", "").slice(0, 16).toUpperCase()}`;
  const passage = `The zebra harmonica protocol is our private method. Its code word is ${canary}. Practise the zebra harmonica protocol daily.`;

  const document = await json(
    await call("/api/v1/knowledge/documents", {
      token,
      body: { title: `Zebra guide ${canary}`, text: passage },
    }),
    "document",
  );
  const form = new FormData();
  form.append(
    "file",
    new File([`# Zebra harmonica notes\n\n${passage}\n`], "zebra.md", { type: "text/markdown" }),
  );
  form.append("title", `Zebra notes ${canary}`);
  const file = await json(
    await exports.default.fetch(`${BASE}/api/v1/knowledge/documents`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": "203.0.113.9" },
      body: form,
    }),
    "file",
  );
  const current = await json(await call("/api/v1/persona", { token }), "persona");
  await json(
    await call("/api/v1/persona", {
      method: "PUT",
      token,
      body: {
        ...(current.persona as object),
        name: `Coach ${canary}`,
        tagline: `Ask me about ${canary}`,
      },
    }),
    "persona update",
  );
  await json(
    await call("/api/v1/knowledge/corrections", {
      token,
      body: { question: "What is my secret code word?", answer: `Your code word is ${canary}.` },
    }),
    "correction",
  );

  const widget = await json(
    await call("/api/v1/widget", { method: "PUT", token, body: { allowed_origins: [ORIGIN] } }),
    "widget",
  );
  const session = await openSession({
    tenantId: workspace.tenantId,
    publicKey: String(widget.public_key),
  });
  const socket = await SocketClient.connect(session);
  socket.send({
    type: "message",
    client_id: `canary-${canary}`,
    text: `My private note: ${canary}`,
  });
  await socket.next((f) => f.type === "done", 20_000);
  socket.close();

  const [bot, number] = [await connectBot(workspace), await connectNumber(workspace)];
  const telegramChat = String(7_000_000 + Math.floor(Math.random() * 1_000_000));
  const whatsappUser = `1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
  await postUpdate(
    bot.botId,
    bot.secret,
    textUpdate(Math.floor(Math.random() * 1e9), Number(telegramChat), `Remember ${canary}`),
  );
  await postSigned(
    number,
    waText(number.phoneId, whatsappUser, `wamid.${canary}`, `Remember ${canary}`),
  );

  // The conversation index is flushed a moment after the first message.
  const listed = await eventually(async () => {
    const page = await json(await call("/api/v1/conversations", { token }), "conversations");
    const found = (page.conversations as Array<{ id: string; contact_id?: string }>).find(
      (c) => c.id === session.conversation_id,
    );
    if (!found) throw new Error("the widget conversation is not listed yet");
    return found;
  });
  return {
    workspace,
    canary,
    ids: {
      document: String(document.id),
      file: String(file.id),
      conversation: session.conversation_id,
      contact: listed.contact_id ?? crypto.randomUUID(),
      channel: String(bot.channel.id),
      publicKey: String(widget.public_key),
      telegramChat,
      whatsappUser,
    },
    bot,
    number,
  };
}
