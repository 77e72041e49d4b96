// The data both program-analytics suites read: a workspace with a program of two check-ins a week apart,
// four enrolments (two 40 days old, one of them finished; one 3 days old; one an hour old), their engine
// events, nudges, active days and commitments, and one event of another program that must not count.
import type { ProgramSteps } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { createProgram } from "../programs/program-helpers";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.now();
export const OLD = NOW - 40 * DAY;
const RECENT = NOW - 3 * DAY;

const steps: ProgramSteps = {
  nodes: [
    { id: "m1", kind: "message", text: 'Welcome, "runner"' },
    { id: "c1", kind: "checkin", question: "How ready do you feel?", scale: { min: 1, max: 5 } },
    { id: "w", kind: "wait", duration_minutes: 7 * 24 * 60 },
    { id: "c2", kind: "checkin", question: "And after a week?", scale: { min: 1, max: 5 } },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "m1", to: "c1" },
    { from: "c1", to: "w" },
    { from: "w", to: "c2" },
    { from: "c2", to: "end" },
  ],
};

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** Seeds the program and its history; answers the workspace and the program's id. */
export async function seedProgramAnalytics(): Promise<{
  workspace: SeededWorkspace;
  programId: string;
}> {
  const workspace = await seedWorkspace();
  const program = await createProgram(workspace, { steps });
  const programId = program.id;
  const other = await createProgram(workspace);
  const gateway = forTenant(env.DB, workspace.tenantId);
  const enrolments = [
    { id: "e1", contact: "A", startedAt: OLD, status: "completed" as const },
    { id: "e2", contact: "B", startedAt: OLD, status: "active" as const },
    { id: "e3", contact: "C", startedAt: RECENT, status: "active" as const },
    { id: "e4", contact: "D", startedAt: NOW - HOUR, status: "active" as const },
  ];
  const contactIds = new Map<string, string>();
  for (const e of enrolments) {
    const contactId = crypto.randomUUID();
    contactIds.set(e.contact, contactId);
    await gateway.insert("contacts", {
      id: contactId,
      channel: "web",
      externalId: `v_${contactId}`,
    });
    await gateway.insert("enrollments", {
      id: `${programId}-${e.id}`,
      programId,
      programVersion: 1,
      contactId,
      status: e.status,
      source: "api",
      startedAt: e.startedAt,
    });
  }
  const contact = (name: string) => contactIds.get(name) ?? "";
  let n = 0;
  const event = (
    e: string,
    name: string,
    eventName: string,
    at: number,
    nodeId: string | null = null,
    value: number | null = null,
    program = programId,
  ) =>
    gateway.insert("coachingEvents", {
      id: `ev-${programId}-${(n += 1)}`,
      contactId: contact(name),
      programId: program,
      enrollmentId: e ? `${programId}-${e}` : null,
      nodeId,
      event: eventName,
      value,
      at,
    });
  await event("e1", "A", "enrolled", OLD);
  await event("e1", "A", "sent", OLD, "m1");
  await event("e1", "A", "sent", OLD + 60_000, "c1");
  await event("e1", "A", "answered", OLD + HOUR, "c1", 2);
  await event("e1", "A", "sent", OLD + 7 * DAY, "c2");
  await event("e1", "A", "answered", OLD + 8 * DAY, "c2", 4);
  await event("e1", "A", "completed", OLD + 8 * DAY, "end");
  await event("e2", "B", "sent", OLD, "m1");
  await event("e2", "B", "sent", OLD + 60_000, "c1");
  await event("e2", "B", "answered", OLD + 2 * HOUR, "c1", 4);
  await event("e3", "C", "sent", RECENT, "m1");
  await event("e3", "C", "sent", RECENT + 60_000, "c1");
  await event("e4", "D", "enrolled", NOW - HOUR);
  await event("", "B", "nudge_sent", OLD + 5 * DAY);
  await event("", "C", "nudge_sent", RECENT + DAY);
  await event("", "B", "nudge_replied", OLD + 5 * DAY + HOUR);
  // Another program's events count for that program only.
  await event("", "A", "nudge_sent", OLD, null, null, other.id);
  const active = [
    ["A", OLD + 10 * DAY],
    ["A", OLD + 35 * DAY],
    ["B", OLD],
    ["C", RECENT + 2 * DAY],
  ] as const;
  for (const [name, at] of active) {
    const conversationId = crypto.randomUUID();
    await gateway.insert("conversationDays", {
      id: `${conversationId}:${utcDay(at)}`,
      conversationId,
      contactId: contact(name),
      channel: "web",
      day: utcDay(at),
      userMessages: 2,
      assistantMessages: 2,
    });
  }
  const commitment = (status: "done" | "partly" | "not_yet" | "asked", step: string) =>
    gateway.insert("commitments", {
      id: crypto.randomUUID(),
      contactId: contact("A"),
      sourceText: "I'll run twice this week",
      programId,
      enrollmentId: `${programId}-e1`,
      stepNodeId: step,
      kind: "commitment",
      what: "run",
      dueAt: OLD + 3 * DAY,
      localTimeText: "on Sunday at 18:00",
      timeZone: "UTC",
      status,
    });
  await commitment("done", "c1");
  await commitment("partly", "c1");
  await commitment("not_yet", "c2");
  await commitment("asked", "c2");
  return { workspace, programId };
}
