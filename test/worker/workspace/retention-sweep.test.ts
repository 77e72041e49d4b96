// The retention sweeper: once a workspace's retention is set, what is older goes — conversations with
// their messages, originals in R2, audit entries, finished webhook deliveries, gaps — while younger data,
// a conversation flagged urgent and every other workspace's data stay; one receipt in the audit log
// counts what went, and a backlog larger than a batch is finished in the passes that follow.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { eventually } from "../channels/channel-helpers";
import { DAY, seedConversation } from "../conversations/seeded-rooms";

type Receipt = { metadata: { deleted: Record<string, number> } };

/** The ids of one workspace's seeded data, old and young of each kind. */
type Seeded = Awaited<ReturnType<typeof seedData>>;

async function conversationAt(tenantId: string, at: number): Promise<string> {
  return seedConversation(tenantId, {
    channel: "web",
    contact: { name: "Sam" },
    messages: [
      { role: "user", text: "How do I start?", at },
      { role: "assistant", text: "One small step.", at: at + 1000 },
    ],
  });
}

async function seedData(tenantId: string) {
  const gateway = forTenant(env.DB, tenantId);
  const now = Date.now();
  const oldConversation = await conversationAt(tenantId, now - 40 * DAY);
  const youngConversation = await conversationAt(tenantId, now - 2 * DAY);
  const urgentConversation = await conversationAt(tenantId, now - 40 * DAY);
  await gateway.update("conversations", urgentConversation, {
    urgentAt: now - 40 * DAY,
    urgentKind: "self_harm",
  });
  const document = async (age: number, kind = "text") => {
    const id = crypto.randomUUID();
    const r2Key = `tenants/${tenantId}/documents/${id}/original`;
    await env.FILES.put(r2Key, "Walk at dawn.");
    await gateway.insert("documents", {
      id,
      title: "Notes",
      kind,
      r2Key,
      status: "ready",
      chunkCount: 1,
      createdAt: now - age,
    });
    return { id, r2Key };
  };
  const audit = async (age: number) => {
    const id = crypto.randomUUID();
    await gateway.insert("auditLog", {
      id,
      actorType: "system",
      action: "test.seeded",
      createdAt: now - age,
    });
    return id;
  };
  const delivery = async (age: number, status: "pending" | "delivered", about = "") => {
    const id = crypto.randomUUID();
    await gateway.insert("webhookDeliveries", {
      id,
      endpointId: "endpoint",
      event: "conversation.created",
      payload: JSON.stringify({ data: { conversation_id: about } }),
      status,
      createdAt: now - age,
    });
    return id;
  };
  const gap = async (age: number) => {
    const id = crypto.randomUUID();
    await gateway.insert("questionGaps", {
      id,
      conversationId: crypto.randomUUID(),
      turnId: "turn",
      question: "What about sleep?",
      confidence: 0.1,
      grounding: "none",
      createdAt: now - age,
    });
    return id;
  };
  return {
    conversations: { old: oldConversation, young: youngConversation, urgent: urgentConversation },
    documents: {
      old: await document(40 * DAY),
      young: await document(2 * DAY),
      oldCorrection: await document(40 * DAY, "correction"),
    },
    audit: { old: await audit(400 * DAY), young: await audit(2 * DAY) },
    deliveries: {
      old: await delivery(40 * DAY, "delivered"),
      oldPending: await delivery(40 * DAY, "pending"),
      young: await delivery(2 * DAY, "delivered"),
      aboutOldConversation: await delivery(2 * DAY, "delivered", oldConversation),
    },
    gaps: { old: await gap(200 * DAY), young: await gap(2 * DAY) },
  };
}

async function receipts(tenantId: string): Promise<Receipt[]> {
  const { results } = await env.DB.prepare(
    "SELECT metadata FROM audit_log WHERE tenant_id = ? AND action = 'retention.swept'",
  )
    .bind(tenantId)
    .all<{ metadata: string }>();
  return results.map((row) => ({ metadata: JSON.parse(row.metadata) as Receipt["metadata"] }));
}

/** Sets the workspace's retention as its admin would, and waits for the sweep's receipt. */
async function setRetentionAndSweep(workspace: SeededWorkspace, body: object): Promise<Receipt> {
  const res = await call("/api/v1/workspace/retention", {
    method: "PUT",
    token: workspace.members.admin.token,
    body,
  });
  expect(res.status).toBe(200);
  // The sweeper's own alarms run the sweep (none is forced), so a pass that forgot to continue would
  // leave the receipt waiting a day.
  return eventually(async () => {
    const found = await receipts(workspace.tenantId);
    expect(found).toHaveLength(1);
    return found[0]!;
  });
}

describe("the retention sweeper", () => {
  let swept: SeededWorkspace;
  let other: SeededWorkspace;
  let data: Seeded;
  let otherData: Seeded;
  let receipt: Receipt;

  beforeAll(async () => {
    swept = await seedWorkspace();
    other = await seedWorkspace();
    data = await seedData(swept.tenantId);
    otherData = await seedData(other.tenantId);
    receipt = await setRetentionAndSweep(swept, {
      conversations_days: 30,
      originals_days: 30,
      webhook_deliveries_days: 30,
    });
  });

  it("deletes an old conversation with its messages and the deliveries that quote it, and keeps a young one", async () => {
    const gateway = forTenant(env.DB, swept.tenantId);
    expect(await gateway.find("conversations", data.conversations.old)).toBeUndefined();
    const erased = await roomFor(env, swept.tenantId, data.conversations.old).listMessages(0, 10);
    expect(erased.messages).toEqual([]);
    expect(await gateway.find("webhookDeliveries", data.deliveries.aboutOldConversation)).toBe(
      undefined,
    );
    expect(await gateway.find("conversations", data.conversations.young)).toBeDefined();
    const kept = await roomFor(env, swept.tenantId, data.conversations.young).listMessages(0, 10);
    expect(kept.messages.map((m) => m.text)).toEqual(["How do I start?", "One small step."]);
  });

  it("keeps an old conversation flagged urgent until a member resolves it", async () => {
    const gateway = forTenant(env.DB, swept.tenantId);
    expect(await gateway.find("conversations", data.conversations.urgent)).toBeDefined();
    const room = roomFor(env, swept.tenantId, data.conversations.urgent);
    expect((await room.listMessages(0, 10)).messages).toHaveLength(2);
  });

  it("removes an old original from R2, says so in the library, and refuses to re-index it", async () => {
    expect(await env.FILES.head(data.documents.old.r2Key)).toBeNull();
    expect(await env.FILES.head(data.documents.young.r2Key)).not.toBeNull();
    // A correction's original is the creator's own answer, which the Corrections screen reads back.
    expect(await env.FILES.head(data.documents.oldCorrection.r2Key)).not.toBeNull();
    const token = swept.members.owner.token;
    const path = `/api/v1/knowledge/documents/${data.documents.old.id}`;
    const document = (await (await call(path, { token })).json()) as Record<string, unknown>;
    expect(document).toMatchObject({ status: "ready", chunk_count: 1 });
    expect(document.original_removed_at).toEqual(expect.any(Number));
    const reindex = await call(`${path}/reindex`, { token, body: {} });
    expect(reindex.status).toBe(409);
    expect(((await reindex.json()) as { error: { code: string } }).error.code).toBe(
      "original_removed",
    );
    const young = (await (
      await call(`/api/v1/knowledge/documents/${data.documents.young.id}`, { token })
    ).json()) as Record<string, unknown>;
    expect(young.original_removed_at).toBeNull();
  });

  it("deletes audit entries, finished deliveries and gaps older than their settings, and keeps the rest", async () => {
    const gateway = forTenant(env.DB, swept.tenantId);
    expect(await gateway.find("auditLog", data.audit.old)).toBeUndefined();
    expect(await gateway.find("auditLog", data.audit.young)).toBeDefined();
    expect(await gateway.find("webhookDeliveries", data.deliveries.old)).toBeUndefined();
    expect(await gateway.find("webhookDeliveries", data.deliveries.oldPending)).toBeDefined();
    expect(await gateway.find("webhookDeliveries", data.deliveries.young)).toBeDefined();
    expect(await gateway.find("questionGaps", data.gaps.old)).toBeUndefined();
    expect(await gateway.find("questionGaps", data.gaps.young)).toBeDefined();
  });

  it("writes one receipt into the audit log with what went, by kind", () => {
    expect(receipt.metadata.deleted).toEqual({
      conversations: 1,
      originals: 1,
      audit_entries: 1,
      webhook_deliveries: 2,
      gaps: 1,
    });
  });

  it("leaves every other workspace's data alone", async () => {
    const gateway = forTenant(env.DB, other.tenantId);
    expect(await gateway.find("conversations", otherData.conversations.old)).toBeDefined();
    expect(await env.FILES.head(otherData.documents.old.r2Key)).not.toBeNull();
    expect(await gateway.find("auditLog", otherData.audit.old)).toBeDefined();
    expect(await gateway.find("webhookDeliveries", otherData.deliveries.old)).toBeDefined();
    expect(await gateway.find("questionGaps", otherData.gaps.old)).toBeDefined();
    expect(await receipts(other.tenantId)).toEqual([]);
  });

  it("never holds back an erasure: a contact's urgent conversation, kept forever by retention, goes at once", async () => {
    const gateway = forTenant(env.DB, other.tenantId);
    const conversation = await gateway.get("conversations", otherData.conversations.urgent);
    const res = await call(`/api/v1/contacts/${conversation.contactId}`, {
      method: "DELETE",
      token: other.members.owner.token,
    });
    expect(res.status).toBe(200);
    expect(await gateway.find("conversations", conversation.id)).toBeUndefined();
    const room = roomFor(env, other.tenantId, conversation.id);
    expect((await room.listMessages(0, 10)).messages).toEqual([]);
  });

  it("finishes a backlog larger than one batch in the passes that follow, with one receipt for the sweep", async () => {
    const workspace = await seedWorkspace();
    const old = Date.now() - 100 * DAY;
    // 1,200 entries: more than two batches of 500, so the sweep needs three passes.
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
       INSERT INTO audit_log (id, tenant_id, actor_type, action, created_at)
       SELECT ?1 || '-' || i, ?2, 'system', 'test.seeded', ?3 FROM n`,
    )
      .bind(crypto.randomUUID(), workspace.tenantId, old)
      .run();
    const backlog = await setRetentionAndSweep(workspace, { audit_days: 30 });
    expect(backlog.metadata.deleted).toMatchObject({ audit_entries: 1200 });
    const left = await forTenant(env.DB, workspace.tenantId).count("auditLog");
    expect(left).toBe(2);
  });
});
