// The conversations inbox: each item's contact, preview, counts and flags, a search over contact
// details and message text (full-text, fed by the rooms' index sync), the channel, needs-human and
// takeover filters, one conversation by id, and the sources and confidence of each answer.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { getJson, type InboxItem } from "./inbox-helpers";
import { seedConversation } from "./seeded-rooms";

const ROUTINE = { document_id: "doc-routine", title: "Routine guide" };
const now = Date.now();

let workspace: SeededWorkspace;
let ana: string;
let ben: string;

beforeAll(async () => {
  workspace = await seedWorkspace();
  ana = await seedConversation(workspace.tenantId, {
    channel: "web",
    contact: { name: "Ana Lima", email: "ana@example.test" },
    messages: [
      { role: "user", text: "How do I keep a journaling habit?", at: now - 2000 },
      {
        role: "assistant",
        text: "Write three lines each morning.",
        at: now - 1900,
        confidence: 0.82,
        citations: [ROUTINE],
      },
    ],
  });
  ben = await seedConversation(workspace.tenantId, {
    channel: "telegram",
    contact: { name: "Ben Ode" },
    messages: [
      { role: "user", text: "Can you explain quantum tunnelling?", at: now - 1000 },
      { role: "assistant", text: "I don't know that one.", at: now - 900, confidence: 0 },
    ],
  });
});

async function inbox(query: string, token = workspace.members.viewer.token): Promise<string[]> {
  return (
    await getJson<{ conversations: InboxItem[] }>(`/api/v1/conversations?${query}`, token)
  ).conversations.map((c) => c.id);
}

describe("the inbox", () => {
  it("lists each conversation with its contact, preview, counts and answer quality, newest first", async () => {
    const { conversations } = await getJson<{ conversations: InboxItem[] }>(
      "/api/v1/conversations",
      workspace.members.viewer.token,
    );
    expect(conversations.map((c) => c.id)).toEqual([ben, ana]);
    expect(conversations[1]).toMatchObject({
      channel: "web",
      message_count: 2,
      last_preview: "Write three lines each morning.",
      last_message_at: now - 1900,
      needs_human: false,
      taken_over: false,
      low_confidence: false,
      contact: { display_name: "Ana Lima", email: "ana@example.test", channel: "web" },
    });
    // Ben's last answer was a fallback.
    expect(conversations[0]).toMatchObject({
      low_confidence: true,
      contact: { display_name: "Ben Ode" },
    });
  });

  it("finds conversations by message text, word prefix, contact name and email", async () => {
    expect(await inbox("q=journaling")).toEqual([ana]);
    expect(await inbox("q=tunnel")).toEqual([ben]);
    expect(await inbox("q=three%20lines")).toEqual([ana]);
    expect(await inbox("q=Ben%20Ode")).toEqual([ben]);
    expect(await inbox("q=ana%40example")).toEqual([ana]);
    expect(await inbox("q=nothing-like-this")).toEqual([]);
    // FTS syntax in a query is taken as words, never as operators.
    expect(
      (
        await call("/api/v1/conversations?q=%22journal*%20OR%20NEAR(", {
          token: workspace.members.viewer.token,
        })
      ).status,
    ).toBe(200);
  });

  it("finds a busy conversation by its first and last words when a sync carries more than 25 messages", async () => {
    const messages = Array.from({ length: 60 }, (_, i) => ({
      role: i % 2 === 0 ? ("user" as const) : ("assistant" as const),
      text: `step ${i} of the plan`,
      at: now - 5000 + i,
    }));
    messages[0] = { ...messages[0]!, text: "Morning pages feel awkward at first" };
    messages[59] = { ...messages[59]!, text: "Try a walk before breakfast" };
    const own = await seedWorkspace();
    const busy = await seedConversation(own.tenantId, {
      channel: "web",
      contact: { name: "Cleo Busy" },
      messages,
    });
    expect(await inbox("q=awkward", own.members.viewer.token)).toEqual([busy]);
    expect(await inbox("q=breakfast", own.members.viewer.token)).toEqual([busy]);
  });

  it("filters by channel, needs-human and takeover", async () => {
    expect(await inbox("channel=telegram")).toEqual([ben]);
    expect(await inbox("channel=whatsapp")).toEqual([]);
    await forTenant(env.DB, workspace.tenantId).update("conversations", ana, { needsHuman: true });
    expect(await inbox("needs_human=true")).toEqual([ana]);
    expect(await inbox("needs_human=false")).toEqual([ben]);
    expect(await inbox("taken_over=true")).toEqual([]);
    await call(`/api/v1/conversations/${ben}/takeover`, {
      token: workspace.members.editor.token,
      body: {},
    });
    expect(await inbox("taken_over=true")).toEqual([ben]);
    expect(
      (await call("/api/v1/conversations?channel=fax", { token: workspace.members.viewer.token }))
        .status,
    ).toBe(400);
  });

  it("never finds another workspace's conversations", async () => {
    const other = await seedWorkspace();
    expect(await inbox("q=journaling", other.members.owner.token)).toEqual([]);
    expect(
      (await call(`/api/v1/conversations/${ana}`, { token: other.members.owner.token })).status,
    ).toBe(404);
  });
});

describe("one conversation", () => {
  it("has the inbox shape, and its transcript carries each answer's sources and confidence", async () => {
    const item = await getJson<InboxItem>(
      `/api/v1/conversations/${ana}`,
      workspace.members.viewer.token,
    );
    expect(item).toMatchObject({
      id: ana,
      contact: { display_name: "Ana Lima" },
      message_count: 2,
    });
    const { messages } = await getJson<{
      messages: { role: string; sources: { title: string }[]; confidence: number | null }[];
    }>(`/api/v1/conversations/${ana}/messages`, workspace.members.viewer.token);
    expect(messages[1]).toMatchObject({
      role: "assistant",
      confidence: 0.82,
      sources: [
        expect.objectContaining({ document_id: ROUTINE.document_id, title: ROUTINE.title }),
      ],
    });
  });
});
