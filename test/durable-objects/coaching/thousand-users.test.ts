// Scale: a thousand contacts enrolled in one program, each with their own CoachingAgent. Each agent's
// one alarm is due at the step's time; when the clock reaches it and the alarms run, every due step
// fires exactly once (one message in each contact's room), within a minute of its time, and running
// the alarms again sends nothing more.
import type { EnrollmentView, ProgramSteps } from "@coach/contracts/programs";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { roomFor } from "../../../worker/lib/rooms";
import { call, seedWorkspace } from "../../worker/auth/helpers";
import {
  agentOf,
  createProgram,
  enroll,
  seedWebContact,
} from "../../worker/programs/program-helpers";

const USERS = 1000;
const CONCURRENCY = 25;
const ENROLLED_AT = Date.UTC(2026, 5, 10, 8, 30);
const DUE_AT = Date.UTC(2026, 5, 10, 9, 0);
/** How late the alarms are taken to run: alarms are not instantaneous. */
const ALARM_DELAY_MS = 20_000;

const morningNudge: ProgramSteps = {
  nodes: [
    { id: "until-nine", kind: "wait", until: { time: "09:00", days_ahead: 0 } },
    { id: "nudge", kind: "message", text: "Good morning! Today's run: 15 easy minutes." },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "until-nine", to: "nudge" },
    { from: "nudge", to: "end" },
  ],
};

async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += CONCURRENCY)
    results.push(...(await Promise.all(items.slice(i, i + CONCURRENCY).map(work))));
  return results;
}

describe("a thousand users in one program", () => {
  it("fires every due step once, within a minute of its time", { timeout: 600_000 }, async () => {
    const workspace = await seedWorkspace();
    const program = await createProgram(workspace, { steps: morningNudge });
    const users = await inBatches(
      Array.from({ length: USERS }, (_, i) => i),
      async () => {
        const contact = await seedWebContact(workspace.tenantId);
        const agent = agentOf(workspace.tenantId, contact.contactId);
        await agent.setTestClock(ENROLLED_AT);
        const enrollmentId = await enroll(workspace, program.id, contact.contactId);
        await agent.runDue();
        // The agent holds one alarm, due when its step is: 30 minutes ahead of its pinned clock.
        const alarmLead = await runInDurableObject(
          agent,
          async (_agent, state) => ((await state.storage.getAlarm()) ?? 0) - Date.now(),
        );
        return { ...contact, enrollmentId, alarmLead };
      },
    );
    for (const { alarmLead } of users)
      expect(Math.abs(alarmLead - (DUE_AT - ENROLLED_AT))).toBeLessThan(60_000);

    const noteSent = await inBatches(users, async (user) => {
      const agent = agentOf(workspace.tenantId, user.contactId);
      await agent.setTestClock(DUE_AT + ALARM_DELAY_MS);
      await runDurableObjectAlarm(agent);
      await agent.runDue();
      await runDurableObjectAlarm(agent);
      return (
        (await agent.enrollment(user.enrollmentId))?.history
          ?.filter((e) => e.event === "sent")
          .map((e) => e.at) ?? []
      );
    });
    expect(noteSent.filter((sent) => sent.length !== 1)).toEqual([]);
    for (const [at] of noteSent) expect((at ?? 0) - DUE_AT).toBeLessThanOrEqual(60_000);

    const roomCounts = await inBatches(
      users,
      async (user) =>
        (await roomFor(env, workspace.tenantId, user.conversationId).listMessages(0, 10)).messages
          .length,
    );
    expect(roomCounts.reduce((sum, n) => sum + n, 0)).toBe(USERS);
    expect(roomCounts.every((n) => n === 1)).toBe(true);

    let completed = 0;
    for (let offset: number | null = 0; offset !== null;) {
      const page = (await (
        await call(
          `/api/v1/enrollments?program_id=${program.id}&status=completed&limit=200&offset=${offset}`,
          { token: workspace.members.owner.token },
        )
      ).json()) as {
        enrollments: EnrollmentView[];
        next_offset: number | null;
      };
      completed += page.enrollments.length;
      offset = page.next_offset;
    }
    expect(completed).toBe(USERS);
  });
});
