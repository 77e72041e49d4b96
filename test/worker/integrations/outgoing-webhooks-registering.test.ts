// Registering outgoing webhooks: a creator registers an endpoint for events and gets its signing secret
// once (never in the list); plain http, unknown events and members who may not manage integrations are
// refused, and other workspaces see none of it.
import { beforeAll, describe, expect, it } from "vitest";
import { call, errorOf } from "../auth/helpers";
import { seedDashboardWorkspace, type DashboardWorkspace } from "../conversations/inbox-helpers";
import { hookUrl, register, type Webhook } from "./webhook-helpers";

let workspace: DashboardWorkspace;

beforeAll(async () => {
  workspace = await seedDashboardWorkspace();
});

describe("registering a webhook", () => {
  it("answers the signing secret once, never in the list", async () => {
    const hook = await register(workspace, ["human.requested"], hookUrl("secret-once"));
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const { webhooks } = (await (
      await call("/api/v1/integrations/webhooks", { token: workspace.members.admin.token })
    ).json()) as { webhooks: Webhook[] };
    const listed = webhooks.find((w) => w.id === hook.id);
    expect(listed).toMatchObject({ url: hookUrl("secret-once"), events: ["human.requested"] });
    expect(JSON.stringify(webhooks)).not.toContain(hook.secret);
  });

  it("refuses plain http to another host, unknown events, and members who may not manage integrations", async () => {
    const plain = await call("/api/v1/integrations/webhooks", {
      token: workspace.members.owner.token,
      body: { url: "http://example.com/hook", events: ["ping"] },
    });
    expect(plain.status).toBe(400);
    const refused = await call("/api/v1/integrations/webhooks", {
      token: workspace.members.owner.token,
      body: { url: "http://example.com/hook", events: ["human.requested"] },
    });
    expect(await errorOf(refused)).toMatchObject({
      code: "invalid_webhook_url",
      message: "The webhook URL must use https.",
    });
    expect(
      (
        await call("/api/v1/integrations/webhooks", {
          token: workspace.members.editor.token,
          body: { url: hookUrl("x"), events: ["human.requested"] },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call("/api/v1/integrations/webhooks", { token: workspace.members.viewer.token }))
        .status,
    ).toBe(403);
  });
});

describe("another workspace", () => {
  it("gets 404 for a webhook id that is not theirs, and the webhook survives", async () => {
    const hook = await register(workspace, ["human.requested"], hookUrl("foreign"));
    const other = await seedDashboardWorkspace();
    const token = other.members.owner.token;
    expect(
      (await call(`/api/v1/integrations/webhooks/${hook.id}/deliveries`, { token })).status,
    ).toBe(404);
    expect(
      (await call(`/api/v1/integrations/webhooks/${hook.id}/test`, { token, body: {} })).status,
    ).toBe(404);
    expect(
      (await call(`/api/v1/integrations/webhooks/${hook.id}`, { method: "DELETE", token })).status,
    ).toBe(404);
    expect(
      (
        await call(`/api/v1/integrations/webhooks/${hook.id}/deliveries`, {
          token: workspace.members.owner.token,
        })
      ).status,
    ).toBe(200);
    const removed = await call(`/api/v1/integrations/webhooks/${hook.id}`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(await removed.json()).toEqual({ id: hook.id, deleted: true });
  });
});
