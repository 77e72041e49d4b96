// Loads what a program's analytics are computed from, for one tenant: its enrolments (the engine's D1
// index), the mirrored engine events, the enrolled contacts' active days and their commitments.
import { and, eq, gt, inArray } from "drizzle-orm";
import { database } from "./client";
import { coachingEvents, commitments, conversationDays, enrollments } from "./schema";

/** What happened in a program: its enrolments, their events, the enrolled contacts' days and commitments. */
export type ProgramActivity = {
  enrollments: { id: string; contactId: string; status: string; startedAt: number }[];
  events: {
    enrollmentId: string | null;
    contactId: string;
    nodeId: string | null;
    event: string;
    value: number | null;
    at: number;
  }[];
  /** UTC days ("YYYY-MM-DD") on which each contact wrote. */
  activeDays: Map<string, Set<string>>;
  commitments: { status: string; stepNodeId: string | null }[];
};

/** D1 binds at most 100 parameters per statement. */
const IDS_PER_QUERY = 90;

export async function loadProgramAnalyticsData(
  d1: D1Database,
  tenantId: string,
  programId: string,
): Promise<ProgramActivity> {
  const db = database(d1);
  const [enrolmentRows, eventRows, commitmentRows] = await Promise.all([
    db
      .select({
        id: enrollments.id,
        contactId: enrollments.contactId,
        status: enrollments.status,
        startedAt: enrollments.startedAt,
      })
      .from(enrollments)
      .where(and(eq(enrollments.tenantId, tenantId), eq(enrollments.programId, programId))),
    db
      .select({
        enrollmentId: coachingEvents.enrollmentId,
        contactId: coachingEvents.contactId,
        nodeId: coachingEvents.nodeId,
        event: coachingEvents.event,
        value: coachingEvents.value,
        at: coachingEvents.at,
      })
      .from(coachingEvents)
      .where(and(eq(coachingEvents.tenantId, tenantId), eq(coachingEvents.programId, programId))),
    db
      .select({ status: commitments.status, stepNodeId: commitments.stepNodeId })
      .from(commitments)
      .where(and(eq(commitments.tenantId, tenantId), eq(commitments.programId, programId))),
  ]);
  const activeDays = new Map<string, Set<string>>();
  const contactIds = [...new Set(enrolmentRows.map((e) => e.contactId))];
  for (let i = 0; i < contactIds.length; i += IDS_PER_QUERY) {
    const days = await db
      .select({ contactId: conversationDays.contactId, day: conversationDays.day })
      .from(conversationDays)
      .where(
        and(
          eq(conversationDays.tenantId, tenantId),
          inArray(conversationDays.contactId, contactIds.slice(i, i + IDS_PER_QUERY)),
          gt(conversationDays.userMessages, 0),
        ),
      );
    for (const row of days) {
      if (!row.contactId) continue;
      const set = activeDays.get(row.contactId) ?? new Set<string>();
      set.add(row.day);
      activeDays.set(row.contactId, set);
    }
  }
  return { enrollments: enrolmentRows, events: eventRows, activeDays, commitments: commitmentRows };
}
