// What the quick-reply tests on the messaging channels share: the choices they offer, a channel user's
// contact and conversation, a proactive message with choices sent now, and what the user said.
import type { QuickReply } from "@coach/contracts/socket";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import type { SeededWorkspace } from "../auth/helpers";
import { eventually } from "../channels/channel-helpers";
import { agentOf } from "../programs/program-helpers";

export const SCALE: QuickReply[] = ["1", "2", "3", "4", "5"].map((n) => ({
  id: `energy-${n}`,
  label: n,
}));
export const OUTCOMES: QuickReply[] = [
  { id: "o-done", label: "Done" },
  { id: "o-partly", label: "Partly" },
  { id: "o-not-yet", label: "Not yet" },
];

/** The contact and open conversation of a channel user, once their first message has been stored. */
export async function channelContact(
  workspace: SeededWorkspace,
  kind: "telegram" | "whatsapp",
  externalId: string,
) {
  const gateway = forTenant(env.DB, workspace.tenantId);
  const contact = await eventually(async () => {
    const [found] = await gateway.list("contacts", {
      where: (t) => and(eq(t.channel, kind), eq(t.externalId, externalId)),
    });
    if (!found) throw new Error("no contact yet");
    return found;
  });
  const [conversation] = await gateway.list("conversations", {
    where: (t) => eq(t.contactId, contact.id),
  });
  if (!conversation) throw new Error("no conversation");
  return { contactId: contact.id, conversationId: conversation.id };
}

/** Sends a proactive message with quick replies through the contact's coaching agent, now. */
export async function sendProactive(
  workspace: SeededWorkspace,
  contactId: string,
  id: string,
  text: string,
  replies: QuickReply[],
): Promise<void> {
  const identity = { tenantId: workspace.tenantId, contactId };
  const agent = agentOf(workspace.tenantId, contactId);
  await agent.updatePreferences(identity, {
    quiet_hours: null,
    caps: { per_day: 50, per_week: 200 },
  });
  await agent.queueIntervention(identity, { id, text, quick_replies: replies, reason: "test" });
  await agent.runDue();
}

/** The texts of the user's messages in the conversation, oldest first. */
export async function userTexts(
  workspace: SeededWorkspace,
  conversationId: string,
): Promise<string[]> {
  const page = await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100);
  return page.messages.filter((m) => m.role === "user").map((m) => m.text);
}
