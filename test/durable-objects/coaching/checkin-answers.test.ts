// Answers to check-ins as the user gives them in their conversation: a pressed chip or a typed answer
// is recorded once and thanked once, a chip of another message answers nothing, and a check-in that
// is the program's last step keeps the enrolment open until it is answered (or its answer window ends).
// The language of the hint and the thanks is in checkin-language.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import { eventually } from "../../worker/channels/channel-helpers";
import { ranCheckin, runAt } from "../../worker/programs/program-helpers";
import { asked, assistantTexts, scaleThenWait, userWrites, type Asked } from "./checkin-helpers";
import { enrollment, T0 } from "./coaching-helpers";

const HOUR = 60 * 60 * 1000;
const QUESTION = "Did you run today?";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

/** check-in → end: the check-in is the program's last step. */
const lastCheckin = ranCheckin(QUESTION);

/** Waits until the agent has taken in the user's reply (its activity day is counted after any thanks went out). */
async function replyTakenIn(c: Asked): Promise<void> {
  await eventually(async () => expect((await c.agent.behaviourSignals()).streak_days).toBe(1));
}

describe("a check-in answered with a chip", () => {
  it("records the choice and thanks the user once in the conversation", async () => {
    const c = await asked(workspace, lastCheckin);
    await userWrites(c, "Yes", "yes");
    await eventually(async () =>
      expect(await assistantTexts(workspace, c.conversationId)).toEqual([
        QUESTION,
        'Thanks! I\'ve noted "Yes".',
      ]),
    );
    expect((await c.agent.snapshot()).enrollments[0]?.answers.ran).toMatchObject({
      choice_id: "yes",
    });

    await userWrites(c, "Yes", "yes");
    await eventually(async () =>
      expect((await c.agent.behaviourSignals()).last_activity_at).not.toBeNull(),
    );
    await runAt(workspace.tenantId, c.contactId, T0 + 1000);
    expect(await assistantTexts(workspace, c.conversationId)).toEqual([
      QUESTION,
      'Thanks! I\'ve noted "Yes".',
    ]);
  });

  it("ignores a chip of another message: nothing recorded, nothing said, the check-in still open", async () => {
    const c = await asked(workspace, lastCheckin);
    await userWrites(c, "Done", "outcome:no-such-commitment:done");
    await replyTakenIn(c);
    expect(await assistantTexts(workspace, c.conversationId)).toEqual([QUESTION]);
    const [record] = (await c.agent.snapshot()).enrollments;
    expect(record?.answers).toEqual({});
    expect(record?.status).toBe("active");
  });
});

describe("a check-in answered by typing", () => {
  it("reads the typed number as the score, thanks once, and the program goes on", async () => {
    const c = await asked(workspace, scaleThenWait);
    await userWrites(c, "4");
    await eventually(async () =>
      expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
        "Great to hear! I've noted your 4.",
      ]),
    );
    expect((await c.agent.snapshot()).enrollments[0]?.answers.energy).toMatchObject({ value: 4 });
    await runAt(workspace.tenantId, c.contactId, T0 + HOUR);
    expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
      "Great to hear! I've noted your 4.",
      "See you tomorrow.",
    ]);
  });
});

describe("a check-in answered in words", () => {
  it("takes the answer from the sentence and thanks once; the assistant does not answer it as well", async () => {
    const c = await asked(workspace, scaleThenWait);
    await userWrites(c, "Honestly I'd say a 4 today");
    await eventually(async () =>
      expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
        "Great to hear! I've noted your 4.",
      ]),
    );
    expect((await c.agent.snapshot()).enrollments[0]?.answers.energy).toMatchObject({ value: 4 });
    // Long enough for the stand-in model to have answered, had the message gone to the assistant.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
      "Great to hear! I've noted your 4.",
    ]);
  });

  it("gives a question asked under the check-in to the assistant, and records no answer", async () => {
    const c = await asked(workspace, scaleThenWait);
    await userWrites(c, "What should I eat before a run?");
    await eventually(async () =>
      expect((await assistantTexts(workspace, c.conversationId)).length).toBe(2),
    );
    expect((await assistantTexts(workspace, c.conversationId))[1]).not.toMatch(/I've noted/);
    expect((await c.agent.snapshot()).enrollments[0]?.answers).toEqual({});
  });
});

describe("a check-in that is the program's last step", () => {
  it("keeps the enrolment open until the answer, then completes with it recorded", async () => {
    const c = await asked(workspace, lastCheckin);
    expect(await enrollment(workspace, c.enrollmentId)).toMatchObject({
      status: "active",
      current_node: "end",
      next_wake_at: T0 + 24 * HOUR,
    });
    await c.agent.setTestClock(T0 + HOUR);
    await userWrites(c, "Not yet", "no");
    await eventually(async () =>
      expect((await assistantTexts(workspace, c.conversationId)).slice(1)).toEqual([
        'Thanks! I\'ve noted "Not yet".',
      ]),
    );
    await runAt(workspace.tenantId, c.contactId, T0 + HOUR);
    const done = await enrollment(workspace, c.enrollmentId);
    expect(done).toMatchObject({ status: "completed", ended_at: T0 + HOUR });
    const events = done.history?.map((e) => e.event) ?? [];
    expect(events.indexOf("answered")).toBeLessThan(events.indexOf("completed"));
    expect(done.history?.find((e) => e.event === "answered")?.detail).toMatchObject({
      choice_id: "no",
    });
  });

  it("completes when the answer window ends without an answer", async () => {
    const c = await asked(workspace, lastCheckin);
    await runAt(workspace.tenantId, c.contactId, T0 + 23 * HOUR);
    expect((await enrollment(workspace, c.enrollmentId)).status).toBe("active");
    await runAt(workspace.tenantId, c.contactId, T0 + 24 * HOUR);
    expect(await enrollment(workspace, c.enrollmentId)).toMatchObject({
      status: "completed",
      ended_at: T0 + 24 * HOUR,
    });
  });
});
