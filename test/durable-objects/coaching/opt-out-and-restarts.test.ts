// Opt-out stops everything at once (a step due a second later sends nothing, creators cannot enrol the
// contact again, queued interventions are dropped), and a restart of the agent anywhere in a step (every
// object aborted at once, as a crash or a deploy does) sends nothing twice and skips nothing.
import type {
  CoachingPreferencesUpdate,
  EnrollmentView,
  ProgramSteps,
} from "@coach/contracts/programs";
import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoachingAgent } from "../../../durable-objects/coaching-agent";
import type { ExecutorDeps } from "../../../durable-objects/coaching/step-executor";
import { roomFor } from "../../../worker/lib/rooms";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import { eventually } from "../../worker/channels/channel-helpers";
import {
  agentOf,
  createProgram,
  enroll,
  oneMessage,
  runAt,
  seedWebContact,
} from "../../worker/programs/program-helpers";

const T0 = Date.UTC(2026, 5, 10, 10, 0);
const MINUTE = 60_000;

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

const twoMessages: ProgramSteps = {
  nodes: [
    { id: "first", kind: "message", text: "Run today: 20 minutes." },
    { id: "pause", kind: "wait", duration_minutes: 1 },
    { id: "second", kind: "message", text: "How did it go?" },
    { id: "end", kind: "end" },
  ],
  edges: [
    { from: "first", to: "pause" },
    { from: "pause", to: "second" },
    { from: "second", to: "end" },
  ],
};

async function setUp(
  steps: ProgramSteps,
  prefs: CoachingPreferencesUpdate = { quiet_hours: null },
) {
  const program = await createProgram(workspace, { steps });
  const contact = await seedWebContact(workspace.tenantId);
  await agentOf(workspace.tenantId, contact.contactId).setTestClock(T0);
  await call(`/api/v1/contacts/${contact.contactId}/coaching`, {
    method: "PUT",
    token: workspace.members.owner.token,
    body: prefs,
  });
  const enrollmentId = await enroll(workspace, program.id, contact.contactId);
  return { ...contact, enrollmentId, programId: program.id };
}

async function roomTexts(conversationId: string): Promise<string[]> {
  return (await roomFor(env, workspace.tenantId, conversationId).listMessages(0, 100)).messages.map(
    (m) => m.text,
  );
}

async function enrollment(id: string): Promise<EnrollmentView> {
  return (await (
    await call(`/api/v1/enrollments/${id}`, { token: workspace.members.owner.token })
  ).json()) as EnrollmentView;
}

describe("opting out", () => {
  it("sends nothing for a step due one second after the opt-out", async () => {
    const setup = await setUp(twoMessages);
    await runAt(workspace.tenantId, setup.contactId, T0);
    expect(await roomTexts(setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    await agentOf(workspace.tenantId, setup.contactId).setTestClock(T0 + MINUTE - 1000);
    expect(await agentOf(workspace.tenantId, setup.contactId).optOut("test")).toEqual({ ended: 1 });
    await runAt(workspace.tenantId, setup.contactId, T0 + MINUTE);
    await runAt(workspace.tenantId, setup.contactId, T0 + 60 * MINUTE);
    expect(await roomTexts(setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    expect(await enrollment(setup.enrollmentId)).toMatchObject({
      status: "opted_out",
      end_reason: "test",
      next_wake_at: null,
    });
    const listed = (await (
      await call(`/api/v1/enrollments?contact_id=${setup.contactId}`, {
        token: workspace.members.owner.token,
      })
    ).json()) as { enrollments: EnrollmentView[] };
    expect(listed.enrollments.map((e) => e.status)).toEqual(["opted_out"]);
  });

  it("refuses a creator's enrolment of a contact who opted out, and shows the opt-out", async () => {
    const setup = await setUp(twoMessages);
    await agentOf(workspace.tenantId, setup.contactId).optOut("test");
    const other = await createProgram(workspace);
    const res = await call("/api/v1/enrollments", {
      token: workspace.members.owner.token,
      body: { program_id: other.id, contact_id: setup.contactId },
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("contact_opted_out");
    const state = await call(`/api/v1/contacts/${setup.contactId}/coaching`, {
      token: workspace.members.viewer.token,
    });
    expect(await state.json()).toMatchObject({ opted_out: true, opted_out_at: T0 });
  });

  it("drops queued interventions and refuses new ones", async () => {
    const setup = await setUp(oneMessage(), { quiet_hours: { start: "09:00", end: "12:00" } });
    const agent = agentOf(workspace.tenantId, setup.contactId);
    const identity = { tenantId: workspace.tenantId, contactId: setup.contactId };
    expect(
      await agent.queueIntervention(identity, {
        id: "nudge-1",
        text: "Still with us?",
        reason: "test",
      }),
    ).toEqual({ status: "queued" });
    await agent.optOut("test");
    expect((await agent.snapshot()).pending_interventions).toEqual([]);
    expect(
      await agent.queueIntervention(identity, { id: "nudge-2", text: "Hello?", reason: "test" }),
    ).toEqual({ status: "opted_out" });
    await runAt(workspace.tenantId, setup.contactId, T0 + 3 * 60 * MINUTE);
    expect(await roomTexts(setup.conversationId)).toEqual([]);
  });
});

describe("interventions", () => {
  it("sends a queued intervention once, after the quiet hours it fell into", async () => {
    const setup = await setUp(oneMessage(), { quiet_hours: { start: "09:00", end: "12:00" } });
    const agent = agentOf(workspace.tenantId, setup.contactId);
    const identity = { tenantId: workspace.tenantId, contactId: setup.contactId };
    await agent.queueIntervention(identity, {
      id: "nudge",
      text: "Three days since your last run: how about ten minutes today?",
      reason: "inactive",
    });
    expect(
      await agent.queueIntervention(identity, { id: "nudge", text: "again", reason: "inactive" }),
    ).toEqual({ status: "duplicate" });
    await runAt(workspace.tenantId, setup.contactId, T0);
    expect(await roomTexts(setup.conversationId)).toEqual([]);
    await runAt(workspace.tenantId, setup.contactId, Date.UTC(2026, 5, 10, 12, 0));
    await runAt(workspace.tenantId, setup.contactId, Date.UTC(2026, 5, 10, 12, 1));
    const texts = await roomTexts(setup.conversationId);
    expect(texts.filter((t) => t.startsWith("Three days"))).toHaveLength(1);
  });
});

/** Aborts every object at once, mid-call if need be; the next call starts fresh instances from storage. */
async function restart(): Promise<void> {
  await abortAllDurableObjects();
}

/** How long a held send stays held: far longer than the test, so only the restart ends it. */
const HELD_MS = 10 * MINUTE;

/**
 * Makes the running agent instance hold its next send, before the room gets it or after the room has
 * stored it; answers a check that says whether the send is being held now.
 */
async function holdNextSend(
  contactId: string,
  when: "before_room" | "after_room",
): Promise<() => boolean> {
  let held = false;
  await runInDurableObject(agentOf(workspace.tenantId, contactId), (agent: CoachingAgent) => {
    // The executor's dependencies are the seam a fault is injected at; nothing else is changed.
    const deps = (agent as unknown as { executor: { deps: ExecutorDeps } }).executor.deps;
    const deliver = deps.deliver;
    deps.deliver = async (message) => {
      if (when === "after_room") await deliver(message);
      held = true;
      await new Promise((resolve) => setTimeout(resolve, HELD_MS));
      return deliver(message);
    };
  });
  return () => held;
}

describe("restarts", () => {
  /** The agent's state after an eviction between writing the intent and hearing back from the room. */
  async function interruptedStep(reachedRoom: boolean) {
    const quiet = { start: "09:00", end: "12:00" };
    const setup = await setUp(oneMessage(), { quiet_hours: quiet });
    await runAt(workspace.tenantId, setup.contactId, T0);
    const messageId = `${setup.enrollmentId}:hello:1`;
    const text = "Composed by the model just before the crash.";
    await runInDurableObject(agentOf(workspace.tenantId, setup.contactId), (_agent, state) => {
      state.storage.sql.exec(
        "INSERT INTO intents (message_id, enrollment_id, node_id, text, quick_replies, status) VALUES (?, ?, 'hello', ?, '[]', 'pending')",
        messageId,
        setup.enrollmentId,
        text,
      );
    });
    if (reachedRoom) {
      await roomFor(env, workspace.tenantId, setup.conversationId).sendOutbound({
        meta: {
          tenantId: workspace.tenantId,
          conversationId: setup.conversationId,
          contactId: setup.contactId,
          channel: "web",
        },
        client_id: messageId,
        text,
        author: "assistant",
        source: "proactive",
      });
    }
    await restart();
    return { ...setup, text, resumeAt: Date.UTC(2026, 5, 10, 12, 0) };
  }

  it("sends the interrupted message once when the room never got it", async () => {
    const setup = await interruptedStep(false);
    await runAt(workspace.tenantId, setup.contactId, setup.resumeAt);
    await runAt(workspace.tenantId, setup.contactId, setup.resumeAt + MINUTE);
    expect(await roomTexts(setup.conversationId)).toEqual([setup.text]);
    expect((await enrollment(setup.enrollmentId)).status).toBe("completed");
  });

  it("sends nothing again when the room had already stored it, and moves on", async () => {
    const setup = await interruptedStep(true);
    await runAt(workspace.tenantId, setup.contactId, setup.resumeAt);
    expect(await roomTexts(setup.conversationId)).toEqual([setup.text]);
    const view = await enrollment(setup.enrollmentId);
    expect(view.status).toBe("completed");
    expect(view.history?.find((e) => e.event === "sent")?.detail).toMatchObject({
      duplicate: true,
    });
  });

  it("sends nothing twice when the agent restarts after a step, and still runs the next one", async () => {
    const setup = await setUp(twoMessages);
    await runAt(workspace.tenantId, setup.contactId, T0);
    await restart();
    await runAt(workspace.tenantId, setup.contactId, T0 + 1000);
    expect(await roomTexts(setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    await restart();
    await runAt(workspace.tenantId, setup.contactId, T0 + MINUTE);
    await restart();
    await runAt(workspace.tenantId, setup.contactId, T0 + 2 * MINUTE);
    expect(await roomTexts(setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
  });

  /** Runs the first step of `twoMessages` (due at noon, after quiet hours) and restarts while its send is held. */
  async function restartedMidSend(when: "before_room" | "after_room") {
    const setup = await setUp(twoMessages, { quiet_hours: { start: "09:00", end: "12:00" } });
    await runAt(workspace.tenantId, setup.contactId, T0);
    const noon = Date.UTC(2026, 5, 10, 12, 0);
    const held = await holdNextSend(setup.contactId, when);
    const agent = agentOf(workspace.tenantId, setup.contactId);
    await agent.setTestClock(noon);
    const interrupted = agent.runDue().then(
      () => "finished",
      () => "aborted",
    );
    await eventually(async () => expect(held()).toBe(true));
    const intent = await runInDurableObject(agent, (_agent, state) =>
      state.storage.sql
        .exec<{ status: string }>(
          "SELECT status FROM intents WHERE message_id = ?",
          `${setup.enrollmentId}:first:1`,
        )
        .one(),
    );
    expect(intent.status).toBe("pending");
    await restart();
    expect(await interrupted).toBe("aborted");
    return { ...setup, noon };
  }

  it("sends the message once and goes on when restarted between the intent and the room's send", async () => {
    const setup = await restartedMidSend("before_room");
    expect(await roomTexts(setup.conversationId)).toEqual([]);
    await runAt(workspace.tenantId, setup.contactId, setup.noon);
    expect(await roomTexts(setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    await runAt(workspace.tenantId, setup.contactId, setup.noon + MINUTE);
    expect(await roomTexts(setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
    expect((await enrollment(setup.enrollmentId)).status).toBe("completed");
  });

  it("sends nothing twice and still runs the next step when restarted after the send, before the step moved on", async () => {
    const setup = await restartedMidSend("after_room");
    expect(await roomTexts(setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    expect((await enrollment(setup.enrollmentId)).current_node).toBe("first");
    await runAt(workspace.tenantId, setup.contactId, setup.noon);
    await runAt(workspace.tenantId, setup.contactId, setup.noon + MINUTE);
    expect(await roomTexts(setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
    const view = await enrollment(setup.enrollmentId);
    expect(view.status).toBe("completed");
    expect(
      view.history
        ?.filter((e) => e.event === "sent")
        .map((e) => [e.node_id, e.detail?.duplicate ?? false]),
    ).toEqual([
      ["first", true],
      ["second", false],
    ]);
  });
});

describe("erasure", () => {
  it("erases the contact's enrolments, history and preferences with the contact, and exports them before", async () => {
    const setup = await setUp(twoMessages);
    await runAt(workspace.tenantId, setup.contactId, T0);
    const exported = (await (
      await call(`/api/v1/contacts/${setup.contactId}/export`, {
        token: workspace.members.owner.token,
      })
    ).json()) as { stores: { coaching: { enrollments: { id: string }[] } } };
    expect(exported.stores.coaching.enrollments.map((e) => e.id)).toEqual([setup.enrollmentId]);
    const res = await call(`/api/v1/contacts/${setup.contactId}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    const receipt = (await res.json()) as {
      stores: { store: string; status: string; items: number }[];
    };
    expect(receipt.stores).toContainEqual({ store: "coaching", status: "erased", items: 1 });
    const agent = agentOf(workspace.tenantId, setup.contactId);
    expect((await agent.snapshot()).enrollments).toEqual([]);
    expect(await agent.enrollment(setup.enrollmentId)).toBeNull();
    const listed = (await (
      await call(`/api/v1/enrollments?contact_id=${setup.contactId}`, {
        token: workspace.members.owner.token,
      })
    ).json()) as { enrollments: EnrollmentView[] };
    expect(listed.enrollments).toEqual([]);
  });
});
