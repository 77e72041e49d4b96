// A user asking for a person: the assistant says in one sentence that the creator has been told
// (without asking the model), the conversation is flagged for the inbox and audited, and taking it
// over clears the flag. Works the same on Telegram, including its /human command.
import { beforeAll, describe, expect, it } from "vitest";
import { ROOM_TEXTS } from "../../../durable-objects/room/room-texts";
import { call } from "../auth/helpers";
import {
  connectBot,
  eventually,
  postUpdate,
  telegramCalls,
  textUpdate,
} from "../channels/channel-helpers";
import {
  getJson,
  indexed,
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
  type InboxItem,
} from "./inbox-helpers";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

describe("a user asking for a person", () => {
  it("gets a one-sentence reply without a model call, and the conversation is flagged and audited", async () => {
    const { client, conversationId } = await visitor(workspace);
    const seq = await say(client, "Can I talk to a human please?");
    const reply = await client.next((f) => f.type === "done" && f.seq > seq);
    expect(reply).toMatchObject({ text: ROOM_TEXTS.en.humanRequested, status: "complete" });
    // No model call: nothing was streamed and the assistant never showed as typing.
    expect(client.of("delta")).toEqual([]);
    expect(client.of("typing").filter((t) => t.role === "assistant")).toEqual([]);
    const item = await indexed(workspace, conversationId, (c) => c.needs_human);
    expect(item.needs_human).toBe(true);
    const flagged = await getJson<{ conversations: InboxItem[] }>(
      "/api/v1/conversations?needs_human=true&limit=100",
      workspace.members.viewer.token,
    );
    expect(flagged.conversations.map((c) => c.id)).toContain(conversationId);
    const { events } = await getJson<{ events: { action: string; actor_type: string }[] }>(
      `/api/v1/audit?target_id=${conversationId}`,
      workspace.members.owner.token,
    );
    expect(events).toContainEqual(
      expect.objectContaining({ action: "conversation.human_requested", actor_type: "contact" }),
    );

    await call(`/api/v1/conversations/${conversationId}/takeover`, {
      token: workspace.members.owner.token,
      body: {},
    });
    expect((await indexed(workspace, conversationId, (c) => c.taken_over)).needs_human).toBe(false);
    client.close();
  });

  it("is recognised from Telegram's /human command and answered in the chat", async () => {
    const bot = await connectBot(workspace);
    await postUpdate(bot.botId, bot.secret, textUpdate(801, 9201, "/human"));
    const texts = await eventually(async () => {
      const sent = (await telegramCalls(bot.token, "sendMessage"))
        .filter((c) => String(c.params.chat_id) === "9201")
        .map((c) => c.params.text);
      expect(sent).toHaveLength(1);
      return sent;
    });
    // Telegram messages are HTML-escaped; the reply has an apostrophe only.
    expect(texts[0]).toBe(ROOM_TEXTS.en.humanRequested);
  });
});
