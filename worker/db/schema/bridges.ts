// The inference bridges a workspace registered: its own machines, which answer its turns instead of the
// deployment's shared bridge (BRIDGE_URL) once it has at least one.
import { text } from "drizzle-orm/sqlite-core";
import { createdBy, timestamps } from "./columns";
import { creationOrderIndex, tenantTable } from "./tenants";

/**
 * A bridge: its origin, and sealed (secret-box, bound to the row id) its signing secret and, with a
 * Cloudflare Access service token, that token's secret. Neither is ever answered after creation.
 */
export const bridges = tenantTable(
  "bridges",
  {
    name: text("name").notNull(),
    url: text("url").notNull(),
    accessClientId: text("access_client_id"),
    secretsEncrypted: text("secrets_encrypted").notNull(),
    createdBy: createdBy(),
    ...timestamps(),
  },
  (t) => [creationOrderIndex("bridges_tenant", t)],
);
