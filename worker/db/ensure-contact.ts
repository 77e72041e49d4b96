// The contact for a person on a channel, created on first sight. Two first messages can arrive at once
// (a WhatsApp burst, two test-chat tabs): the unique (tenant, channel, external id) index lets one insert
// win, and the other reads the winner's row instead of failing.
import { and, eq } from "drizzle-orm";
import { newId } from "../lib/ids";
import type { ChannelKind } from "./enums";
import type { TenantGateway, TenantRow } from "./tenant-gateway";

export type ContactKey = {
  channel: ChannelKind;
  externalId: string;
  displayName: string | null;
  /** The language the platform says the person uses (Telegram's `language_code`), when it says one. */
  locale?: string | null;
};

async function findContact(gateway: TenantGateway, key: ContactKey) {
  const [known] = await gateway.list("contacts", {
    where: (t) => and(eq(t.channel, key.channel), eq(t.externalId, key.externalId)),
    limit: 1,
  });
  return known;
}

/** The contact with `key`, and whether this call created it. */
export async function ensureContact(
  gateway: TenantGateway,
  key: ContactKey,
): Promise<{ contact: TenantRow<"contacts">; created: boolean }> {
  const known = await findContact(gateway, key);
  if (known) return { contact: known, created: false };
  const inserted = await gateway.insertIfAbsent("contacts", {
    id: newId(),
    channel: key.channel,
    externalId: key.externalId,
    displayName: key.displayName,
    locale: key.locale ?? null,
    lastSeenAt: Date.now(),
  });
  if (inserted) return { contact: inserted, created: true };
  const winner = await findContact(gateway, key);
  if (!winner) throw new Error("contact vanished between a conflicting insert and its read");
  return { contact: winner, created: false };
}
