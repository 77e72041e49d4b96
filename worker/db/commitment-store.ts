// Commitments and reminders in D1, for one tenant: recorded once per source message, their follow-up
// and outcome, and the lists the API answers. The tenant comes from the caller (a room or agent that
// knows its own, or the gateway of an authenticated request) and is part of every statement.
import type {
  Commitment,
  CommitmentOutcome,
  CommitmentStatus,
  CommitmentView,
} from "@coach/contracts/commitments";
import { and, desc, eq, inArray } from "drizzle-orm";
import { newId } from "../lib/ids";
import { database } from "./client";
import { firstRow } from "./first-row";
import { coachingEvents, commitments } from "./schema";
import { readPage, type Page } from "./page";

type Row = typeof commitments.$inferSelect;

export type NewCommitment = Commitment & {
  contactId: string;
  conversationId: string | null;
  sourceSeq: number | null;
  sourceText: string;
  timeZone: string;
  programId: string | null;
  enrollmentId: string | null;
  stepNodeId: string | null;
};

/** The API's view of a row. */
export function commitmentView(row: Row): CommitmentView {
  return {
    id: row.id,
    contact_id: row.contactId,
    conversation_id: row.conversationId,
    enrollment_id: row.enrollmentId,
    kind: row.kind,
    what: row.what,
    due_at: row.dueAt,
    local_time_text: row.localTimeText,
    ...(row.count !== null ? { count: row.count } : {}),
    ...(row.period !== null ? { period: row.period } : {}),
    status: row.status,
    time_zone: row.timeZone,
    source_text: row.sourceText,
    created_at: row.createdAt,
    followed_up_at: row.followedUpAt,
    outcome_at: row.outcomeAt,
  };
}

/** Stores the commitment; a second call for the same source message answers the first row. */
export async function recordCommitment(
  d1: D1Database,
  tenantId: string,
  input: NewCommitment,
): Promise<{ row: Row; created: boolean }> {
  const db = database(d1);
  const [created] = await db
    .insert(commitments)
    .values({
      id: newId(),
      tenantId,
      contactId: input.contactId,
      conversationId: input.conversationId,
      sourceSeq: input.sourceSeq,
      sourceText: input.sourceText.slice(0, 4000),
      programId: input.programId,
      enrollmentId: input.enrollmentId,
      stepNodeId: input.stepNodeId,
      kind: input.kind,
      what: input.what,
      dueAt: input.due_at,
      localTimeText: input.local_time_text,
      count: input.count ?? null,
      period: input.period ?? null,
      timeZone: input.timeZone,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return { row: created, created: true };
  const sameSource = and(
    eq(commitments.tenantId, tenantId),
    eq(commitments.conversationId, input.conversationId ?? ""),
    eq(commitments.sourceSeq, input.sourceSeq ?? -1),
  );
  const existing = await firstRow(db.select().from(commitments).where(sameSource));
  if (!existing) throw new Error("The commitment was neither stored nor found.");
  return { row: existing, created: false };
}

/** Marks the follow-up as sent (open → asked); an answered commitment keeps its outcome. */
export async function markFollowedUp(
  d1: D1Database,
  tenantId: string,
  id: string,
  at: number,
): Promise<void> {
  await database(d1)
    .update(commitments)
    .set({ status: "asked", followedUpAt: at })
    .where(
      and(
        eq(commitments.tenantId, tenantId),
        eq(commitments.id, id),
        eq(commitments.status, "open"),
      ),
    );
}

/**
 * Records the contact's outcome; the latest answer counts. Answers the updated row, or undefined when
 * the commitment is not this contact's.
 */
export async function recordOutcome(
  d1: D1Database,
  tenantId: string,
  contactId: string,
  id: string,
  outcome: CommitmentOutcome,
  at: number,
): Promise<Row | undefined> {
  const [row] = await database(d1)
    .update(commitments)
    .set({ status: outcome, outcomeAt: at })
    .where(
      and(
        eq(commitments.tenantId, tenantId),
        eq(commitments.contactId, contactId),
        eq(commitments.id, id),
      ),
    )
    .returning();
  return row;
}

export type CommitmentFilter = {
  contactId?: string;
  statuses?: CommitmentStatus[];
  limit: number;
  offset: number;
};

/** The tenant's commitments, newest first, one page, with the offset of the next page. */
export async function listCommitments(
  d1: D1Database,
  tenantId: string,
  filter: CommitmentFilter,
): Promise<Page<Row>> {
  const query = database(d1)
    .select()
    .from(commitments)
    .where(
      and(
        eq(commitments.tenantId, tenantId),
        filter.contactId ? eq(commitments.contactId, filter.contactId) : undefined,
        filter.statuses?.length ? inArray(commitments.status, filter.statuses) : undefined,
      ),
    )
    .orderBy(desc(commitments.createdAt), desc(commitments.id));
  return readPage(query, filter);
}

/** Deletes a contact's commitments and mirrored coaching events (GDPR erasure); how many rows went. */
export async function eraseContactOutcomes(
  d1: D1Database,
  tenantId: string,
  contactId: string,
): Promise<number> {
  const db = database(d1);
  const [gone, events] = await db.batch([
    db
      .delete(commitments)
      .where(and(eq(commitments.tenantId, tenantId), eq(commitments.contactId, contactId)))
      .returning({ id: commitments.id }),
    db
      .delete(coachingEvents)
      .where(and(eq(coachingEvents.tenantId, tenantId), eq(coachingEvents.contactId, contactId)))
      .returning({ id: coachingEvents.id }),
  ]);
  return gone.length + events.length;
}
