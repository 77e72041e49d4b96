// A workspace closed when its sole member erased their account is closed everywhere: its API keys and
// any session token, the widget (config, session, socket upgrade, coaching routes, sockets already
// open), its Telegram and WhatsApp webhooks (answered 200, nothing processed) and its coaching agents.
// Its data is kept for the erasure window, then erased with a receipt by the workspace's closer (whose
// other duties are in workspace-closer.test.ts). A session into a closed workspace is refused too.
import type { WidgetSessionResponse } from "@coach/contracts/widget";
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { roomFor } from "../../../worker/lib/rooms";
import { workspaceCloserFor } from "../../../worker/lib/workspace-closers";
import {
  openSession,
  ORIGIN,
  SocketClient,
  upgrade,
  requestSession,
} from "../../support/widget-client";
import { call, errorOf, seedWorkspace, signUp, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  postSigned,
  postUpdate,
  telegramCalls,
  textUpdate,
  waText,
  type ConnectedBot,
  type ConnectedNumber,
} from "../channels/channel-helpers";
import { agentOf, createProgram, enroll, runAt, seedWebContact } from "../programs/program-helpers";
import { json } from "./closing-helpers";

const T0 = Date.UTC(2026, 5, 10, 10, 0); // a Wednesday, 10:00 UTC: no quiet hours near it
const HOUR = 3_600_000;

let tenantId: string;
let apiKey: string;
let publicKey: string;
let earlySession: WidgetSessionResponse;
let openSocket: SocketClient;
let socketClosedWith: number | null = null;
let bot: ConnectedBot;
let number: ConnectedNumber;
let coached: { contactId: string; conversationId: string };
let closing: Response;

async function expectClosed(res: Response): Promise<void> {
  expect(res.status).toBe(410);
  expect((await errorOf(res)).code).toBe("workspace_closed");
}

beforeAll(async () => {
  const { session } = await signUp({ full_name: "Solo Coach" });
  const token = session.access_token;
  tenantId = session.tenant.id;
  // The channel helpers need only the owner's token.
  const asOwner = { tenantId, members: { owner: { token } } } as unknown as SeededWorkspace;
  apiKey = (
    await json<{ key: string }>(
      await call("/api/v1/api-keys", {
        token,
        body: { name: "CI", scopes: ["knowledge:read", "knowledge:write"] },
      }),
      "key",
    )
  ).key;
  await json(
    await call("/api/v1/knowledge/documents", {
      token: apiKey,
      body: { title: "Private method", text: "Our private method: walk at dawn." },
    }),
    "document",
  );
  publicKey = (
    await json<{ public_key: string }>(
      await call("/api/v1/widget", { method: "PUT", token, body: { allowed_origins: [ORIGIN] } }),
      "widget",
    )
  ).public_key;
  earlySession = await openSession({ tenantId, publicKey });
  openSocket = await SocketClient.connect(await openSession({ tenantId, publicKey }));
  openSocket.ws.addEventListener("close", (event) => {
    socketClosedWith = event.code;
  });
  bot = await connectBot(asOwner);
  number = await connectNumber(asOwner);

  const program = await createProgram(asOwner, {
    steps: {
      nodes: [
        { id: "pause", kind: "wait", duration_minutes: 60 },
        { id: "hello", kind: "message", text: "Time for your dawn walk!" },
        { id: "done", kind: "end" },
      ],
      edges: [
        { from: "pause", to: "hello" },
        { from: "hello", to: "done" },
      ],
    },
  });
  coached = await seedWebContact(tenantId);
  await agentOf(tenantId, coached.contactId).setTestClock(T0);
  await enroll(asOwner, program.id, coached.contactId);
  await agentOf(tenantId, coached.contactId).runDue();

  closing = await call("/api/v1/me", { method: "DELETE", token });
});

describe("closing a workspace when its sole member erases their account", () => {
  it("answers the account's erasure with the closed workspace", async () => {
    expect(closing.status).toBe(200);
    expect(
      ((await closing.clone().json()) as { workspaces_closed: string[] }).workspaces_closed,
    ).toEqual([tenantId]);
  });

  it("refuses the workspace's API key for reads and writes: 410 workspace_closed", async () => {
    await expectClosed(await call("/api/v1/knowledge/documents", { token: apiKey }));
    await expectClosed(
      await call("/api/v1/knowledge/documents", {
        token: apiKey,
        body: { title: "More", text: "Anything at all." },
      }),
    );
  });

  it("refuses the widget's config and new visitor sessions", async () => {
    await expectClosed(
      await call(`/api/v1/widget/config/${publicKey}`, { headers: { Origin: ORIGIN } }),
    );
    await expectClosed(await requestSession(publicKey, ORIGIN));
  });

  it("refuses a socket upgrade with a visitor token minted before the closure", async () => {
    await expectClosed(await upgrade(earlySession.socket_url));
  });

  it("refuses the widget's coaching routes to a visitor token minted before the closure", async () => {
    const res = await call("/api/v1/widget/enrollment", {
      headers: { Authorization: `Bearer ${earlySession.visitor_token}`, Origin: ORIGIN },
    });
    await expectClosed(res);
  });

  it("tells an already open socket why, then closes it (4410)", async () => {
    const frame = await openSocket.next(
      (f) => f.type === "error" && f.code === "workspace_closed",
      10_000,
    );
    expect(frame).toMatchObject({ type: "error", code: "workspace_closed" });
    await expect.poll(() => socketClosedWith, { timeout: 5_000 }).toBe(4410);
  });

  it("removes the Telegram bot's webhook", async () => {
    await expect
      .poll(async () => (await telegramCalls(bot.token, "deleteWebhook")).length, {
        timeout: 10_000,
      })
      .toBe(1);
  });

  it("answers Telegram's webhook with 200 and processes nothing", async () => {
    const res = await postUpdate(bot.botId, bot.secret, textUpdate(9001, 777001, "Hello, coach?"));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await telegramCalls(bot.token, "sendMessage")).toEqual([]);
    const contacts = await forTenant(env.DB, tenantId).list("contacts");
    expect(contacts.filter((c) => c.channel === "telegram")).toEqual([]);
  });

  it("answers WhatsApp's webhook with 200 and processes nothing", async () => {
    const res = await postSigned(
      number,
      waText(number.phoneId, "15550001234", `wamid.${crypto.randomUUID()}`, "Hello, coach?"),
    );
    expect(res.status).toBe(200);
    const contacts = await forTenant(env.DB, tenantId).list("contacts");
    expect(contacts.filter((c) => c.channel === "whatsapp")).toEqual([]);
  });

  it("stops the coaching agents: a step that comes due sends nothing", async () => {
    await runAt(tenantId, coached.contactId, T0 + 2 * HOUR);
    const page = await roomFor(env, tenantId, coached.conversationId).listMessages(0, 100);
    expect(page.messages.map((m) => m.text)).not.toContain("Time for your dawn walk!");
  });

  it("keeps the workspace's data for the erasure window", async () => {
    const gateway = forTenant(env.DB, tenantId);
    expect(await gateway.count("documents")).toBe(1);
    expect(await gateway.count("contacts")).toBeGreaterThan(0);
    const row = await env.DB.prepare(
      "SELECT deleted_at, erase_after, erased_at FROM tenants WHERE id = ?",
    )
      .bind(tenantId)
      .first<{ deleted_at: number; erase_after: number; erased_at: number | null }>();
    expect(row?.erased_at).toBeNull();
    expect((row?.erase_after ?? 0) - (row?.deleted_at ?? 0)).toBe(30 * 24 * HOUR);
  });

  it("erases it when the window has passed, and keeps a receipt in its audit log", async () => {
    // Rows the tenant gateway does not serve: a linked channel contact and a delivery record.
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO contact_links (contact_id, tenant_id, linked_to) VALUES (?, ?, ?)",
      ).bind(crypto.randomUUID(), tenantId, coached.contactId),
      env.DB.prepare(
        "INSERT INTO channel_deliveries (id, tenant_id, channel_id, conversation_id, seq) VALUES (?, ?, ?, ?, 1)",
      ).bind(crypto.randomUUID(), tenantId, bot.channel.id, coached.conversationId),
    ]);
    await env.DB.prepare("UPDATE tenants SET erase_after = ? WHERE id = ?")
      .bind(Date.now() - 1000, tenantId)
      .run();
    await runDurableObjectAlarm(workspaceCloserFor(env, tenantId));
    const gateway = forTenant(env.DB, tenantId);
    expect(await gateway.count("documents")).toBe(0);
    expect(await gateway.count("contacts")).toBe(0);
    expect(await gateway.count("apiKeys")).toBe(0);
    for (const table of ["contact_links", "contact_link_codes", "channel_deliveries"]) {
      expect(
        await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = ?`)
          .bind(tenantId)
          .first("n"),
      ).toBe(0);
    }
    const row = await env.DB.prepare("SELECT erased_at FROM tenants WHERE id = ?")
      .bind(tenantId)
      .first<{ erased_at: number | null }>();
    expect(row?.erased_at).not.toBeNull();
    const erased = (await gateway.list("auditLog")).find((e) => e.action === "workspace.erased");
    expect(erased?.metadata).toMatchObject({
      documents: 1,
      closed_at: expect.any(String),
      erase_after: expect.any(String),
    });
  });
});

describe("a session into a closed workspace", () => {
  it("is refused with 410 workspace_closed, however the workspace came to be closed", async () => {
    const { members, tenantId: closedId } = await seedWorkspace();
    await env.DB.prepare("UPDATE tenants SET deleted_at = ? WHERE id = ?")
      .bind(Date.now(), closedId)
      .run();
    await expectClosed(await call("/api/v1/members", { token: members.admin.token }));
  });
});
