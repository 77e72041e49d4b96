// Where each document of a workspace is indexed: one row per document and bridge (the workspace's own
// bridges, or `shared` for the deployment's BRIDGE_URL), so ingestion, deletion and back-fill fan out to
// every bridge and a bridge answers only once it holds every ready document.
import { index, integer, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { documentStatuses } from "../enums";
import { status, updatedAt } from "./columns";
import { documents } from "./knowledge";
import { tenantTable } from "./tenants";

/**
 * A document's copy at one bridge. `id` is `<document_id>:<bridge_id>`. `attempt` counts the sends to
 * this bridge (callbacks name it, so a late callback of an earlier send is ignored) and `seq` is the
 * last callback applied from it; `sent_at` is when the original last went out (a back-fill sends again
 * once it is old and still unanswered).
 */
export const documentBridgeStatus = tenantTable(
  "document_bridge_status",
  {
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    bridgeId: text("bridge_id").notNull(),
    status: status(documentStatuses, "queued"),
    reason: text("reason"),
    attempt: integer("attempt").notNull().default(0),
    seq: integer("seq").notNull().default(0),
    sentAt: integer("sent_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("document_bridge_status_document_bridge").on(t.tenantId, t.documentId, t.bridgeId),
    index("document_bridge_status_bridge").on(t.tenantId, t.bridgeId, t.status),
  ],
);
