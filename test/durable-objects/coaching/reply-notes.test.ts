// Which user messages wake the contact's CoachingAgent: none in a plain conversation (no second object
// per message), every one once coaching has reached the conversation (here a proactive check-in).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { RoomMeta } from "../../../durable-objects/room/room-meta";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { coachingAgentFor } from "../../../worker/lib/coaching-agents";
import { roomFor } from "../../../worker/lib/rooms";
import { eventually } from "../../worker/channels/channel-helpers";
import {
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "../../worker/conversations/inbox-helpers";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

describe("replies noted for coaching", () => {
  it("are not noted in a plain conversation, and are once a proactive message arrived", async () => {
    const { client, conversationId } = await visitor(workspace);
    await say(client, "Hello");
    const gateway = forTenant(env.DB, workspace.tenantId);
    // The index flush comes after the message's own follow-up work, so by then a note would have landed.
    const conversation = await eventually(async () => {
      const row = await gateway.get("conversations", conversationId);
      if (row.messageCount < 1) throw new Error("not indexed yet");
      return row;
    });
    const agent = coachingAgentFor(env, workspace.tenantId, conversation.contactId ?? "");
    expect((await agent.behaviourSignals()).last_activity_at).toBeNull();

    const meta: RoomMeta = {
      tenantId: workspace.tenantId,
      conversationId,
      contactId: conversation.contactId,
      channel: "web",
    };
    await roomFor(env, workspace.tenantId, conversationId).sendOutbound({
      meta,
      client_id: "checkin-reply-notes",
      text: "How did today go?",
      author: "assistant",
      source: "proactive",
    });
    await say(client, "Pretty well");
    await eventually(async () => {
      expect((await agent.behaviourSignals()).last_activity_at).not.toBeNull();
    });
    client.close();
  });
});
