// Opt-out stops everything at once (a step due a second later sends nothing, creators cannot enrol the
// contact again, queued interventions are dropped); a queued intervention is sent once, after the quiet
// hours it fell into; and erasing a contact erases its enrolments, history and preferences.
import type { EnrollmentView } from "@coach/contracts/programs";
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../../worker/auth/helpers";
import { agentOf, createProgram, oneMessage, runAt } from "../../worker/programs/program-helpers";
import { enrollment, MINUTE, roomTexts, setUp, T0, twoMessages } from "./coaching-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

describe("opting out", () => {
  it("sends nothing for a step due one second after the opt-out", async () => {
    const setup = await setUp(workspace, twoMessages);
    await runAt(workspace.tenantId, setup.contactId, T0);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    await agentOf(workspace.tenantId, setup.contactId).setTestClock(T0 + MINUTE - 1000);
    expect(await agentOf(workspace.tenantId, setup.contactId).optOut("test")).toEqual({ ended: 1 });
    await runAt(workspace.tenantId, setup.contactId, T0 + MINUTE);
    await runAt(workspace.tenantId, setup.contactId, T0 + 60 * MINUTE);
    expect(await roomTexts(workspace, setup.conversationId)).toEqual(["Run today: 20 minutes."]);
    expect(await enrollment(workspace, setup.enrollmentId)).toMatchObject({
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
    const setup = await setUp(workspace, twoMessages);
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
    const setup = await setUp(workspace, oneMessage(), {
      quiet_hours: { start: "09:00", end: "12:00" },
    });
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
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([]);
  });
});

describe("interventions", () => {
  it("sends a queued intervention once, after the quiet hours it fell into", async () => {
    const setup = await setUp(workspace, oneMessage(), {
      quiet_hours: { start: "09:00", end: "12:00" },
    });
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
    expect(await roomTexts(workspace, setup.conversationId)).toEqual([]);
    await runAt(workspace.tenantId, setup.contactId, Date.UTC(2026, 5, 10, 12, 0));
    await runAt(workspace.tenantId, setup.contactId, Date.UTC(2026, 5, 10, 12, 1));
    const texts = await roomTexts(workspace, setup.conversationId);
    expect(texts.filter((t) => t.startsWith("Three days"))).toHaveLength(1);
  });
});

describe("erasure", () => {
  it("erases the contact's enrolments, history and preferences with the contact, and exports them before", async () => {
    const setup = await setUp(workspace, twoMessages);
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
