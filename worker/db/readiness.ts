// Readiness probe for D1, kept under worker/db/ with the other modules allowed to query it.

/** Resolves when D1 answers a trivial query; rejects otherwise. */
export async function pingDatabase(d1: D1Database): Promise<void> {
  await d1.prepare("SELECT 1").first();
}
