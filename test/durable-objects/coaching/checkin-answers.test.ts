// Answers to check-ins as the user gives them in their conversation: a pressed chip or a typed answer
// is recorded once and thanked once, a chip of another message answers nothing, and a check-in that
// is the program's last step keeps the enrolment open until it is answered (or its answer window ends);
// the hint and the thanks are in the contact's language, else the persona's first.
import type { EnrollmentView, ProgramSteps } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoomMeta } from "../../../durable-objects/room/room-meta";
import { linkContact } from "../../../worker/db/contact-links";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import { eventually } from "../../worker/channels/channel-helpers";
import {
  agentOf,
  createProgram,
  enroll,
  ranCheckin,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";

const T0 = Date.UTC(2026, 5, 10, 10, 0);
const HOUR = 60 * 60 * 1000;
const QUESTION = "Did you run today?";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

/** check-in → end: the check-in is the program's last step. */
const lastCheckin = ranCheckin(QUESTION);

const scaleThenWait: ProgramSteps = {
  nodes: [
    {
      id: "energy",
      kind: "checkin",
      question: "How is your energy today?",
      scale: { min: 1, max: 5 },
    },
    { id: "pause", kind: "wait", duration_minutes: 60 },
    { id: "bye", kind: "message", text: "See you tomorrow." },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "energy", to: "pause" },
    { from: "pause", to: "bye" },
    { from: "bye", to: "end" },
  ],
};

/**
 * A web contact enrolled in `steps` whose first check-in has been sent at T0; `locale` is the language
 * their platform reported (as Telegram's `language_code` is kept).
 */
async function asked(steps: ProgramSteps, locale?: string) {
  const contact = await seedWebContact(workspace.tenantId);
  if (locale)
    await forTenant(env.DB, workspace.tenantId).update("contacts", contact.contactId, { locale });
  const agent = agentOf(workspace.tenantId, contact.contactId);
  await agent.setTestClock(T0);
  await call(`/api/v1/contacts/${contact.contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body: { quiet_hours: null },
  });
  const program = await createProgram(workspace, { steps });
  const enrollmentId = await enroll(workspace, program.id, contact.contactId);
  await runAt(workspace.tenantId, contact.contactId, T0);
  const meta: RoomMeta = {
    tenantId: workspace.tenantId,
    conversationId: contact.conversationId,
    contactId: contact.contactId,
    channel: "web",
  };
  return { ...contact, agent, enrollmentId, meta };
}

type Asked = Awaited<ReturnType<typeof asked>>;

/** The user writes in their conversation, as the widget, Telegram or WhatsApp hand it to the room. */
async function userWrites(c: Asked, text: string, quickReplyId?: string): Promise<void> {
  await roomFor(env, workspace.tenantId, c.conversationId).receiveChannelMessage({
    meta: c.meta,
    client_id: crypto.randomUUID(),
    text,
    author: c.contactId,
    ...(quickReplyId ? { quick_reply_id: quickReplyId } : {}),
  });
}

async function assistantTexts(conversationId: string): Promise<string[]> {
  return (await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100)).messages
    .filter((m) => m.role === "assistant")
    .map((m) => m.text);
}

async function enrollment(id: string): Promise<EnrollmentView> {
  return (await (
    await call(`/api/v1/enrollments/${id}`, { token: workspace.members.owner.token })
  ).json()) as EnrollmentView;
}

/** Waits until the agent has taken in the user's reply (its activity day is counted after any thanks went out). */
async function replyTakenIn(c: Asked): Promise<void> {
  await eventually(async () => expect((await c.agent.behaviourSignals()).streak_days).toBe(1));
}

describe("a check-in answered with a chip", () => {
  it("records the choice and thanks the user once in the conversation", async () => {
    const c = await asked(lastCheckin);
    await userWrites(c, "Yes", "yes");
    await eventually(async () =>
      expect(await assistantTexts(c.conversationId)).toEqual([
        QUESTION,
        'Thanks! I\'ve noted "Yes".',
      ]),
    );
    expect((await c.agent.snapshot()).enrollments[0]?.answers.ran).toMatchObject({
      choice_id: "yes",
    });

    await userWrites(c, "Yes", "yes");
    await eventually(async () =>
      expect((await c.agent.behaviourSignals()).last_activity_at).not.toBeNull(),
    );
    await runAt(workspace.tenantId, c.contactId, T0 + 1000);
    expect(await assistantTexts(c.conversationId)).toEqual([
      QUESTION,
      'Thanks! I\'ve noted "Yes".',
    ]);
  });

  it("ignores a chip of another message: nothing recorded, nothing said, the check-in still open", async () => {
    const c = await asked(lastCheckin);
    await userWrites(c, "Done", "outcome:no-such-commitment:done");
    await replyTakenIn(c);
    expect(await assistantTexts(c.conversationId)).toEqual([QUESTION]);
    const [record] = (await c.agent.snapshot()).enrollments;
    expect(record?.answers).toEqual({});
    expect(record?.status).toBe("active");
  });
});

describe("a check-in answered by typing", () => {
  it("reads the typed number as the score, thanks once, and the program goes on", async () => {
    const c = await asked(scaleThenWait);
    await userWrites(c, "4");
    await eventually(async () =>
      expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
        "Great to hear! I've noted your 4.",
      ]),
    );
    expect((await c.agent.snapshot()).enrollments[0]?.answers.energy).toMatchObject({ value: 4 });
    await runAt(workspace.tenantId, c.contactId, T0 + HOUR);
    expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
      "Great to hear! I've noted your 4.",
      "See you tomorrow.",
    ]);
  });
});

describe("a check-in answered in words", () => {
  it("takes the answer from the sentence and thanks once; the assistant does not answer it as well", async () => {
    const c = await asked(scaleThenWait);
    await userWrites(c, "Honestly I'd say a 4 today");
    await eventually(async () =>
      expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
        "Great to hear! I've noted your 4.",
      ]),
    );
    expect((await c.agent.snapshot()).enrollments[0]?.answers.energy).toMatchObject({ value: 4 });
    // Long enough for the stand-in model to have answered, had the message gone to the assistant.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
      "Great to hear! I've noted your 4.",
    ]);
  });

  it("gives a question asked under the check-in to the assistant, and records no answer", async () => {
    const c = await asked(scaleThenWait);
    await userWrites(c, "What should I eat before a run?");
    await eventually(async () => expect((await assistantTexts(c.conversationId)).length).toBe(2));
    expect((await assistantTexts(c.conversationId))[1]).not.toMatch(/I've noted/);
    expect((await c.agent.snapshot()).enrollments[0]?.answers).toEqual({});
  });
});

describe("a check-in that is the program's last step", () => {
  it("keeps the enrolment open until the answer, then completes with it recorded", async () => {
    const c = await asked(lastCheckin);
    expect(await enrollment(c.enrollmentId)).toMatchObject({
      status: "active",
      current_node: "end",
      next_wake_at: T0 + 24 * HOUR,
    });
    await c.agent.setTestClock(T0 + HOUR);
    await userWrites(c, "Not yet", "no");
    await eventually(async () =>
      expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
        'Thanks! I\'ve noted "Not yet".',
      ]),
    );
    await runAt(workspace.tenantId, c.contactId, T0 + HOUR);
    const done = await enrollment(c.enrollmentId);
    expect(done).toMatchObject({ status: "completed", ended_at: T0 + HOUR });
    const events = done.history?.map((e) => e.event) ?? [];
    expect(events.indexOf("answered")).toBeLessThan(events.indexOf("completed"));
    expect(done.history?.find((e) => e.event === "answered")?.detail).toMatchObject({
      choice_id: "no",
    });
  });

  it("completes when the answer window ends without an answer", async () => {
    const c = await asked(lastCheckin);
    await runAt(workspace.tenantId, c.contactId, T0 + 23 * HOUR);
    expect((await enrollment(c.enrollmentId)).status).toBe("active");
    await runAt(workspace.tenantId, c.contactId, T0 + 24 * HOUR);
    expect(await enrollment(c.enrollmentId)).toMatchObject({
      status: "completed",
      ended_at: T0 + 24 * HOUR,
    });
  });
});

describe("a check-in in the contact's language", () => {
  it("gives a German contact the hint and the thanks in German", async () => {
    const c = await asked(scaleThenWait, "de-DE");
    expect(await assistantTexts(c.conversationId)).toEqual([
      "How is your energy today?\nAntworte mit einer Zahl von 1 bis 5.",
    ]);
    await userWrites(c, "2");
    await eventually(async () =>
      expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
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
    expect(await assistantTexts(contact.conversationId)).toEqual([
      "How is your energy today?\nRépondez par un nombre de 1 à 5.",
    ]);
  });

  it("follows the language of a Telegram contact linked to the person's web contact", async () => {
    const c = await asked(scaleThenWait);
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
      expect((await assistantTexts(c.conversationId)).slice(1)).toEqual([
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
