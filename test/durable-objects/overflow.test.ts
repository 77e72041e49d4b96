// The overflow to Workers AI, end to end through a conversation room: off, a workspace whose bridge is
// down queues the turn and tells the person, as always; on, the turn is answered by the Workers AI
// stand-in over the same socket protocol, labelled with its model and cited from the edge's own
// full-text copy of the passages (written by the bridge's signed passages callback); with the day's
// budget spent, the turn waits for a bridge again.
import { env, exports } from "cloudflare:workers";
import { passagesCallbackPath, type PassagesCallback } from "@coach/contracts/knowledge";
import {
  DEFAULT_OVERFLOW_MODEL,
  type OverflowSettings,
  type OverflowSettingsView,
} from "@coach/contracts/overflow";
import { signRequest } from "@coach/contracts/signature";
import { afterEach, describe, expect, it } from "vitest";
import { forTenant } from "../../worker/db/tenant-gateway";
import { bridgePoolFor } from "../../worker/lib/bridge-pools";
import { roomFor } from "../../worker/lib/rooms";
import { saveOverflowSettings } from "../../worker/overflow/overflow-settings";
import { BASE, call, errorOf, seedWorkspace } from "../worker/auth/helpers";
import {
  controlBridge,
  createWorkspace,
  openSession,
  SocketClient,
} from "../support/widget-client";

const PASSAGE =
  "Start each morning with two minutes of box breathing before you look at your phone.";

afterEach(async () => {
  await controlBridge("/bridge/start");
});

async function overflow(tenantId: string, settings: Partial<OverflowSettings>): Promise<void> {
  await saveOverflowSettings(
    forTenant(env.DB, tenantId),
    {
      enabled: true,
      model: DEFAULT_OVERFLOW_MODEL,
      max_wait_ms: 20_000,
      daily_answer_budget: 10,
      ...settings,
    },
    "test",
  );
}

/** A ready document whose chunk the bridge reports to the edge, as it does at ingestion. */
async function reportPassages(tenantId: string): Promise<string> {
  const documentId = `doc-${crypto.randomUUID().slice(0, 8)}`;
  await forTenant(env.DB, tenantId).insert("documents", {
    id: documentId,
    title: "Morning routines",
    kind: "md",
    status: "ready",
    chunkCount: 1,
    ingestAttempt: 1,
  });
  const body: PassagesCallback = {
    tenant_id: tenantId,
    document_id: documentId,
    attempt: 1,
    from: 0,
    total: 1,
    passages: [{ index: 0, text: PASSAGE, section: "Breathing" }],
  };
  const path = passagesCallbackPath(documentId);
  const raw = JSON.stringify(body);
  const headers = await signRequest(env.BRIDGE_SECRET, {
    method: "POST",
    pathWithQuery: path,
    body: raw,
  });
  const res = await exports.default.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: raw,
  });
  expect(await res.json()).toEqual({ applied: true });
  return documentId;
}

async function askWhileBridgeIsDown(tenantId: string, publicKey: string) {
  await controlBridge("/bridge/stop");
  const session = await openSession({ tenantId, publicKey });
  const client = await SocketClient.connect(session);
  client.send({
    type: "message",
    client_id: "overflow-0001",
    text: "How should I start my morning?",
  });
  return { client, session };
}

describe("the overflow to Workers AI", () => {
  it("is off by default: a workspace whose bridge is down queues the turn and says so", async () => {
    const workspace = await createWorkspace();
    await reportPassages(workspace.tenantId);
    const { client } = await askWhileBridgeIsDown(workspace.tenantId, workspace.publicKey);
    expect(
      await client.next((f) => f.type === "notice" && f.code === "coach_offline"),
    ).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.of("done")).toEqual([]);
    client.close();
  });

  it("answers from Workers AI with the model's label and sources from the edge's index", async () => {
    const workspace = await createWorkspace();
    const documentId = await reportPassages(workspace.tenantId);
    await overflow(workspace.tenantId, { daily_answer_budget: 5 });
    const { client, session } = await askWhileBridgeIsDown(workspace.tenantId, workspace.publicKey);
    const done = await client.next((f) => f.type === "done", 10_000);

    expect(done).toMatchObject({
      status: "complete",
      model: DEFAULT_OVERFLOW_MODEL,
      grounding: "material",
      citations: [{ document_id: documentId, title: "Morning routines", section: "Breathing" }],
    });
    // The answer was streamed as deltas and rests on the passage the edge's index found.
    const streamed = client
      .of("delta")
      .map((d) => d.text)
      .join("");
    expect(done.type === "done" && done.text).toBe(streamed);
    expect(streamed).toContain("two minutes of box breathing");
    expect(client.of("notice").map((n) => n.code)).not.toContain("coach_offline");
    const stored = (
      await roomFor(env, workspace.tenantId, session.conversation_id).listMessages(0, 10)
    ).messages;
    expect(stored.at(-1)).toMatchObject({ role: "assistant", model: DEFAULT_OVERFLOW_MODEL });
    expect(await bridgePoolFor(env, workspace.tenantId).overflowUsedToday()).toBe(1);
    client.close();
  });

  it("waits for a bridge once the day's budget is spent", async () => {
    const workspace = await createWorkspace();
    await reportPassages(workspace.tenantId);
    await overflow(workspace.tenantId, { daily_answer_budget: 0 });
    const { client } = await askWhileBridgeIsDown(workspace.tenantId, workspace.publicKey);
    expect(
      await client.next((f) => f.type === "notice" && f.code === "coach_offline"),
    ).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(client.of("done")).toEqual([]);
    expect(await bridgePoolFor(env, workspace.tenantId).overflowUsedToday()).toBe(0);
    client.close();
  });

  it("is set by admins with settings:write, shown with today's use, and validated", async () => {
    const ws = await seedWorkspace();
    const read = await call("/api/v1/settings/overflow", { token: ws.members.viewer.token });
    expect(await read.json()).toMatchObject({
      enabled: false,
      model: DEFAULT_OVERFLOW_MODEL,
      available: true,
      today: { date: new Date().toISOString().slice(0, 10), answers: 0, budget: 200 },
    } satisfies Partial<OverflowSettingsView>);
    const body = { enabled: true, max_wait_ms: 15_000, daily_answer_budget: 50 };
    const viewer = await call("/api/v1/settings/overflow", {
      method: "PUT",
      token: ws.members.viewer.token,
      body,
    });
    expect(viewer.status).toBe(403);
    const wrong = await call("/api/v1/settings/overflow", {
      method: "PUT",
      token: ws.members.admin.token,
      body: { ...body, max_wait_ms: 10 },
    });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).code).toBe("validation_failed");
    const saved = await call("/api/v1/settings/overflow", {
      method: "PUT",
      token: ws.members.admin.token,
      body,
    });
    expect(await saved.json()).toMatchObject({
      ...body,
      model: DEFAULT_OVERFLOW_MODEL,
      today: { answers: 0, budget: 50 },
    });
  });
});
