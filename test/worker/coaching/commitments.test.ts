// Commitments and reminders end to end through the widget: a promise or a reminder request is recorded
// on the user's clock and confirmed in one line instead of a model answer, its follow-up goes out through
// the contact's coaching agent with Done / Partly / Not yet, and the answer is stored as the outcome
// (an outgoing `outcome.recorded` event too). Ambiguous requests go to the assistant as usual.
import type { CommitmentView } from "@coach/contracts/commitments";
import type { ServerFrame } from "@coach/contracts/socket";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import type { SocketClient } from "../../support/widget-client";
import { call } from "../auth/helpers";
import {
  ask,
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "../conversations/inbox-helpers";
import { agentOf, runAt } from "../programs/program-helpers";

type MessageFrame = Extract<ServerFrame, { type: "message" }>;

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

async function contactOf(conversationId: string): Promise<string> {
  const conversation = await forTenant(env.DB, workspace.tenantId).get(
    "conversations",
    conversationId,
  );
  if (!conversation.contactId) throw new Error("the conversation has no contact");
  return conversation.contactId;
}

function assistantMessage(
  client: SocketClient,
  after: number,
  predicate: (f: MessageFrame) => boolean = () => true,
): Promise<MessageFrame> {
  return client.next(
    (f): f is MessageFrame =>
      f.type === "message" && f.role === "assistant" && f.seq > after && predicate(f),
    15_000,
  );
}

async function commitmentsOf(contactId: string, query = ""): Promise<CommitmentView[]> {
  const res = await call(`/api/v1/contacts/${contactId}/commitments${query}`, {
    token: workspace.members.viewer.token,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { commitments: CommitmentView[] }).commitments;
}

/** A visitor with no quiet hours, so a follow-up is never held back by the hour the test runs at. */
async function awakeVisitor(timezone = "UTC") {
  const { client, conversationId } = await visitor(workspace);
  const contactId = await contactOf(conversationId);
  await agentOf(workspace.tenantId, contactId).updatePreferences(
    { tenantId: workspace.tenantId, contactId },
    { timezone, quiet_hours: null },
  );
  return { client, conversationId, contactId };
}

describe("a reminder request", () => {
  it("is recorded and confirmed in one line, and the assistant is not asked", async () => {
    const { client, contactId } = await awakeVisitor();
    const before = Date.now();
    const seq = await say(client, "Remind me in 2 hours to stretch");
    const confirmation = await assistantMessage(client, seq);
    expect(confirmation.text).toMatch(
      /^Got it: I'll remind you today at \d{1,2}:\d{2} \(stretch\)\.$|^Got it: I'll remind you tomorrow at \d{1,2}:\d{2} \(stretch\)\.$/,
    );
    // Turns are answered in order: had the request gone to the assistant, its answer would come first.
    await ask(client, "How do I build a morning routine?");
    expect(client.of("done")).toHaveLength(1);
    const [reminder] = await commitmentsOf(contactId);
    expect(reminder).toMatchObject({
      kind: "reminder",
      what: "stretch",
      status: "open",
      contact_id: contactId,
      time_zone: "UTC",
    });
    expect(reminder?.due_at).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
    expect(reminder?.due_at).toBeLessThan(Date.now() + 2 * 3_600_000);
    client.close();
  });

  it("reads the time on the contact's own clock", async () => {
    const { client, contactId } = await awakeVisitor("Asia/Tokyo");
    const seq = await say(client, "remind me tomorrow at 8");
    await assistantMessage(client, seq);
    const [reminder] = await commitmentsOf(contactId);
    const tokyoToday = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(
      new Date(seq > 0 ? Date.now() : 0),
    );
    const [y, m, d] = tokyoToday.split("-").map(Number);
    expect(reminder?.due_at).toBe(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + 1, 8 - 9, 0));
    expect(reminder?.local_time_text).toBe("tomorrow at 8:00");
    client.close();
  });

  it("that is ambiguous goes to the assistant and records nothing", async () => {
    const { client, contactId } = await awakeVisitor();
    const seq = await say(client, "remind me later please");
    await client.next((f) => f.type === "done" && f.seq > seq, 20_000);
    expect(await commitmentsOf(contactId)).toEqual([]);
    client.close();
  });
});

describe("a commitment's follow-up", () => {
  it("asks with Done / Partly / Not yet when due, and stores the answer as its outcome", async () => {
    const { client, contactId } = await awakeVisitor();
    const hook = await call("/api/v1/integrations/webhooks", {
      token: workspace.members.owner.token,
      body: { url: "https://hooks.example.com/coach", events: ["outcome.recorded"] },
    });
    expect(hook.status).toBe(201);
    const seq = await say(client, "I'll run three times this week");
    const confirmation = await assistantMessage(client, seq);
    expect(confirmation.text).toMatch(/^Noted: run 3 times a week\. I'll check in with you /);
    const [commitment] = await commitmentsOf(contactId);
    expect(commitment).toMatchObject({
      kind: "commitment",
      what: "run",
      count: 3,
      period: "week",
      status: "open",
    });
    if (!commitment) throw new Error("no commitment");

    await runAt(workspace.tenantId, contactId, commitment.due_at + 1000);
    const followUp = await assistantMessage(
      client,
      confirmation.seq,
      (f) => (f.quick_replies?.length ?? 0) > 0,
    );
    expect(followUp.text).toBe("You planned to run (3× a week). How did it go?");
    expect(followUp.quick_replies?.map((r) => r.label)).toEqual(["Done", "Partly", "Not yet"]);

    const done = followUp.quick_replies?.[0];
    if (!done) throw new Error("no Done reply");
    client.send({
      type: "message",
      client_id: crypto.randomUUID(),
      text: done.label,
      quick_reply_id: done.id,
    });
    const thanks = await assistantMessage(client, followUp.seq);
    expect(thanks.text).toBe("Well done! I've noted it.");
    const res = await call("/api/v1/commitments?status=done", {
      token: workspace.members.viewer.token,
    });
    const listed = ((await res.json()) as { commitments: CommitmentView[] }).commitments;
    expect(listed.find((c) => c.id === commitment.id)).toMatchObject({ status: "done" });
    const deliveries = await forTenant(env.DB, workspace.tenantId).list("webhookDeliveries");
    const event = deliveries.find((d) => d.event === "outcome.recorded");
    expect(JSON.parse(event?.payload ?? "{}")).toMatchObject({
      data: { commitment_id: commitment.id, outcome: "done", contact_id: contactId },
    });
    client.close();
  });

  it("takes a typed answer that matches a quick reply's label", async () => {
    const { client, contactId } = await awakeVisitor();
    const seq = await say(client, "I'll call my sister tomorrow");
    const confirmation = await assistantMessage(client, seq);
    const [commitment] = await commitmentsOf(contactId);
    if (!commitment) throw new Error("no commitment");
    await runAt(workspace.tenantId, contactId, commitment.due_at + 1000);
    const followUp = await assistantMessage(
      client,
      confirmation.seq,
      (f) => (f.quick_replies?.length ?? 0) > 0,
    );
    const answered = await say(client, "partly");
    expect((await assistantMessage(client, answered)).text).toBe(
      "Noted: partly is still progress.",
    );
    expect((await commitmentsOf(contactId, "?status=partly")).map((c) => c.id)).toEqual([
      commitment.id,
    ]);
    expect(followUp.seq).toBeLessThan(answered);
    client.close();
  });
});

describe("erasing a contact", () => {
  it("deletes their commitments with them, and says so in the receipt", async () => {
    const { client, contactId } = await awakeVisitor();
    const seq = await say(client, "remind me tomorrow at 9 to book the physio");
    await assistantMessage(client, seq);
    expect(await commitmentsOf(contactId)).toHaveLength(1);
    client.close();
    const res = await call(`/api/v1/contacts/${contactId}`, {
      token: workspace.members.owner.token,
      method: "DELETE",
    });
    const receipt = (await res.json()) as {
      stores: { store: string; status: string; items: number }[];
    };
    expect(receipt.stores.find((s) => s.store === "commitments")).toMatchObject({
      status: "erased",
      items: 1,
    });
    const left = await forTenant(env.DB, workspace.tenantId).list("commitments");
    expect(left.filter((c) => c.contactId === contactId)).toEqual([]);
  });
});

describe("the commitments API", () => {
  it("answers 404 for another workspace's contact and 400 for an unknown status", async () => {
    const other = await seedDashboardWorkspace();
    const { conversationId } = await visitor(other);
    const foreign = await forTenant(env.DB, other.tenantId).get("conversations", conversationId);
    const res = await call(`/api/v1/contacts/${foreign.contactId}/commitments`, {
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(404);
    const bad = await call("/api/v1/commitments?status=finished", {
      token: workspace.members.owner.token,
    });
    expect(bad.status).toBe(400);
  });
});
