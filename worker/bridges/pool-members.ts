// The bridges a workspace's turns may go to, with what calling each needs: the workspace's own bridges
// when it registered any, otherwise the deployment's shared bridge (BRIDGE_URL), so a workspace
// without bridges of its own works exactly as before there were pools.
import { forTenant } from "../db/tenant-gateway";
import type { BridgeEnv } from "../lib/bridge-client";
import { SHARED_BRIDGE_ID } from "../lib/bridge-pools";
import { describeError, type Logger } from "../lib/logger";
import { openBridgeSecrets } from "./bridge-secrets";

export type PoolMember = { id: string; target: BridgeEnv };

type MembersEnv = BridgeEnv & Pick<Env, "DB" | "CHANNEL_SECRETS_KEY">;

/** The deployment's shared bridge, as configured in wrangler.toml and its secrets. */
export function sharedBridge(env: BridgeEnv): PoolMember {
  return {
    id: SHARED_BRIDGE_ID,
    target: {
      BRIDGE_URL: env.BRIDGE_URL,
      BRIDGE_SECRET: env.BRIDGE_SECRET,
      BRIDGE_ACCESS_CLIENT_ID: env.BRIDGE_ACCESS_CLIENT_ID,
      BRIDGE_ACCESS_CLIENT_SECRET: env.BRIDGE_ACCESS_CLIENT_SECRET,
    },
  };
}

/**
 * The workspace's pool, oldest bridge first. A bridge whose secrets no longer open (the secrets key
 * was changed) is left out and logged: it could only fail every turn sent to it. When none is left,
 * the shared bridge answers rather than nobody.
 */
export async function loadPoolMembers(
  env: MembersEnv,
  tenantId: string,
  logger: Logger,
): Promise<PoolMember[]> {
  const rows = await forTenant(env.DB, tenantId).list("bridges", {
    orderBy: (t) => [t.createdAt, t.id],
  });
  const members: PoolMember[] = [];
  for (const row of rows) {
    try {
      const secrets = await openBridgeSecrets(env, row.id, row.secretsEncrypted);
      members.push({
        id: row.id,
        target: {
          BRIDGE_URL: row.url,
          BRIDGE_SECRET: secrets.secret,
          BRIDGE_ACCESS_CLIENT_ID: row.accessClientId ?? "",
          BRIDGE_ACCESS_CLIENT_SECRET: secrets.access_client_secret ?? "",
        },
      });
    } catch (err) {
      logger.error("bridge left out of the pool: its secrets do not open", {
        bridge_id: row.id,
        ...describeError(err),
      });
    }
  }
  return members.length > 0 ? members : [sharedBridge(env)];
}
