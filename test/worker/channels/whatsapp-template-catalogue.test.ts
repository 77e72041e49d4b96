// The WhatsApp business account's message templates: listed with their review status and category,
// page by page, with the number's configured one marked, and deleted (the configured one is unset with
// it); a viewer may list but not delete, and listing needs the business account's id.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { WhatsAppTemplateDeleted, WhatsAppTemplatePage } from "@coach/contracts/channels";
import { openWhatsAppConfig } from "../../../worker/channels/channel-config";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectNumber, putTemplate, whatsAppEntry, type ConnectedNumber } from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

/** A template every business account of the Graph stand-in has, in two languages. */
const CHECK_IN_STAND_IN = { name: "coach_checkin", language: "en_US", body_parameter: true };

describe("the business account's templates", () => {
  async function withAccount(): Promise<ConnectedNumber> {
    const number = await connectNumber(workspace);
    const res = await call(`/api/v1/channels/${number.channel.id}/rotate`, {
      token: workspace.members.owner.token,
      body: { business_account_id: `77${number.phoneId}` },
    });
    expect(res.status).toBe(200);
    return number;
  }

  async function page(channelId: string, query = ""): Promise<WhatsAppTemplatePage> {
    const res = await call(`/api/v1/channels/${channelId}/templates${query}`, {
      token: workspace.members.viewer.token,
    });
    expect(res.status).toBe(200);
    return (await res.json()) as WhatsAppTemplatePage;
  }

  it("asks for the business account id before it can list them", async () => {
    const number = await connectNumber(workspace);
    const res = await call(`/api/v1/channels/${number.channel.id}/templates`, {
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({
      code: "whatsapp_business_account_required",
      message: expect.stringContaining("business_account_id"),
    });
  });

  it("lists each template with its status and category, page by page, marking the configured one", async () => {
    const number = await withAccount();
    await putTemplate(workspace, number.channel.id, {
      name: "coach_checkin",
      language: "es",
      body_parameter: true,
    });
    const first = await page(number.channel.id, "?limit=5");
    expect(first.templates.slice(0, 5)).toEqual([
      {
        name: "coach_checkin",
        language: "en_US",
        status: "APPROVED",
        category: "UTILITY",
        configured: false,
      },
      {
        name: "coach_checkin",
        language: "es",
        status: "APPROVED",
        category: "UTILITY",
        configured: true,
      },
      {
        name: "spring_offer",
        language: "en_US",
        status: "PENDING",
        category: "MARKETING",
        configured: false,
      },
      {
        name: "weekly_digest",
        language: "en_US",
        status: "REJECTED",
        category: "MARKETING",
        configured: false,
      },
      {
        name: "login_code",
        language: "en_US",
        status: "APPROVED",
        category: "AUTHENTICATION",
        configured: false,
      },
    ]);
    expect(first.next_cursor).not.toBeNull();
    const second = await page(number.channel.id, `?limit=5&after=${first.next_cursor}`);
    expect(second.templates.map((t) => t.status)).toEqual([
      "PAUSED",
      "DISABLED",
      "APPROVED",
      "APPROVED",
      "APPROVED",
    ]);
    const last = await page(number.channel.id, "?limit=100");
    expect(last.templates).toHaveLength(31);
    expect(last.next_cursor).toBeNull();
  });

  it("deletes every language of a template, unsets it when it was the configured one, and audits it", async () => {
    const number = await withAccount();
    await putTemplate(workspace, number.channel.id, CHECK_IN_STAND_IN);
    const res = await call(`/api/v1/channels/${number.channel.id}/templates/coach_checkin`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as WhatsAppTemplateDeleted).toEqual({
      name: "coach_checkin",
      deleted: true,
      was_configured: true,
    });
    expect(
      (await page(number.channel.id, "?limit=100")).templates.map((t) => t.name),
    ).not.toContain("coach_checkin");
    expect((await openWhatsAppConfig(env, await whatsAppEntry(number))).template).toBeUndefined();
    const audit = await call(`/api/v1/audit?target_id=${number.channel.id}`, {
      token: workspace.members.owner.token,
    });
    const { events } = (await audit.json()) as { events: { action: string }[] };
    expect(events.map((e) => e.action)).toContain("channel.template_deleted");

    const gone = await call(`/api/v1/channels/${number.channel.id}/templates/coach_checkin`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(gone.status).toBe(404);
    expect((await errorOf(gone)).message).toContain('no template named "coach_checkin"');
  });

  it("lets a viewer list but not delete, and refuses a name WhatsApp could not have", async () => {
    const number = await withAccount();
    const viewer = await call(`/api/v1/channels/${number.channel.id}/templates/spring_offer`, {
      method: "DELETE",
      token: workspace.members.viewer.token,
    });
    expect(viewer.status).toBe(403);
    const malformed = await call(`/api/v1/channels/${number.channel.id}/templates/Spring-Offer`, {
      method: "DELETE",
      token: workspace.members.owner.token,
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("validation_failed");
  });
});
