// Quick replies on WhatsApp: a proactive message with choices becomes reply buttons (a numbered list
// beyond three or past 20 characters, answered by a typed number), and a pressed button comes back by
// its id and is stored as the user's message. The list says how to answer it in the persona's language.
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectNumber, eventually, graphCalls, postSigned } from "../channels/channel-helpers";
import { channelContact, OUTCOMES, SCALE, sendProactive, userTexts } from "./quick-reply-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

describe("WhatsApp", () => {
  async function openChat(from: string, into: SeededWorkspace = workspace) {
    const number = await connectNumber(into);
    await postSigned(number, waTextNotification(number.phoneId, from, `wamid.IN-${from}`, "Hi"));
    const ids = await channelContact(into, "whatsapp", from);
    return { number, ...ids };
  }

  function waTextNotification(phoneId: string, from: string, id: string, text: string): object {
    return notification(phoneId, from, {
      id,
      from,
      timestamp: String(Math.floor(Date.now() / 1000)),
      type: "text",
      text: { body: text },
    });
  }

  function notification(phoneId: string, from: string, message: object): object {
    return {
      object: "whatsapp_business_account",
      entry: [
        {
          id: "waba-1",
          changes: [
            {
              field: "messages",
              value: {
                messaging_product: "whatsapp",
                metadata: { display_phone_number: "15550100", phone_number_id: phoneId },
                contacts: [{ wa_id: from, profile: { name: "Sam" } }],
                messages: [message],
              },
            },
          ],
        },
      ],
    };
  }

  it("sends up to three short choices as reply buttons", async () => {
    const { number, contactId } = await openChat("15550301");
    await sendProactive(workspace, contactId, "wa-buttons", "Did you get your run in?", OUTCOMES);
    const sent = await eventually(async () => {
      const call = (await graphCalls(number.phoneId)).find((c) => c.body?.type === "interactive");
      if (!call) throw new Error("not sent yet");
      return call;
    });
    expect(sent.body?.interactive).toEqual({
      type: "button",
      body: { text: "Did you get your run in?" },
      action: {
        buttons: OUTCOMES.map((r) => ({ type: "reply", reply: { id: r.id, title: r.label } })),
      },
    });
  });

  it("says how to answer the numbered list in the persona's first language", async () => {
    const german = await seedWorkspace();
    const saved = await call("/api/v1/persona", {
      method: "PUT",
      token: german.members.editor.token,
      body: {
        name: "Mia",
        voice: "Herzlich.",
        fallback: "Das weiß ich noch nicht.",
        languages: ["de"],
      },
    });
    expect(saved.status).toBe(200);
    const { number, contactId } = await openChat("15550309", german);
    await sendProactive(german, contactId, "wa-list-de", "Wie ist deine Energie heute?", SCALE);
    const sent = await eventually(async () => {
      const list = (await graphCalls(number.phoneId)).find((c) =>
        String((c.body?.text as { body?: string } | undefined)?.body ?? "").startsWith("Wie ist"),
      );
      if (!list) throw new Error("not sent yet");
      return list;
    });
    expect((sent.body?.text as { body: string }).body).toBe(
      "Wie ist deine Energie heute?\n\n1. 1\n2. 2\n3. 3\n4. 4\n5. 5\nAntworte mit einer Zahl.",
    );
  });

  it("falls back to a numbered list beyond three choices, and matches a typed number", async () => {
    const { number, contactId, conversationId } = await openChat("15550302");
    await sendProactive(workspace, contactId, "wa-list", "How is your energy today?", SCALE);
    const sent = await eventually(async () => {
      const call = (await graphCalls(number.phoneId)).find((c) =>
        String((c.body?.text as { body?: string } | undefined)?.body ?? "").startsWith(
          "How is your energy",
        ),
      );
      if (!call) throw new Error("not sent yet");
      return call;
    });
    expect((sent.body?.text as { body: string }).body).toBe(
      "How is your energy today?\n\n1. 1\n2. 2\n3. 3\n4. 4\n5. 5\nReply with a number.",
    );
    expect((await graphCalls(number.phoneId)).some((c) => c.body?.type === "interactive")).toBe(
      false,
    );
    await postSigned(number, waTextNotification(number.phoneId, "15550302", "wamid.IN-typed", "4"));
    await eventually(async () =>
      expect(await userTexts(workspace, conversationId)).toEqual(["Hi", "4"]),
    );
    // The typed "4" answered the list, so the assistant was not asked; turns are answered in order.
    await postSigned(
      number,
      waTextNotification(
        number.phoneId,
        "15550302",
        "wamid.IN-next",
        "What should I eat before a run?",
      ),
    );
    const answers = async () =>
      (await graphCalls(number.phoneId)).filter(
        (c) =>
          c.body?.type === "text" &&
          !String((c.body.text as { body: string }).body).startsWith("How is"),
      );
    await eventually(async () => expect(await answers()).toHaveLength(2));
    expect(await answers()).toHaveLength(2);
  });

  it("stores a pressed reply button as the user's message, by its title", async () => {
    const { number, contactId, conversationId } = await openChat("15550303");
    await sendProactive(workspace, contactId, "wa-press", "Did you get your run in?", OUTCOMES);
    await eventually(async () =>
      expect((await graphCalls(number.phoneId)).some((c) => c.body?.type === "interactive")).toBe(
        true,
      ),
    );
    const res = await postSigned(
      number,
      notification(number.phoneId, "15550303", {
        id: "wamid.IN-press",
        from: "15550303",
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: "interactive",
        interactive: { type: "button_reply", button_reply: { id: "o-not-yet", title: "Not yet" } },
      }),
    );
    expect(res.status).toBe(200);
    await eventually(async () =>
      expect(await userTexts(workspace, conversationId)).toEqual(["Hi", "Not yet"]),
    );
  });
});
