// R2 originals a contact sent (attachments, voice notes), kept under
// `tenants/{tenantId}/contacts/{contactId}/` so one prefix finds them all.
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";

/** Where a contact's uploads live in the FILES bucket. */
export function contactPrefix(tenantId: string, contactId: string): string {
  return `tenants/${tenantId}/contacts/${contactId}/`;
}

async function listAll(bucket: R2Bucket, prefix: string): Promise<R2Object[]> {
  const objects: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, limit: 1000 });
    objects.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}

/** The R2 store over the FILES bucket. */
export function r2Store(bucket: R2Bucket): ErasureStore {
  return {
    name: "r2",
    async exportData(subject: ErasureSubject) {
      const objects = await listAll(bucket, contactPrefix(subject.tenantId, subject.contactId));
      return objects.map((o) => ({
        key: o.key,
        size: o.size,
        uploaded_at: o.uploaded.toISOString(),
      }));
    },
    async erase(subject: ErasureSubject): Promise<StoreReceipt> {
      const objects = await listAll(bucket, contactPrefix(subject.tenantId, subject.contactId));
      for (let i = 0; i < objects.length; i += 1000)
        await bucket.delete(objects.slice(i, i + 1000).map((o) => o.key));
      return {
        store: "r2",
        status: objects.length > 0 ? "erased" : "nothing_stored",
        items: objects.length,
      };
    },
  };
}
