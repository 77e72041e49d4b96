// A workspace bridge as the API answers it: never its signing secret nor its Access secret; with what
// its pool knows (circuit, load, index completeness and back-fill progress, last error) when asked.
import type { PoolMemberStatus } from "../lib/bridge-pools";
import type { TenantRow } from "../db/tenant-gateway";

/** The JSON of a bridge, with what its pool knows of it when the pool was asked. */
export function toBridgeJson(row: TenantRow<"bridges">, status?: PoolMemberStatus) {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    access_client_id: row.accessClientId,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    ...(status
      ? {
          state: status.state,
          consecutive_failures: status.consecutive_failures,
          estimated_wait_ms: status.estimated_wait_ms,
          load: status.load,
          share: status.share,
          index: status.index,
          last_error: status.last_error,
        }
      : {}),
  };
}
