// A check-in in the contact's language: the hint and the thanks are in the language the contact's
// platform reported, or a member chose for them, or their linked Telegram contact's, else the
// persona's first.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { linkContact } from "../../../worker/db/contact-links";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import { eventually } from "../../worker/channels/channel-helpers";
import {
  agentOf,
  createProgram,
  enroll,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";
import { asked, assistantTexts, scaleThenWait, userWrites } from "./checkin-helpers";
import { T0 } from "./coaching-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

describe("a check-in in the contact's language", () => {
  it("gives a German contact the hint and the thanks in German", async () => {
    const c = await asked(workspace, scaleThenWait, "de-DE");
    expect(await assistantTexts(workspace, c.conversationId)).toEqual([
      "How is your energy today?\nAntworte mit einer Zahl von 1 bis 5.",
    ]);
    await userWrites(c, "2");
    await eventually(async () =>
      expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
        "Danke für deine Ehrlichkeit. Ich habe deine 2 notiert.",
      ]),
    );
  });

  it("follows the language a member chose for the contact over the one their platform reported", async () => {
    const contact = await seedWebContact(workspace.tenantId);
    await forTenant(env.DB, workspace.tenantId).update("contacts", contact.contactId, {
      locale: "de",
      language: "fr",
    });
    const agent = agentOf(workspace.tenantId, contact.contactId);
    await agent.setTestClock(T0);
    await agent.updatePreferences(
      { tenantId: workspace.tenantId, contactId: contact.contactId },
      { quiet_hours: null },
    );
    const program = await createProgram(workspace, { steps: scaleThenWait });
    await enroll(workspace, program.id, contact.contactId);
    await runAt(workspace.tenantId, contact.contactId, T0);
    expect(await assistantTexts(workspace, contact.conversationId)).toEqual([
      "How is your energy today?\nRépondez par un nombre de 1 à 5.",
    ]);
  });

  it("follows the language of a Telegram contact linked to the person's web contact", async () => {
    const c = await asked(workspace, scaleThenWait);
    const gateway = forTenant(env.DB, workspace.tenantId);
    const telegram = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "telegram",
      externalId: String(Date.now()),
      locale: "pt-PT",
    });
    await linkContact(env.DB, workspace.tenantId, telegram.id, c.contactId);
    await userWrites(c, "5");
    await eventually(async () =>
      expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
        "Que bom saber! Anotei o seu 5.",
      ]),
    );
  });

  it("uses the persona's first language for a contact whose platform said none", async () => {
    const spanish = await seedWorkspace();
    const saved = await call("/api/v1/persona", {
      method: "PUT",
      token: spanish.members.editor.token,
      body: { name: "Lola", voice: "Cercana.", fallback: "Aún no lo sé.", languages: ["es", "en"] },
    });
    expect(saved.status).toBe(200);
    const contact = await seedWebContact(spanish.tenantId);
    const agent = agentOf(spanish.tenantId, contact.contactId);
    await agent.setTestClock(T0);
    await agent.updatePreferences(
      { tenantId: spanish.tenantId, contactId: contact.contactId },
      { quiet_hours: null },
    );
    const program = await createProgram(spanish, { steps: scaleThenWait });
    await enroll(spanish, program.id, contact.contactId);
    await runAt(spanish.tenantId, contact.contactId, T0);
    const texts = (
      await roomFor(env, spanish.tenantId, contact.conversationId).listMessages(0, 10)
    ).messages
      .filter((m) => m.role === "assistant")
      .map((m) => m.text);
    expect(texts).toEqual(["How is your energy today?\nResponde con un número del 1 al 5."]);
  });
});
