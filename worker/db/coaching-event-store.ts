// The coaching engine's history mirrored to D1 (coaching_events), written by each contact's
// CoachingAgent for its own tenant: every event once (its id is the contact and the agent's own
// sequence), so an export repeated after a failure stores nothing twice.
import { database } from "./client";
import { coachingEvents } from "./schema";

export type CoachingEventRow = {
  id: string;
  contactId: string;
  programId: string | null;
  enrollmentId: string | null;
  nodeId: string | null;
  event: string;
  value: number | null;
  detail: Record<string, unknown> | null;
  at: number;
};

/** Stores the events of one tenant; ones already stored are skipped. */
export async function recordCoachingEvents(
  d1: D1Database,
  tenantId: string,
  rows: readonly CoachingEventRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const db = database(d1);
  const [first, ...rest] = rows.map((row) =>
    db
      .insert(coachingEvents)
      .values({ ...row, tenantId })
      .onConflictDoNothing(),
  );
  if (first) await db.batch([first, ...rest]);
}
