import { SIGNATURE_HEADER } from "@coach/contracts/signature";
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contactPrefix } from "../../../worker/auth/gdpr/r2-store";
import { roomFor } from "../../../worker/lib/rooms";
import * as accounts from "../../../worker/db/accounts";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { call, PASSWORD, seedWorkspace, signIn, signUp } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("GET /me/export", () => {
  it("returns the caller's personal data as JSON", async () => {
    const { email, session } = await signUp({ full_name: "Export Me" });
    const res = await call("/api/v1/me/export", { token: session.access_token });
    expect(res.status).toBe(200);
    const data = (await res.json()) as Record<string, unknown>;
    expect(data).toMatchObject({
      user: { email, full_name: "Export Me" },
      workspaces: [{ tenant_id: session.tenant.id, role: "owner" }],
    });
    expect((data.sessions as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toMatch(/argon2|token_hash|password_hash/);
  });
});

describe("DELETE /me", () => {
  it("erases the account: tokens stop working, personal fields are blanked, sign-in fails", async () => {
    const { email, session } = await signUp();
    expect(
      (await call("/api/v1/me", { method: "DELETE", token: session.access_token })).status,
    ).toBe(200);
    expect((await call("/api/v1/me", { token: session.access_token })).status).toBe(401);
    expect(
      (await call("/api/v1/auth/refresh", { body: { refresh_token: session.refresh_token } }))
        .status,
    ).toBe(401);
    expect((await signIn(email, PASSWORD)).status).toBe(401);
    const row = await accounts.findUserById(env.DB, session.user.id);
    expect(row).toMatchObject({ status: "deleted", fullName: "", passwordHash: "" });
    expect(row?.email).not.toBe(email);
  });

  it("keeps a pseudonymous audit trace: the event stays, without IP or user agent", async () => {
    const { session } = await signUp();
    await call("/api/v1/me", { method: "DELETE", token: session.access_token });
    const events = (await accounts.exportUserData(env.DB, session.user.id)).events;
    expect(events.map((e) => e.action)).toContain("account.deleted");
    expect(events.every((e) => e.ip === null && e.userAgent === null)).toBe(true);
  });

  it("refuses to erase the last owner of a workspace with other members", async () => {
    const { members } = await seedWorkspace();
    expect(
      (await call("/api/v1/me", { method: "DELETE", token: members.owner.token })).status,
    ).toBe(409);
  });
});

describe("contact export and erasure", () => {
  async function seedContact(tenantId: string) {
    const gateway = forTenant(env.DB, tenantId);
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "web",
      externalId: crypto.randomUUID(),
      displayName: "Eve",
      email: "eve@example.test",
    });
    const conversation = await gateway.insert("conversations", {
      id: crypto.randomUUID(),
      channel: "web",
      contactId: contact.id,
    });
    await env.FILES.put(`${contactPrefix(tenantId, contact.id)}voice-note.ogg`, "audio");
    await runInDurableObject(roomFor(env, tenantId, conversation.id), async (_room, state) =>
      state.storage.put("probe", "personal data"),
    );
    return contact.id;
  }

  function stubBridge(status: number, body: unknown) {
    const real = globalThis.fetch;
    const calls: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (request.url.startsWith(env.BRIDGE_URL) && request.url.includes("/v1/contacts/")) {
        calls.push(
          `${request.method} ${new URL(request.url).pathname} signed=${request.headers.has(SIGNATURE_HEADER)}`,
        );
        return new Response(JSON.stringify(body), {
          status,
          headers: { "Content-Type": "application/json" },
        });
      }
      return real(input, init);
    });
    return calls;
  }

  it("an owner exports everything stored about a contact", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    const res = await call(`/api/v1/contacts/${contactId}/export`, { token: members.owner.token });
    expect(res.status).toBe(200);
    const data = JSON.stringify(await res.json());
    expect(data).toContain("eve@example.test");
    expect(data).toContain("voice-note.ogg");
  });

  it("an owner erases a contact from D1, R2 and the bridge in one request, with a receipt", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    const bridgeCalls = stubBridge(200, { erased: 12 });
    const res = await call(`/api/v1/contacts/${contactId}`, {
      method: "DELETE",
      token: members.owner.token,
    });
    expect(res.status).toBe(200);
    const receipt = (await res.json()) as {
      complete: boolean;
      stores: { store: string; status: string; items: number }[];
    };
    expect(receipt.complete).toBe(true);
    expect(receipt.stores).toEqual(
      expect.arrayContaining([
        { store: "d1", status: "erased", items: 2 },
        { store: "r2", status: "erased", items: 1 },
        { store: "bridge", status: "erased", items: 12 },
        expect.objectContaining({ store: "conversation_rooms" }),
      ]),
    );
    expect(bridgeCalls).toEqual([`DELETE /v1/contacts/${tenantId}/${contactId} signed=true`]);
    expect(await forTenant(env.DB, tenantId).find("contacts", contactId)).toBeUndefined();
    expect(
      (await env.FILES.list({ prefix: contactPrefix(tenantId, contactId) })).objects,
    ).toHaveLength(0);
  });

  it("completes against the real bridge, which reports that it holds nothing of the contact", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    const res = await call(`/api/v1/contacts/${contactId}`, {
      method: "DELETE",
      token: members.owner.token,
    });
    expect(res.status).toBe(200);
    const receipt = (await res.json()) as {
      complete: boolean;
      stores: { store: string; status: string; items: number }[];
    };
    expect(receipt.complete).toBe(true);
    expect(receipt.stores).toContainEqual({ store: "bridge", status: "nothing_stored", items: 0 });
  });

  it("the erasure reaches the contact's conversation rooms", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    const [conversation] = await forTenant(env.DB, tenantId).list("conversations", {
      where: (t) => eq(t.contactId, contactId),
    });
    stubBridge(200, { erased: 0 });
    await call(`/api/v1/contacts/${contactId}`, { method: "DELETE", token: members.owner.token });
    const left = await runInDurableObject(
      roomFor(env, tenantId, conversation?.id ?? ""),
      async (_room, state) => state.storage.get("probe"),
    );
    expect(left).toBeUndefined();
  });

  it("exports and erases the outgoing webhook deliveries about the contact, and keeps the others", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    const gateway = forTenant(env.DB, tenantId);
    const [conversation] = await gateway.list("conversations", {
      where: (t) => eq(t.contactId, contactId),
    });
    const deliver = (data: Record<string, unknown>) =>
      gateway.insert("webhookDeliveries", {
        id: crypto.randomUUID(),
        endpointId: "endpoint-1",
        event: "human.requested",
        payload: JSON.stringify({
          id: crypto.randomUUID(),
          type: "human.requested",
          created_at: new Date().toISOString(),
          tenant_id: tenantId,
          data,
        }),
        status: "delivered",
      });
    await deliver({
      contact_id: contactId,
      conversation_id: conversation?.id,
      text: "I feel stuck with my mornings",
    });
    await deliver({ conversation_id: conversation?.id, question: "Can I skip a day?" });
    await deliver({ contact_id: crypto.randomUUID(), text: "Someone else's words" });
    const exported = JSON.stringify(
      await (
        await call(`/api/v1/contacts/${contactId}/export`, { token: members.owner.token })
      ).json(),
    );
    expect(exported).toContain("I feel stuck with my mornings");
    expect(exported).toContain("Can I skip a day?");
    expect(exported).not.toContain("Someone else's words");
    stubBridge(200, { erased: 0 });
    const receipt = (await (
      await call(`/api/v1/contacts/${contactId}`, { method: "DELETE", token: members.owner.token })
    ).json()) as { stores: { store: string; status: string; items: number }[] };
    expect(receipt.stores).toContainEqual({
      store: "webhook_deliveries",
      status: "erased",
      items: 2,
    });
    const left = await gateway.list("webhookDeliveries");
    expect(left.map((row) => JSON.parse(row.payload).data.text)).toEqual(["Someone else's words"]);
  });

  it("when the bridge fails, the receipt says so and the contact stays for a retry", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    stubBridge(503, { error: "busy" });
    const res = await call(`/api/v1/contacts/${contactId}`, {
      method: "DELETE",
      token: members.owner.token,
    });
    expect(res.status).toBe(202);
    const receipt = (await res.json()) as {
      complete: boolean;
      stores: { store: string; status: string }[];
    };
    expect(receipt.complete).toBe(false);
    expect(receipt.stores.find((s) => s.store === "bridge")?.status).toBe("failed");
    expect(await forTenant(env.DB, tenantId).find("contacts", contactId)).toBeDefined();
  });

  it("is written to the audit log", async () => {
    const { members, tenantId } = await seedWorkspace();
    const contactId = await seedContact(tenantId);
    stubBridge(200, { erased: 0 });
    await call(`/api/v1/contacts/${contactId}`, { method: "DELETE", token: members.owner.token });
    const page = (await (
      await call("/api/v1/audit?action=contact.erased", { token: members.owner.token })
    ).json()) as { events: unknown[] };
    expect(page.events).toHaveLength(1);
  });
});
