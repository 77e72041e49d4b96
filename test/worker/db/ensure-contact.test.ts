// A person's first two messages at once must not fail: when another request creates the same contact
// between this one's read and its insert, the insert gives way and the winner's row is answered. The race
// is staged by a gateway whose first read is stale (it saw no contact yet), as under real concurrency.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { database } from "../../../worker/db/client";
import { ensureContact } from "../../../worker/db/ensure-contact";
import { tenants } from "../../../worker/db/schema";
import { forTenant, type TenantGateway } from "../../../worker/db/tenant-gateway";

const TENANT = "tenant-ensure-contact";
const KEY = { channel: "whatsapp", externalId: "15550001111", displayName: "Ana" } as const;

/** `gateway`, except that its first list of contacts answers nothing, as a read before the winner's insert. */
function staleOnce(gateway: TenantGateway): TenantGateway {
  let stale = true;
  return new Proxy(gateway, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== "list" || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (stale) {
          stale = false;
          return Promise.resolve([]);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe("ensureContact", () => {
  beforeAll(async () => {
    await database(env.DB)
      .insert(tenants)
      .values({ id: TENANT, name: "Ensure", slug: "ensure-contact" })
      .onConflictDoNothing();
  });

  it("creates the contact on first sight and finds it afterwards", async () => {
    const gateway = forTenant(env.DB, TENANT);
    const first = await ensureContact(gateway, { ...KEY, externalId: "15550002222" });
    const again = await ensureContact(gateway, { ...KEY, externalId: "15550002222" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ contact: first.contact, created: false });
  });

  it("answers the row another request inserted between its read and its insert", async () => {
    const gateway = forTenant(env.DB, TENANT);
    const winner = await ensureContact(gateway, KEY);
    const loser = await ensureContact(staleOnce(gateway), KEY);
    expect(loser).toEqual({ contact: winner.contact, created: false });
    const rows = await gateway.list("contacts");
    expect(rows.filter((row) => row.externalId === KEY.externalId)).toHaveLength(1);
  });
});
