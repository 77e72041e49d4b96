// `GET /api/v1/widget/enrollment`: what the widget's program bar reads to show a visitor where they stand
// with the program the embed offers, with their own visitor token from their own origin only.
import type { WidgetEnrollmentView } from "@coach/contracts/programs";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { ORIGIN, openSession } from "../../support/widget-client";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { eventually } from "../channels/channel-helpers";
import { createProgram, oneMessage, runAt } from "../programs/program-helpers";

let workspace: SeededWorkspace;
let publicKey: string;
/** The next 12:00 UTC: after the visitor joined, and outside the default quiet hours. */
const NOON = Math.ceil((Date.now() - 12 * 3_600_000) / 86_400_000) * 86_400_000 + 12 * 3_600_000;

beforeAll(async () => {
  workspace = await seedWorkspace();
  const res = await call("/api/v1/widget", {
    method: "PUT",
    token: workspace.members.owner.token,
    body: { allowed_origins: [ORIGIN] },
  });
  publicKey = ((await res.json()) as { public_key: string }).public_key;
});

/** A new visitor of the workspace's widget: their token and contact id. */
async function visitor(): Promise<{ token: string; contactId: string }> {
  const session = await openSession({ tenantId: workspace.tenantId, publicKey });
  const conversation = await call(`/api/v1/conversations/${session.conversation_id}`, {
    token: workspace.members.owner.token,
  });
  const contactId = ((await conversation.json()) as { contact: { id: string } }).contact.id;
  return { token: session.visitor_token, contactId };
}

function widgetCall(
  route: string,
  token: string,
  options: { method?: string; body?: object; origin?: string } = {},
): Promise<Response> {
  return exports.default.fetch(`http://edge.test/api/v1/widget/${route}`, {
    method: options.method ?? "GET",
    headers: {
      Origin: options.origin ?? ORIGIN,
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
    },
    body: options.body ? JSON.stringify(options.body) : undefined,
  });
}

async function standing(slug: string, token: string): Promise<WidgetEnrollmentView> {
  const res = await widgetCall(`enrollment?program_slug=${slug}`, token);
  expect(res.status).toBe(200);
  return (await res.json()) as WidgetEnrollmentView;
}

describe("GET /api/v1/widget/enrollment", () => {
  it("refuses a request without a visitor token or with a forged one", async () => {
    const bare = await exports.default.fetch("http://edge.test/api/v1/widget/enrollment", {
      headers: { Origin: ORIGIN },
    });
    expect(bare.status).toBe(401);
    const forged = await widgetCall("enrollment", "vt1.forged.token");
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it("refuses a visitor token used from another site than the one it was issued to", async () => {
    const { token } = await visitor();
    const res = await widgetCall("enrollment", token, { origin: "https://elsewhere.example" });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      "origin_not_allowed",
    );
  });

  it("answers 404 program_not_found for a slug no open program has, and for another workspace's program", async () => {
    const { token } = await visitor();
    const unknown = await widgetCall("enrollment?program_slug=no-such-program", token);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      "program_not_found",
    );

    const other = await seedWorkspace();
    const theirs = await createProgram(other);
    expect((await widgetCall(`enrollment?program_slug=${theirs.slug}`, token)).status).toBe(404);
  });

  it("names the program, with no status before the visitor joins, and lets their origin read it", async () => {
    const program = await createProgram(workspace, { name: "Morning routine" });
    const { token } = await visitor();
    const res = await widgetCall(`enrollment?program_slug=${program.slug}`, token);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    expect(await res.json()).toEqual({
      program: { slug: program.slug, name: "Morning routine" },
      status: null,
      opted_out: false,
    });
  });

  it("answers only the visitor's consent when no program is asked about", async () => {
    const { token } = await visitor();
    const res = await widgetCall("enrollment", token);
    expect(await res.json()).toEqual({ program: null, status: null, opted_out: false });
  });

  it("follows the visitor joining, stopping everything and joining again", async () => {
    const program = await createProgram(workspace, {
      steps: {
        nodes: [
          { id: "later", kind: "wait", duration_minutes: 60 },
          { id: "end", kind: "end" },
        ],
        edges: [{ from: "later", to: "end" }],
      },
    });
    const { token } = await visitor();
    expect(
      (await widgetCall("enroll", token, { method: "POST", body: { program_slug: program.slug } }))
        .status,
    ).toBe(201);
    expect(await standing(program.slug, token)).toMatchObject({
      status: "active",
      opted_out: false,
    });

    expect((await widgetCall("stop", token, { method: "POST" })).status).toBe(200);
    expect(await standing(program.slug, token)).toMatchObject({
      status: "stopped",
      opted_out: true,
    });

    expect(
      (await widgetCall("enroll", token, { method: "POST", body: { program_slug: program.slug } }))
        .status,
    ).toBe(201);
    expect(await standing(program.slug, token)).toMatchObject({
      status: "active",
      opted_out: false,
    });
  });

  it("keeps the contact's consent in D1 in step when the visitor stops and joins again", async () => {
    const program = await createProgram(workspace);
    const { token, contactId } = await visitor();
    const contact = () => forTenant(env.DB, workspace.tenantId).get("contacts", contactId);
    await widgetCall("stop", token, { method: "POST" });
    expect((await contact()).optedOutAt).not.toBeNull();
    await widgetCall("enroll", token, { method: "POST", body: { program_slug: program.slug } });
    expect(await contact()).toMatchObject({ optedOutAt: null, consentAt: expect.any(Number) });
  });

  it("says completed once the program has run to its end", async () => {
    const program = await createProgram(workspace, { steps: oneMessage("Welcome!") });
    const { token, contactId } = await visitor();
    await widgetCall("enroll", token, { method: "POST", body: { program_slug: program.slug } });
    await runAt(workspace.tenantId, contactId, NOON);
    await eventually(async () =>
      expect((await standing(program.slug, token)).status).toBe("completed"),
    );
  });

  it("answers the preflight of a read that carries the visitor token", async () => {
    const res = await exports.default.fetch("http://edge.test/api/v1/widget/enrollment", {
      method: "OPTIONS",
      headers: {
        Origin: ORIGIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    expect(res.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });
});
