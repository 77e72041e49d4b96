// What the check-in suites share: a program whose first step asks for a score, a web contact enrolled
// in a program whose first check-in went out at T0, the user writing in their conversation, and what
// the assistant has said there.
import type { ProgramSteps } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import type { RoomMeta } from "../../../durable-objects/room/room-meta";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { call, type SeededWorkspace } from "../../worker/auth/helpers";
import {
  agentOf,
  createProgram,
  enroll,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";
import { T0 } from "./coaching-helpers";

/** A 1–5 check-in, then an hour's wait and a goodbye. */
export const scaleThenWait: ProgramSteps = {
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
export async function asked(workspace: SeededWorkspace, steps: ProgramSteps, locale?: string) {
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

export type Asked = Awaited<ReturnType<typeof asked>>;

/** The user writes in their conversation, as the widget, Telegram or WhatsApp hand it to the room. */
export async function userWrites(c: Asked, text: string, quickReplyId?: string): Promise<void> {
  await roomFor(env, c.meta.tenantId, c.conversationId).receiveChannelMessage({
    meta: c.meta,
    client_id: crypto.randomUUID(),
    text,
    author: c.contactId,
    ...(quickReplyId ? { quick_reply_id: quickReplyId } : {}),
  });
}

/** What the assistant has said in the conversation, oldest first. */
export async function assistantTexts(
  workspace: SeededWorkspace,
  conversationId: string,
): Promise<string[]> {
  return (await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100)).messages
    .filter((m) => m.role === "assistant")
    .map((m) => m.text);
}
