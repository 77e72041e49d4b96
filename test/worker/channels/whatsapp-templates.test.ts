// WhatsApp message templates: the creator configures a number's approved template (on connect or
// later), sees it on the channel, and proactive messages outside the 24-hour window go out as that
// template in the Cloud API's shape; without one the sender is told what to do. The business
// account's own list of templates is in whatsapp-template-catalogue.test.ts.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChannelView } from "@coach/contracts/channels";
import { AppError } from "../../../worker/lib/errors";
import { sendProactiveTemplate } from "../../../worker/channels/whatsapp/templates";
import { openWhatsAppConfig } from "../../../worker/channels/channel-config";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import {
  connectBot,
  connectNumber,
  graphCalls,
  putTemplate,
  whatsAppEntry,
  type ConnectedNumber,
} from "./channel-helpers";

let workspace: SeededWorkspace;

beforeAll(async () => {
  workspace = await seedWorkspace();
});

const CHECK_IN = { name: "coach_check_in", language: "en_US", body_parameter: true };

async function templateSends(number: ConnectedNumber) {
  return (await graphCalls(number.phoneId)).filter((c) => c.body?.type === "template");
}

describe("configuring a number's template", () => {
  it("is shown on the channel once set, and the setting is audited", async () => {
    const number = await connectNumber(workspace);
    expect(number.channel.template).toBeNull();
    const res = await putTemplate(workspace, number.channel.id, CHECK_IN);
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
    const res = await putTemplate(workspace, bot.channel.id, CHECK_IN);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe("channel_not_whatsapp");
  });

  it("refuses a malformed template and a viewer, and answers another workspace's channel as not found", async () => {
    const number = await connectNumber(workspace);
    expect(
      (
        await putTemplate(workspace, number.channel.id, {
          name: "Check In!",
          language: "en_US",
          body_parameter: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (await putTemplate(workspace, number.channel.id, CHECK_IN, workspace.members.viewer.token))
        .status,
    ).toBe(403);
    const other = await seedWorkspace();
    expect(
      (await putTemplate(workspace, number.channel.id, CHECK_IN, other.members.owner.token)).status,
    ).toBe(404);
  });
});

describe("sending a proactive template", () => {
  it("sends the template with the text as its body parameter, in the Cloud API's shape", async () => {
    const number = await connectNumber(workspace);
    await putTemplate(workspace, number.channel.id, CHECK_IN);
    const wamid = await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await whatsAppEntry(number)),
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
    await putTemplate(workspace, number.channel.id, {
      name: "coach_nudge",
      language: "de",
      body_parameter: false,
    });
    await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await whatsAppEntry(number)),
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
      await openWhatsAppConfig(env, await whatsAppEntry(number)),
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
    await putTemplate(workspace, number.channel.id, {
      name: "unapproved_promo",
      language: "en",
      body_parameter: true,
    });
    const failure = await sendProactiveTemplate(
      env,
      await openWhatsAppConfig(env, await whatsAppEntry(number)),
      "15550903",
      "Hello",
    ).catch((err: unknown) => err);
    expect(failure).toMatchObject({ status: 400, code: "whatsapp_template_refused" });
  });
});
