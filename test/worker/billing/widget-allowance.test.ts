// The widget's plans panel tells a visitor what their plan leaves them: the answers used this UTC month
// against the plan's allowance, and when the count starts again; nothing when the workspace meters
// nothing.
import type { WidgetMembershipView } from "@coach/contracts/billing";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createPlan } from "../../../worker/billing/plans";
import { takeAnswer } from "../../../worker/db/billing-store";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { createWorkspace, openSession, ORIGIN, type Workspace } from "../../support/widget-client";
import { stripe } from "./billing-helpers";

/** A visitor of `workspace`: their contact, and their panel as the widget reads it. */
async function visitor(workspace: Workspace) {
  const { visitor_token: token } = await openSession(workspace);
  const [contact] = await forTenant(env.DB, workspace.tenantId).list("contacts");
  const read = async () => {
    const res = await exports.default.fetch("http://edge.test/api/v1/widget/billing", {
      headers: { Authorization: `Bearer ${token}`, Origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as WidgetMembershipView;
  };
  return { contactId: contact!.id, read };
}

describe("GET /api/v1/widget/billing", () => {
  it("answers the answers left this month and when the count starts again", async () => {
    const workspace = await createWorkspace();
    const free = await createPlan(forTenant(env.DB, workspace.tenantId), stripe, {
      kind: "free",
      name: "Free",
      monthly_messages: 3,
    });
    const { contactId, read } = await visitor(workspace);
    expect((await read()).allowance).toMatchObject({
      plan_id: free.id,
      monthly_messages: 3,
      used: 0,
      remaining: 3,
    });

    const now = Date.now();
    for (let i = 0; i < 2; i++) await takeAnswer(env.DB, workspace.tenantId, contactId, 3, now);
    const { allowance } = await read();
    expect(allowance).toMatchObject({ used: 2, remaining: 1 });
    const today = new Date(now);
    expect(allowance?.resets_at).toBe(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  });

  it("answers no allowance when the workspace sells nothing", async () => {
    const { read } = await visitor(await createWorkspace());
    expect((await read()).allowance).toBeNull();
  });
});
