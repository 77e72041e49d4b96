// What the opt-out and restart suites share: a program of two messages a minute apart, a fresh contact
// enrolled in a program with its coaching preferences set and the agent's clock at T0, the texts of its
// conversation, and its enrolment as the API answers it.
import type {
  CoachingPreferencesUpdate,
  EnrollmentView,
  ProgramSteps,
} from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { roomFor } from "../../../worker/lib/rooms";
import { call, type SeededWorkspace } from "../../worker/auth/helpers";
import {
  agentOf,
  createProgram,
  enroll,
  seedWebContact,
} from "../../worker/programs/program-helpers";

export const T0 = Date.UTC(2026, 5, 10, 10, 0);
export const MINUTE = 60_000;

export const twoMessages: ProgramSteps = {
  nodes: [
    { id: "first", kind: "message", text: "Run today: 20 minutes." },
    { id: "pause", kind: "wait", duration_minutes: 1 },
    { id: "second", kind: "message", text: "How did it go?" },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "first", to: "pause" },
    { from: "pause", to: "second" },
    { from: "second", to: "end" },
  ],
};

/** A new program of `steps`, a new web contact with `prefs` and the agent's clock at T0, enrolled in it. */
export async function setUp(
  workspace: SeededWorkspace,
  steps: ProgramSteps,
  prefs: CoachingPreferencesUpdate = { quiet_hours: null },
) {
  const program = await createProgram(workspace, { steps });
  const contact = await seedWebContact(workspace.tenantId);
  await agentOf(workspace.tenantId, contact.contactId).setTestClock(T0);
  await call(`/api/v1/contacts/${contact.contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body: prefs,
  });
  const enrollmentId = await enroll(workspace, program.id, contact.contactId);
  return { ...contact, enrollmentId, programId: program.id };
}

/** Every message of the conversation, oldest first. */
export async function roomTexts(
  workspace: SeededWorkspace,
  conversationId: string,
): Promise<string[]> {
  return (await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100)).messages.map(
    (m) => m.text,
  );
}

/** The enrolment as the API answers it to the workspace's owner. */
export async function enrollment(workspace: SeededWorkspace, id: string): Promise<EnrollmentView> {
  return (await (
    await call(`/api/v1/enrollments/${id}`, { token: workspace.members.owner.token })
  ).json()) as EnrollmentView;
}
