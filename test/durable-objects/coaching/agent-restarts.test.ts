// A restart of the coaching agent anywhere in a step (every object aborted at once, as a crash or a
// deploy does) sends nothing twice and skips nothing: before or after the room got the message, between
// steps, and between the intent and the room's send.
import { abortAllDurableObjects, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoachingAgent } from "../../../durable-objects/coaching-agent";
import type { ExecutorDeps } from "../../../durable-objects/coaching/step-executor";
import { roomFor } from "../../../worker/lib/rooms";
import { seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import { eventually } from "../../worker/channels/channel-helpers";
import { agentOf, oneMessage, runAt } from "../../worker/programs/program-helpers";
import { enrollment, MINUTE, roomTexts, setUp, T0, twoMessages } from "./coaching-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
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
    const setup = await setUp(workspace, oneMessage(), { quiet_hours: quiet });
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
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([setup.text]);
    expect((await enrollment(workspace, setup.enrollmentId)).status).toBe("completed");
  });

  it("sends nothing again when the room had already stored it, and moves on", async () => {
    const setup = await interruptedStep(true);
    await runAt(workspace.tenantId, setup.contactId, setup.resumeAt);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([setup.text]);
    const view = await enrollment(workspace, setup.enrollmentId);
    expect(view.status).toBe("completed");
    expect(view.history?.find((e) => e.event === "sent")?.detail).toMatchObject({
      duplicate: true,
    });
  });

  it("sends nothing twice when the agent restarts after a step, and still runs the next one", async () => {
    const setup = await setUp(workspace, twoMessages);
    await runAt(workspace.tenantId, setup.contactId, T0);
    await restart();
    await runAt(workspace.tenantId, setup.contactId, T0 + 1000);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    await restart();
    await runAt(workspace.tenantId, setup.contactId, T0 + MINUTE);
    await restart();
    await runAt(workspace.tenantId, setup.contactId, T0 + 2 * MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
  });

  /** Runs the first step of `twoMessages` (due at noon, after quiet hours) and restarts while its send is held. */
  async function restartedMidSend(when: "before_room" | "after_room") {
    const setup = await setUp(workspace, twoMessages, {
      quiet_hours: { start: "09:00", end: "12:00" },
    });
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
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([]);
    await runAt(workspace.tenantId, setup.contactId, setup.noon);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    await runAt(workspace.tenantId, setup.contactId, setup.noon + MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
    expect((await enrollment(workspace, setup.enrollmentId)).status).toBe("completed");
  });

  it("sends nothing twice and still runs the next step when restarted after the send, before the step moved on", async () => {
    const setup = await restartedMidSend("after_room");
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    expect((await enrollment(workspace, setup.enrollmentId)).current_node).toBe("first");
    await runAt(workspace.tenantId, setup.contactId, setup.noon);
    await runAt(workspace.tenantId, setup.contactId, setup.noon + MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([
      "Run today: 20 minutes.",
      "How did it go?",
    ]);
    const view = await enrollment(workspace, setup.enrollmentId);
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
