// Outgoing webhook deliveries: every delivery is signed (X-Coach-Signature), retried with back-off by
// the workspace's dispatcher when the endpoint fails, kept in the delivery log (as long as the workspace's
// retention says: test/worker/workspace/retention-sweep.test.ts), and carries the conversation events the
// endpoint subscribed to, and only those.
import { runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { hmacSha256Hex } from "@coach/contracts/signature";
import { beforeAll, describe, expect, it } from "vitest";
import { dispatcherFor } from "../../../worker/lib/webhook-dispatchers";
import type { ReceivedWebhook } from "../../support/webhook-receiver";
import { call } from "../auth/helpers";
import { eventually } from "../channels/channel-helpers";
import {
  ask,
  say,
  seedDashboardWorkspace,
  visitor,
  type DashboardWorkspace,
} from "../conversations/inbox-helpers";
import { hookUrl, register } from "./webhook-helpers";

type Delivery = {
  id: string;
  event: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  delivered_at: number | null;
};

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

async function received(name: string): Promise<ReceivedWebhook[]> {
  return (await (
    await fetch(`${env.TEST_WEBHOOK_RECEIVER_URL}/__received?name=${name}`)
  ).json()) as ReceivedWebhook[];
}

async function deliveries(
  webhookId: string,
  token = workspace.members.owner.token,
): Promise<Delivery[]> {
  return (
    (await (
      await call(`/api/v1/integrations/webhooks/${webhookId}/deliveries`, { token })
    ).json()) as { deliveries: Delivery[] }
  ).deliveries;
}

/** Runs the dispatcher's alarm (rather than waiting for it) until `check` passes. */
function dispatched<T>(check: () => Promise<T>): Promise<T> {
  return eventually(async () => {
    await runDurableObjectAlarm(dispatcherFor(env, workspace.tenantId));
    return check();
  });
}

describe("deliveries", () => {
  it("sends a signed ping whose signature the receiver can check", async () => {
    const hook = await register(workspace, ["conversation.created"], hookUrl("ping-check"));
    expect(
      (
        await call(`/api/v1/integrations/webhooks/${hook.id}/test`, {
          token: workspace.members.owner.token,
          body: {},
        })
      ).status,
    ).toBe(202);
    const [request] = await dispatched(async () => {
      const got = await received("ping-check");
      expect(got).toHaveLength(1);
      return got;
    });
    if (!request) throw new Error("nothing received");
    const body = JSON.parse(request.body) as {
      id: string;
      type: string;
      tenant_id: string;
      created_at: string;
      data: Record<string, unknown>;
    };
    expect(body).toMatchObject({
      type: "ping",
      tenant_id: workspace.tenantId,
      data: { webhook_id: hook.id },
    });
    expect(request.headers["x-coach-event"]).toBe("ping");
    const [, t, v1] =
      /^t=(\d+),v1=([0-9a-f]{64})$/.exec(request.headers["x-coach-signature"] ?? "") ?? [];
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(300);
    expect(v1).toBe(await hmacSha256Hex(hook.secret ?? "", `${t}.${request.body}`));
    const [logged] = await deliveries(hook.id);
    expect(logged).toMatchObject({
      id: request.headers["x-coach-delivery"],
      event: "ping",
      status: "delivered",
      attempts: 1,
      last_status_code: 204,
    });
  });

  it("retries a failing endpoint with back-off, and the log shows each attempt", async () => {
    const hook = await register(workspace, ["conversation.created"], hookUrl("flaky", "/fail-1"));
    await call(`/api/v1/integrations/webhooks/${hook.id}/test`, {
      token: workspace.members.owner.token,
      body: {},
    });
    // The first attempt goes out at once (the dispatcher's alarm is set for now).
    const [failed] = await eventually(async () => {
      const log = await deliveries(hook.id);
      expect(log[0]?.attempts).toBe(1);
      return log;
    });
    expect(failed).toMatchObject({
      status: "pending",
      attempts: 1,
      last_status_code: 500,
      last_error: "delivery failed",
      delivered_at: null,
    });
    // The first retry waits about 30 s; the alarm run stands for that moment.
    expect(failed?.next_attempt_at ?? 0).toBeGreaterThan(Date.now() + 20_000);
    const [delivered] = await dispatched(async () => {
      const log = await deliveries(hook.id);
      expect(log[0]?.status).toBe("delivered");
      return log;
    });
    expect(delivered).toMatchObject({
      attempts: 2,
      last_status_code: 204,
      last_error: null,
      next_attempt_at: null,
    });
    expect((await received("flaky")).map((r) => r.status)).toEqual([500, 204]);
  });

  it("carries the conversation events the endpoint subscribed to, and only those", async () => {
    const hook = await register(
      workspace,
      ["human.requested", "conversation.takeover", "conversation.handback"],
      hookUrl("conversation-events"),
    );
    const { client, conversationId } = await visitor(workspace);
    await say(client, "I want to talk to a real person");
    await call(`/api/v1/conversations/${conversationId}/takeover`, {
      token: workspace.members.owner.token,
      body: {},
    });
    await call(`/api/v1/conversations/${conversationId}/handback`, {
      token: workspace.members.owner.token,
      body: {},
    });
    const events = await dispatched(async () => {
      const got = (await received("conversation-events")).map(
        (r) => JSON.parse(r.body) as { type: string; data: { conversation_id: string } },
      );
      expect(got).toHaveLength(3);
      return got;
    });
    expect(events.map((e) => e.type).sort()).toEqual([
      "conversation.handback",
      "conversation.takeover",
      "human.requested",
    ]);
    expect(events.every((e) => e.data.conversation_id === conversationId)).toBe(true);
    expect((await deliveries(hook.id)).every((d) => d.status === "delivered")).toBe(true);
    client.close();
  });
});

describe("events from conversations", () => {
  it("announces a new conversation once, and an answer below the confidence threshold", async () => {
    const hook = await register(
      workspace,
      ["conversation.created", "answer.low_confidence"],
      hookUrl("answers"),
    );
    const { client, conversationId } = await visitor(workspace);
    await ask(client, "What is the capital of Peru?");
    await ask(client, "And the longest river on Mars?");
    const events = await dispatched(async () => {
      const got = (await received("answers")).map(
        (r) =>
          JSON.parse(r.body) as {
            type: string;
            data: { conversation_id: string; confidence: number | null; question: string | null };
          },
      );
      expect(got.filter((e) => e.type === "answer.low_confidence")).toHaveLength(2);
      return got;
    });
    expect(
      events.filter((e) => e.type === "conversation.created").map((e) => e.data.conversation_id),
    ).toEqual([conversationId]);
    expect(events.find((e) => e.type === "answer.low_confidence")?.data).toMatchObject({
      conversation_id: conversationId,
      question: "What is the capital of Peru?",
    });
    expect((await deliveries(hook.id)).length).toBe(3);
    client.close();
  });
});
