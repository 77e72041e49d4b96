// The coaching engine end to end on a pinned clock: enrolling through the API, the first step sent
// once into the contact's conversation, waits, check-ins read from replies, branches, and the D1
// index and history the API answers.
import type { EnrollmentView, ProgramSteps } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import {
  agentOf,
  createProgram,
  enroll,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";

const T0 = Date.UTC(2026, 5, 10, 10, 0); // a Wednesday, 10:00 UTC
const HOUR = 60 * 60 * 1000;

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

async function roomTexts(conversationId: string): Promise<string[]> {
  const page = await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100);
  return page.messages.filter((m) => m.role === "assistant").map((m) => m.text);
}

async function enrollmentOf(id: string): Promise<EnrollmentView> {
  const res = await call(`/api/v1/enrollments/${id}`, { token: workspace.members.viewer.token });
  expect(res.status).toBe(200);
  return (await res.json()) as EnrollmentView;
}

async function pinnedContact(at = T0) {
  const contact = await seedWebContact(workspace.tenantId);
  await agentOf(workspace.tenantId, contact.contactId).setTestClock(at);
  return contact;
}

const checkinProgram: ProgramSteps = {
  nodes: [
    {
      id: "ask",
      kind: "checkin",
      question: "How did this week's runs feel?",
      scale: { min: 1, max: 5, labels: { "1": "awful", "5": "great" } },
    },
    { id: "pause", kind: "wait", duration_minutes: 120 },
    { id: "good", kind: "condition", rule: { type: "answer_compare", op: "gte", value: 4 } },
    { id: "cheer", kind: "message", text: "Brilliant week, keep the rhythm." },
    { id: "care", kind: "message", text: "Tough week. Let's make the next run shorter." },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "ask", to: "pause" },
    { from: "pause", to: "good" },
    { from: "good", to: "cheer", branch: "yes" },
    { from: "good", to: "care", branch: "no" },
    { from: "cheer", to: "end" },
    { from: "care", to: "end" },
  ],
};

describe("a one-message program", () => {
  it("sends the step once into the contact's conversation and completes", async () => {
    const program = await createProgram(workspace);
    const { contactId, conversationId } = await pinnedContact();
    const id = await enroll(workspace, program.id, contactId);
    await runAt(workspace.tenantId, contactId, T0);
    await runAt(workspace.tenantId, contactId, T0 + 1000);
    expect(await roomTexts(conversationId)).toEqual([
      "Welcome to the program! Today: a ten-minute walk.",
    ]);
    const enrollment = await enrollmentOf(id);
    expect(enrollment).toMatchObject({
      status: "completed",
      current_node: "done",
      next_wake_at: null,
      program_version: 1,
    });
    expect(enrollment.history?.map((e) => e.event)).toEqual(["enrolled", "sent", "completed"]);
    expect(enrollment.history?.[1]).toMatchObject({ at: T0, node_id: "hello" });
  });

  it("lists enrolments filtered by program, contact and status", async () => {
    const program = await createProgram(workspace);
    const a = await pinnedContact();
    const b = await pinnedContact();
    // b is in their quiet hours, so their step waits.
    await call(`/api/v1/contacts/${b.contactId}/coaching`, {
      method: "PUT",
      token: workspace.members.owner.token,
      body: { quiet_hours: { start: "09:00", end: "12:00" } },
    });
    const first = await enroll(workspace, program.id, a.contactId);
    const second = await enroll(workspace, program.id, b.contactId);
    await runAt(workspace.tenantId, a.contactId, T0);
    await runAt(workspace.tenantId, b.contactId, T0);
    const byProgram = (await (
      await call(`/api/v1/enrollments?program_id=${program.id}`, {
        token: workspace.members.viewer.token,
      })
    ).json()) as { enrollments: EnrollmentView[] };
    expect(byProgram.enrollments).toHaveLength(2);
    const completed = (await (
      await call(`/api/v1/enrollments?program_id=${program.id}&status=completed`, {
        token: workspace.members.viewer.token,
      })
    ).json()) as { enrollments: EnrollmentView[] };
    expect(completed.enrollments.map((e) => e.id)).toEqual([first]);
    const byContact = (await (
      await call(`/api/v1/enrollments?contact_id=${b.contactId}`, {
        token: workspace.members.viewer.token,
      })
    ).json()) as { enrollments: EnrollmentView[] };
    expect(byContact.enrollments.map((e) => [e.id, e.status, e.next_wake_at])).toEqual([
      [second, "active", T0 + 2 * HOUR],
    ]);
  });

  it("answers the active enrolment again instead of enrolling a contact twice", async () => {
    const program = await createProgram(workspace, { steps: checkinProgram });
    const { contactId } = await pinnedContact();
    const first = await enroll(workspace, program.id, contactId);
    const again = await call("/api/v1/enrollments", {
      token: workspace.members.owner.token,
      body: { program_id: program.id, contact_id: contactId },
    });
    expect(again.status).toBe(200);
    expect((await again.json()) as EnrollmentView & { duplicate: boolean }).toMatchObject({
      id: first,
      duplicate: true,
    });
  });
});

describe("a check-in program", () => {
  it("asks with quick replies, reads and thanks the answer, and takes the matching branch after the wait", async () => {
    const program = await createProgram(workspace, { steps: checkinProgram });
    const { contactId, conversationId } = await pinnedContact();
    const id = await enroll(workspace, program.id, contactId);
    await runAt(workspace.tenantId, contactId, T0);
    const page = await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 10);
    expect(page.messages[0]?.text).toBe(
      "How did this week's runs feel?\nReply with a number from 1 to 5 (1 = awful, 5 = great).",
    );
    expect((await enrollmentOf(id)).next_wake_at).toBe(T0 + 2 * HOUR);

    await agentOf(workspace.tenantId, contactId).recordReply({
      text: "I'd say 2, legs were heavy",
    });
    await runAt(workspace.tenantId, contactId, T0 + HOUR);
    expect((await roomTexts(conversationId)).slice(1)).toEqual([
      "Thanks for being honest. I've noted your 2.",
    ]);
    await runAt(workspace.tenantId, contactId, T0 + 2 * HOUR);
    expect((await roomTexts(conversationId)).slice(2)).toEqual([
      "Tough week. Let's make the next run shorter.",
    ]);
    const history = (await enrollmentOf(id)).history ?? [];
    expect(history.find((e) => e.event === "answered")?.detail).toMatchObject({ value: 2 });
    expect(history.find((e) => e.event === "branched")?.detail).toEqual({ branch: "no" });
  });

  it("takes the no branch when the check-in is never answered", async () => {
    const program = await createProgram(workspace, { steps: checkinProgram });
    const { contactId, conversationId } = await pinnedContact();
    await enroll(workspace, program.id, contactId);
    await runAt(workspace.tenantId, contactId, T0);
    await runAt(workspace.tenantId, contactId, T0 + 3 * HOUR);
    expect((await roomTexts(conversationId)).at(-1)).toBe(
      "Tough week. Let's make the next run shorter.",
    );
  });

  it("ends an enrolment on DELETE, after which nothing more is sent", async () => {
    const program = await createProgram(workspace, { steps: checkinProgram });
    const { contactId, conversationId } = await pinnedContact();
    const id = await enroll(workspace, program.id, contactId);
    await runAt(workspace.tenantId, contactId, T0);
    const res = await call(`/api/v1/enrollments/${id}`, {
      method: "DELETE",
      token: workspace.members.editor.token,
    });
    expect(((await res.json()) as EnrollmentView).status).toBe("ended");
    await runAt(workspace.tenantId, contactId, T0 + 5 * HOUR);
    expect(await roomTexts(conversationId)).toHaveLength(1);
  });
});
