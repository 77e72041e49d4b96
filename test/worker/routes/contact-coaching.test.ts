// A contact's language, pause and stop under /api/v1/contacts/:id/coaching: refused values are
// explained by field, every change is audited, a pause holds proactive messages on the agent's pinned
// clock until it ends (then they resume with nobody acting), a member's stop ends the programs as the
// person's STOP does and cannot be undone by a member, and the chosen language is the one the person
// is answered in. A widget visitor's contact keeps the host name of the site they came from.
import type { ContactCoachingView } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOM_TEXTS } from "../../../durable-objects/room/room-texts";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { newPublicKey } from "../../../worker/widget/widget-store";
import {
  enrollment,
  MINUTE,
  roomTexts,
  setUp,
  T0,
  twoMessages,
} from "../../durable-objects/coaching/coaching-helpers";
import { openSession, SocketClient } from "../../support/widget-client";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { say } from "../conversations/inbox-helpers";
import { runAt, seedWebContact } from "../programs/program-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function put(contactId: string, body: unknown): Promise<Response> {
  return call(`/api/v1/contacts/${contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body,
  });
}

async function coachingOf(contactId: string): Promise<ContactCoachingView> {
  const res = await call(`/api/v1/contacts/${contactId}/coaching`, {
    token: workspace.members.viewer.token,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as ContactCoachingView;
}

describe("validation and audit", () => {
  it("refuses an unknown language, a pause that is no time and a member's opt-in, naming each field", async () => {
    const { contactId } = await seedWebContact(workspace.tenantId);
    const res = await put(contactId, {
      language: "it",
      paused_until: "next week",
      opted_out: false,
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as {
      error: { code: string; details: { path: string; message: string }[] };
    };
    expect(error.code).toBe("validation_failed");
    const byPath = new Map(error.details.map((d) => [d.path, d.message]));
    expect(byPath.get("language")).toContain("en, es, pt, fr, de");
    expect(byPath.has("paused_until")).toBe(true);
    expect(byPath.get("opted_out")).toContain("only the person can start them again");
    // Nothing of a refused body is kept.
    expect(await coachingOf(contactId)).toMatchObject({ language: null, paused_until: null });
  });

  it("keeps the language and the pause, answers them on GET and audits which fields changed", async () => {
    const { contactId } = await seedWebContact(workspace.tenantId);
    const until = Date.UTC(2027, 0, 4, 9, 0);
    const res = await put(contactId, { language: "pt", paused_until: until });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      language: "pt",
      paused_until: until,
      opted_out: false,
    });
    expect(await coachingOf(contactId)).toMatchObject({ language: "pt", paused_until: until });

    expect((await put(contactId, { language: null, paused_until: null })).status).toBe(200);
    expect(await coachingOf(contactId)).toMatchObject({ language: null, paused_until: null });

    const audit = await call(`/api/v1/audit?target_id=${contactId}`, {
      token: workspace.members.owner.token,
    });
    const { events } = (await audit.json()) as {
      events: { action: string; metadata: { fields: string[] } | null }[];
    };
    const fields = events
      .filter((e) => e.action === "contact.coaching_updated")
      .map((e) => [...(e.metadata?.fields ?? [])].sort());
    expect(fields).toEqual([
      ["language", "paused_until"],
      ["language", "paused_until"],
    ]);
  });

  it("lets a viewer read but not change the preferences", async () => {
    const { contactId } = await seedWebContact(workspace.tenantId);
    const res = await call(`/api/v1/contacts/${contactId}/coaching`, {
      method: "PUT",
      token: workspace.members.viewer.token,
      body: { language: "es" },
    });
    expect(res.status).toBe(403);
    expect((await coachingOf(contactId)).language).toBeNull();
  });
});

describe("a pause", () => {
  it("holds proactive messages until it ends, then they go out with nobody acting", async () => {
    const until = T0 + 90 * MINUTE;
    const setup = await setUp(workspace, twoMessages, { quiet_hours: null, paused_until: until });
    await runAt(workspace.tenantId, setup.contactId, T0);
    await runAt(workspace.tenantId, setup.contactId, until - MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([]);
    const held = await enrollment(workspace, setup.enrollmentId);
    expect(held.next_wake_at).toBe(until);
    expect(held.history).toContainEqual(
      expect.objectContaining({ event: "deferred", detail: { until } }),
    );

    await runAt(workspace.tenantId, setup.contactId, until);
    await runAt(workspace.tenantId, setup.contactId, until + MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
  });
});

describe("a member's stop", () => {
  it("ends every program and sends nothing more, as the person's STOP would", async () => {
    const setup = await setUp(workspace, twoMessages);
    await runAt(workspace.tenantId, setup.contactId, T0);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);

    const res = await put(setup.contactId, { opted_out: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ opted_out: true });
    const contact = await forTenant(env.DB, workspace.tenantId).get("contacts", setup.contactId);
    expect(contact.optedOutAt).not.toBeNull();
    expect((await enrollment(workspace, setup.enrollmentId)).status).toBe("opted_out");

    await runAt(workspace.tenantId, setup.contactId, T0 + 5 * MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    // A member's enrolment cannot override it either: only the person can start again.
    const again = await call("/api/v1/enrollments", {
      token: workspace.members.owner.token,
      body: { program_id: setup.programId, contact_id: setup.contactId },
    });
    expect(again.status).toBe(409);
  });
});

describe("a widget visitor's language and site", () => {
  it("answers a request for a person in the language a member chose, and keeps only the site's host name", async () => {
    const publicKey = newPublicKey();
    await forTenant(env.DB, workspace.tenantId).insert("widgets", {
      id: crypto.randomUUID(),
      publicKey,
      allowedOrigins: ["https://creator.example"],
      settings: {},
    });
    const session = await openSession({ tenantId: workspace.tenantId, publicKey });
    const gateway = forTenant(env.DB, workspace.tenantId);
    const { contactId } = await gateway.get("conversations", session.conversation_id);
    expect(contactId).not.toBeNull();
    const contact = await gateway.get("contacts", contactId ?? "");
    expect(contact.site).toBe("creator.example");

    expect((await put(contact.id, { language: "de" })).status).toBe(200);
    const client = await SocketClient.connect(session);
    const seq = await say(client, "Can I talk to a human please?");
    const reply = await client.next((f) => f.type === "done" && f.seq > seq);
    expect(reply).toMatchObject({ text: ROOM_TEXTS.de.humanRequested });
    client.close();
  });
});
