// The person's progress for the companion app: their latest programs with the step each is on, their
// commitments, and how many messages they wrote on each of the last 14 days (the app draws it as a
// chart). Everything of a person who linked channels counts, whichever channel it came from.
import type { AppProgressView } from "@coach/contracts/companion-app";
import type { ProgramNode } from "@coach/contracts/programs";
import { and, desc, eq, gte, inArray, ne } from "drizzle-orm";
import { linkGroup } from "../db/contact-links";
import type { TenantGateway } from "../db/tenant-gateway";
import { coachingAgentFor } from "../lib/coaching-agents";

const DAYS = 14;
const DAY_MS = 86_400_000;

/** The words of a step the person sees: a message's text or a check-in's question. */
function stepWords(node: ProgramNode | undefined): string | null {
  if (node?.kind === "message") return node.text;
  if (node?.kind === "checkin") return node.question;
  return null;
}

/** The last DAYS UTC days, oldest first, as `YYYY-MM-DD`. */
function lastDays(now: number): string[] {
  return Array.from({ length: DAYS }, (_, i) =>
    new Date(now - (DAYS - 1 - i) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** The progress of the person behind `contactId`. */
export async function appProgress(
  env: Env,
  gateway: TenantGateway,
  contactId: string,
  now = Date.now(),
): Promise<AppProgressView> {
  const contacts = await linkGroup(env.DB, gateway.tenantId, contactId);
  const enrollments = await gateway.list("enrollments", {
    where: (t) => inArray(t.contactId, contacts),
    orderBy: (t) => desc(t.startedAt),
    limit: 5,
  });
  const programs = await Promise.all(
    enrollments.map(async (enrollment) => {
      const program = await gateway.find("programs", enrollment.programId);
      const [version] = await gateway.list("programVersions", {
        where: (t) =>
          and(eq(t.programId, enrollment.programId), eq(t.version, enrollment.programVersion)),
        limit: 1,
      });
      // The contact's agent runs the program; D1's copy of where it stands may lag behind it.
      const live = await coachingAgentFor(env, gateway.tenantId, enrollment.contactId).enrollment(
        enrollment.id,
      );
      const status = live?.status ?? enrollment.status;
      const nodes = version?.steps.nodes ?? [];
      // The step they were last sent (a message or a check-in), newest first; a wait has no words.
      const reached = [
        live?.current_node ?? enrollment.currentNode,
        ...(live?.history ?? []).map((entry) => entry.node_id).reverse(),
      ];
      const step =
        reached
          .map((id) => stepWords(nodes.find((n) => n.id === id)))
          .find((words) => words !== null) ?? null;
      return {
        name: program?.name ?? "Program",
        status,
        step: status === "active" ? step : null,
        started_at: enrollment.startedAt,
      };
    }),
  );
  const commitments = await gateway.list("commitments", {
    where: (t) => and(inArray(t.contactId, contacts), ne(t.status, "cancelled")),
    orderBy: (t) => desc(t.dueAt),
    limit: 10,
  });
  const days = lastDays(now);
  const rows = await gateway.list("conversationDays", {
    where: (t) => and(inArray(t.contactId, contacts), gte(t.day, days[0] ?? "")),
  });
  const written = new Map<string, number>();
  for (const row of rows) written.set(row.day, (written.get(row.day) ?? 0) + row.userMessages);
  return {
    programs,
    commitments: commitments.map((c) => ({ what: c.what, due_at: c.dueAt, status: c.status })),
    activity: days.map((day) => ({ day, messages: written.get(day) ?? 0 })),
  };
}
