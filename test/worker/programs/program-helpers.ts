// Helpers for the coaching tests: small valid programs, creating one through the API, web contacts
// seeded straight into D1, and driving a contact's CoachingAgent with a pinned clock.
import type { TestCoachingAgent } from "../../support/test-coaching-agent";
import type { ProgramSteps, ProgramView } from "@coach/contracts/programs";
import { env } from "cloudflare:workers";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { coachingAgentFor } from "../../../worker/lib/coaching-agents";
import { call, type SeededWorkspace } from "../auth/helpers";

/** message → end: the smallest program there is. */
export function oneMessage(
  text = "Welcome to the program! Today: a ten-minute walk.",
): ProgramSteps {
  return {
    nodes: [
      { id: "hello", kind: "message", text },
      { id: "done", kind: "end" },
    ],
    edges: [{ from: "hello", to: "done" }],
  };
}

/** check-in → end: "Did you run today?" with Yes / Not yet (ids `yes`, `no`), the program's last step. */
export function ranCheckin(question = "Did you run today?"): ProgramSteps {
  return {
    nodes: [
      {
        id: "ran",
        kind: "checkin",
        question,
        choices: [
          { id: "yes", label: "Yes" },
          { id: "no", label: "Not yet" },
        ],
      },
      { id: "end", kind: "end" },
    ],
    edges: [{ from: "ran", to: "end" }],
  };
}

/** Creates a program as the owner; `steps` default to one message. */
export async function createProgram(
  workspace: SeededWorkspace,
  overrides: Partial<{ name: string; slug: string; keyword: string; steps: ProgramSteps }> = {},
): Promise<ProgramView> {
  const body = {
    name: "Run 5K",
    goal: "Run five kilometres",
    slug: `run-${crypto.randomUUID().slice(0, 8)}`,
    steps: oneMessage(),
    ...overrides,
  };
  const res = await call("/api/v1/programs", { token: workspace.members.owner.token, body });
  if (res.status !== 201) throw new Error(`program not created: ${res.status} ${await res.text()}`);
  return (await res.json()) as ProgramView;
}

/** A widget contact with an open web conversation, written straight to D1. */
export async function seedWebContact(
  tenantId: string,
): Promise<{ contactId: string; conversationId: string }> {
  const gateway = forTenant(env.DB, tenantId);
  const contactId = crypto.randomUUID();
  const conversationId = crypto.randomUUID();
  await gateway.insert("contacts", {
    id: contactId,
    channel: "web",
    externalId: `v_${crypto.randomUUID()}`,
    lastSeenAt: Date.now(),
  });
  await gateway.insert("conversations", { id: conversationId, contactId, channel: "web" });
  return { contactId, conversationId };
}

/** A contact's agent as the tests bind it: the one whose clock they can pin. */
export function agentOf(tenantId: string, contactId: string): DurableObjectStub<TestCoachingAgent> {
  return coachingAgentFor(
    env,
    tenantId,
    contactId,
  ) as unknown as DurableObjectStub<TestCoachingAgent>;
}

/** Enrols through the API as the owner; answers the enrolment's id. */
export async function enroll(
  workspace: SeededWorkspace,
  programId: string,
  contactId: string,
): Promise<string> {
  const res = await call("/api/v1/enrollments", {
    token: workspace.members.owner.token,
    body: { program_id: programId, contact_id: contactId },
  });
  if (res.status !== 201) throw new Error(`not enrolled: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** Pins the agent's clock at `at` and runs whatever is due then. */
export async function runAt(tenantId: string, contactId: string, at: number): Promise<void> {
  const agent = agentOf(tenantId, contactId);
  await agent.setTestClock(at);
  await agent.runDue();
}
