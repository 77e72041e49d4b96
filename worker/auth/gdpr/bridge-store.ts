// The home server's share of a contact's data (their vectors in Chroma and the bridge's logs), erased
// through the signed bridge call `DELETE /v1/contacts/:tenant_id/:contact_id`.
import { callBridge, type BridgeEnv } from "../../lib/bridge-client";
import type { ErasureStore, ErasureSubject, StoreReceipt } from "./erasure-store";

/**
 * The bridge store. Only a 2xx counts: the bridge answers `{"erased": n}`; anything else (a 404 from a
 * bridge without the endpoint included) is "failed", so the contact's D1 rows stay for a retry.
 */
export function bridgeStore(env: BridgeEnv): ErasureStore {
  return {
    name: "bridge",
    async erase(subject: ErasureSubject): Promise<StoreReceipt> {
      const path = `/v1/contacts/${encodeURIComponent(subject.tenantId)}/${encodeURIComponent(subject.contactId)}`;
      try {
        const res = await callBridge(env, {
          method: "DELETE",
          path,
          requestId: subject.requestId,
          timeoutMs: 10_000,
        });
        if (!res.ok)
          return {
            store: "bridge",
            status: "failed",
            items: 0,
            detail: `The bridge answered ${res.status}.`,
          };
        const body: unknown = await res.json().catch(() => ({}));
        const erased =
          typeof body === "object" &&
          body !== null &&
          "erased" in body &&
          typeof body.erased === "number"
            ? body.erased
            : 0;
        return { store: "bridge", status: erased > 0 ? "erased" : "nothing_stored", items: erased };
      } catch {
        return {
          store: "bridge",
          status: "failed",
          items: 0,
          detail: "The bridge cannot be reached.",
        };
      }
    },
  };
}
