// A person with many conversations (a Telegram user who pressed /reset a hundred times) is erased in one
// request: no statement binds one parameter per conversation past D1's limit of 100, which once left
// the webhook deliveries, and so the whole erasure, failed for good.
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { forTenant } from "../../../../worker/db/tenant-gateway";
import { call, seedWorkspace } from "../helpers";

const CONVERSATIONS = 120;

it(
  "erases a contact with more conversations than D1 binds parameters, their webhook deliveries included",
  { timeout: 60_000 },
  async () => {
    const { members, tenantId } = await seedWorkspace();
    const gateway = forTenant(env.DB, tenantId);
    const contact = await gateway.insert("contacts", {
      id: crypto.randomUUID(),
      channel: "telegram",
      externalId: crypto.randomUUID(),
    });
    const ids = Array.from({ length: CONVERSATIONS }, () => crypto.randomUUID());
    for (const id of ids)
      await gateway.insert("conversations", {
        id,
        channel: "telegram",
        contactId: contact.id,
        status: "closed",
      });
    const payload = JSON.stringify({
      id: "evt_1",
      type: "answer.low_confidence",
      created_at: new Date().toISOString(),
      tenant_id: tenantId,
      data: { conversation_id: ids.at(-1), question: "Is my debt a secret?" },
    });
    await gateway.insert("webhookDeliveries", {
      id: crypto.randomUUID(),
      endpointId: "endpoint-1",
      event: "answer.low_confidence",
      payload,
      status: "delivered",
    });

    const exported = JSON.stringify(
      await (
        await call(`/api/v1/contacts/${contact.id}/export`, { token: members.owner.token })
      ).json(),
    );
    expect(exported).toContain("Is my debt a secret?");
    const res = await call(`/api/v1/contacts/${contact.id}`, {
      method: "DELETE",
      token: members.owner.token,
    });
    const receipt = (await res.json()) as {
      complete: boolean;
      stores: { store: string; status: string; items: number }[];
    };
    expect(receipt.complete).toBe(true);
    expect(receipt.stores).toContainEqual({
      store: "webhook_deliveries",
      status: "erased",
      items: 1,
    });
    expect(await gateway.count("conversations")).toBe(0);
    expect(await gateway.count("webhookDeliveries")).toBe(0);
  },
);
