// WhatsApp message templates: the creator configures a number's approved template (on connect or
// later), sees it on the channel, and proactive messages outside the 24-hour window go out as that
// template in the Cloud API's shape; without one the sender is told what to do. The number's business
// account's templates are listed with their review status and category, page by page, and deleted
// (the configured one is unset with it).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  ChannelView,
  WhatsAppTemplateDeleted,
  WhatsAppTemplatePage,
} from "@coach/contracts/channels";
import { findChannelById } from "../../../worker/db/channel-directory";
import { AppError } from "../../../worker/lib/errors";
import { sendProactiveTemplate } from "../../../worker/channels/whatsapp/templates";
import { openWhatsAppConfig } from "../../../worker/channels/channel-config";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { connectBot, connectNumber, graphCalls, type ConnectedNumber } from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

const CHECK_IN = { name: "coach_check_in", language: "en_US", body_parameter: true };
/** A template every business account of the Graph stand-in has, in two languages. */
const CHECK_IN_STAND_IN = { name: "coach_checkin", language: "en_US", body_parameter: true };

function putTemplate(
  channelId: string,
  body: object,
  token = workspace.members.owner.token,
): Promise<Response> {
  return call(`/api/v1/channels/${channelId}/template`, { method: "PUT", token, body });
}

async function entry(number: ConnectedNumber) {
  const channel = await findChannelById(env.DB, "whatsapp", number.channel.id);
  if (!channel) throw new Error("channel not found");
  return channel;
}

async function templateSends(number: ConnectedNumber) {
  return (await graphCalls(number.phoneId)).filter((c) => c.body?.type === "template");
}

describe("configuring a number's template", () => {
  it("is shown on the channel once set, and the setting is audited", async () => {
    const number = await connectNumber(workspace);
    expect(number.channel.template).toBeNull();
    const res = await putTemplate(number.channel.id, CHECK_IN);
    expect(res.status).toBe(200);
    expect(((await res.json()) as ChannelView).template).toEqual(CHECK_IN);
    const view = (await (
      await call(`/api/v1/channels/${number.channel.id}`, { token: workspace.members.owner.token })
    ).json()) as ChannelView;
    expect(view.template).toEqual(CHECK_IN);
    const audit = await call(`/api/v1/audit?target_id=${number.channel.id}`, {
      token: workspace.members.owner.token,
    });
    const { events } = (await audit.json()) as { events: { action: string }[] };
    expect(events.map((e) => e.action)).toContain("channel.template_set");
  });

  it("can be given when the number is connected", async () => {
    const input = {
      phone_number_id: "4455667788",
      access_token: "EAAG-template-token",
      app_secret: "template-app-secret",
      verify_token: "template-verify",
      template: CHECK_IN,
    };
    const res = await call("/api/v1/channels/whatsapp", {
      token: workspace.members.owner.token,
      body: input,
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as ChannelView).template).toEqual(CHECK_IN);
  });

  it("refuses a Telegram channel with a clear code", async () => {
    const bot = await connectBot(workspace);
    const res = await putTemplate(bot.channel.id, CHECK_IN);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("channel_not_whatsapp");
  });

  it("refuses a malformed template and a viewer, and answers another workspace's channel as not found", async () => {
    const number = await connectNumber(workspace);
    expect(
      (
        await putTemplate(number.channel.id, {
          name: "Check In!",
          language: "en_US",
          body_parameter: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (await putTemplate(number.channel.id, CHECK_IN, workspace.members.viewer.token)).status,
    ).toBe(403);
    const other = await seedWorkspace();
    expect((await putTemplate(number.channel.id, CHECK_IN, other.members.owner.token)).status).toBe(
      404,
    );
  });
});

describe("sending a proactive template", () => {
  it("sends the template with the text as its body parameter, in the Cloud API's shape", async () => {
    const number = await connectNumber(workspace);
    await putTemplate(number.channel.id, CHECK_IN);
    const wamid = await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await entry(number)),
      "15550900",
      "Time for your weekly check-in.\n\nHow did it go?",
    );
    const [sent] = await templateSends(number);
    expect(sent?.sent_id).toBe(wamid);
    expect(sent?.token).toBe(number.accessToken);
    expect(sent?.body).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15550900",
      type: "template",
      template: {
        name: "coach_check_in",
        language: { code: "en_US" },
        components: [
          {
            type: "body",
            parameters: [{ type: "text", text: "Time for your weekly check-in. How did it go?" }],
          },
        ],
      },
    });
  });

  it("sends a template without parameters as it is", async () => {
    const number = await connectNumber(workspace);
    await putTemplate(number.channel.id, {
      name: "coach_nudge",
      language: "de",
      body_parameter: false,
    });
    await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await entry(number)),
      "15550901",
      "ignored text",
    );
    const [sent] = await templateSends(number);
    expect(sent?.body?.template).toEqual({ name: "coach_nudge", language: { code: "de" } });
  });

  it("refuses with whatsapp_template_required when no template is configured, sending nothing", async () => {
    const number = await connectNumber(workspace);
    const failure = await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await entry(number)),
      "15550902",
      "Hello",
    ).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ status: 409, code: "whatsapp_template_required" });
    expect((failure as AppError).message).toContain("/template");
    expect(await templateSends(number)).toEqual([]);
  });

  it("reports a template WhatsApp does not know as refused", async () => {
    const number = await connectNumber(workspace);
    await putTemplate(number.channel.id, {
      name: "unapproved_promo",
      language: "en",
      body_parameter: true,
    });
    const failure = await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await entry(number)),
      "15550903",
      "Hello",
    ).catch((err: unknown) => err);
    expect(failure).toMatchObject({ status: 400, code: "whatsapp_template_refused" });
  });
});

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
    await putTemplate(number.channel.id, {
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
    await putTemplate(number.channel.id, CHECK_IN_STAND_IN);
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
    expect((await openWhatsAppConfig(env, await entry(number))).template).toBeUndefined();
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
