// The questions asked of documents' copies at the bridges that the tenant gateway's single-table
// reads cannot answer in one round trip: how complete each bridge's index is, which documents a
// back-fill still owes a bridge, and marking copies a bridge reports it no longer holds.
import { and, count, eq, inArray, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { database } from "./client";
import { documentBridgeStatus as copies, documents } from "./schema";

/** One bridge's index against the workspace's ready documents. */
export type IndexProgress = {
  /** Documents ready in the workspace (ready on at least one bridge). */
  total: number;
  /** Of those, the ones ready on this bridge. */
  indexed: number;
  /** Of those missing here, the ones without an original (removed by retention): they cannot be sent. */
  unavailable: number;
};

function readyCopyAt(bridgeId: string) {
  return and(
    eq(copies.documentId, documents.id),
    eq(copies.bridgeId, bridgeId),
    eq(copies.status, "ready"),
  );
}

/** Each of `bridgeIds`' index progress, in one batch. */
export async function indexProgress(
  d1: D1Database,
  tenantId: string,
  bridgeIds: readonly string[],
): Promise<Map<string, IndexProgress>> {
  const db = database(d1);
  const ready = and(eq(documents.tenantId, tenantId), eq(documents.status, "ready"));
  const perBridge = (bridgeId: string) =>
    db
      .select({
        indexed: sql<number>`sum(case when exists (select 1 from ${copies} where ${readyCopyAt(bridgeId)}) then 1 else 0 end)`,
        unavailable: sql<number>`sum(case when (${documents.originalRemovedAt} is not null or ${documents.r2Key} is null) and not exists (select 1 from ${copies} where ${readyCopyAt(bridgeId)}) then 1 else 0 end)`,
        total: count(),
      })
      .from(documents)
      .where(ready);
  const progress = new Map<string, IndexProgress>();
  const [first, ...rest] = bridgeIds.map(perBridge);
  if (!first) return progress;
  const results = await db.batch([first, ...rest]);
  bridgeIds.forEach((id, i) => {
    const row = results[i]?.[0];
    progress.set(id, {
      total: row?.total ?? 0,
      indexed: Number(row?.indexed ?? 0),
      unavailable: Number(row?.unavailable ?? 0),
    });
  });
  return progress;
}

/**
 * Ready documents that `bridgeId` lacks and that are due to be sent: never sent there, or sent before
 * `resendBefore` without becoming ready (lost, failed, or the bridge restarted mid-way). Oldest first,
 * at most `limit`; only documents whose original is still kept.
 */
export async function copiesDue(
  d1: D1Database,
  tenantId: string,
  bridgeId: string,
  resendBefore: number,
  limit: number,
): Promise<(typeof documents.$inferSelect)[]> {
  if (limit <= 0) return [];
  const rows = await database(d1)
    .select({ document: documents })
    .from(documents)
    .leftJoin(copies, and(eq(copies.documentId, documents.id), eq(copies.bridgeId, bridgeId)))
    .where(
      and(
        eq(documents.tenantId, tenantId),
        eq(documents.status, "ready"),
        isNull(documents.originalRemovedAt),
        isNotNull(documents.r2Key),
        or(
          isNull(copies.id),
          and(
            ne(copies.status, "ready"),
            or(isNull(copies.sentAt), lt(copies.sentAt, resendBefore)),
          ),
        ),
      ),
    )
    .orderBy(documents.createdAt, documents.id)
    .limit(limit);
  return rows.map((row) => row.document);
}

/** Copies at `bridgeId` sent at or after `since` and not settled yet: the back-fill's work in flight. */
export async function copiesInFlight(
  d1: D1Database,
  tenantId: string,
  bridgeId: string,
  since: number,
): Promise<number> {
  const [row] = await database(d1)
    .select({ n: count() })
    .from(copies)
    .where(
      and(
        eq(copies.tenantId, tenantId),
        eq(copies.bridgeId, bridgeId),
        inArray(copies.status, ["queued", "processing"]),
        sql`${copies.sentAt} >= ${since}`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * Marks as missing the copies the edge counts as ready at `bridgeId` but the bridge's index does not
 * hold (`held`), so the back-fill sends them again; returns how many.
 */
export async function markMissingCopies(
  d1: D1Database,
  tenantId: string,
  bridgeId: string,
  held: ReadonlySet<string>,
  reason: string,
): Promise<number> {
  const db = database(d1);
  const ready = await db
    .select({ id: copies.id, documentId: copies.documentId })
    .from(copies)
    .where(
      and(eq(copies.tenantId, tenantId), eq(copies.bridgeId, bridgeId), eq(copies.status, "ready")),
    );
  const lost = ready.filter((copy) => !held.has(copy.documentId)).map((copy) => copy.id);
  // D1 binds at most 100 parameters per statement.
  for (let i = 0; i < lost.length; i += 50)
    await db
      .update(copies)
      .set({ status: "queued", reason, sentAt: null, updatedAt: Date.now() })
      .where(and(eq(copies.tenantId, tenantId), inArray(copies.id, lost.slice(i, i + 50))));
  return lost.length;
}

/** Forgets a removed bridge's copies (its id is never reused). */
export async function forgetBridgeCopies(
  d1: D1Database,
  tenantId: string,
  bridgeId: string,
): Promise<void> {
  await database(d1)
    .delete(copies)
    .where(and(eq(copies.tenantId, tenantId), eq(copies.bridgeId, bridgeId)));
}
