// Messaging channels of the workspace (dashboard): connect a Telegram bot or a WhatsApp number,
// inspect their status, rotate their secrets, disconnect them; a WhatsApp number's message templates
// (listed with their review status, deleted) and the one it sends. Credentials go in and never come out.
import {
  ChannelRotateSchema,
  TelegramConnectSchema,
  WhatsAppConnectSchema,
  WhatsAppTemplateQuerySchema,
  WhatsAppTemplateSchema,
} from "@coach/contracts/channels";
import { desc } from "drizzle-orm";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import {
  connectTelegram,
  deleteTelegramWebhook,
  rotateTelegram,
  telegramWebhookInfo,
} from "../channels/telegram/admin";
import { connectWhatsApp, rotateWhatsApp, setWhatsAppTemplate } from "../channels/whatsapp/admin";
import {
  deleteChannelTemplate,
  listChannelTemplates,
} from "../channels/whatsapp/template-catalogue";
import { channelView } from "../channels/channel-view";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import { queryParams } from "../middleware/query-params";
import { signedIn, signedInJson } from "../middleware/signed-in";
import { AppError } from "../lib/errors";

function connected(channel: TenantRow<"channels">): TenantRow<"channels"> {
  if (channel.status === "disconnected")
    throw new AppError(
      409,
      "channel_disconnected",
      "This channel is disconnected. Connect it again first.",
    );
  return channel;
}

/** The channel when it is a connected WhatsApp number: only those have message templates. */
function whatsapp(channel: TenantRow<"channels">): TenantRow<"channels"> {
  if (connected(channel).kind !== "whatsapp")
    throw new AppError(
      409,
      "channel_not_whatsapp",
      "Message templates exist only on WhatsApp channels; this channel is not one.",
    );
  return channel;
}

/**
 * The workspace's gateway and the channel named in the path (404 for another workspace's), once
 * `usable` accepts it (409 otherwise).
 */
async function channelInPath(
  c: Context<AppEnv>,
  usable: (channel: TenantRow<"channels">) => TenantRow<"channels">,
) {
  const gateway = forPrincipal(c.env.DB, c.get("principal"));
  return { gateway, channel: usable(await gateway.get("channels", c.req.param("id") ?? "")) };
}

/** A template's name as WhatsApp allows it. */
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;

export const channelRoutes = new Hono<AppEnv>()
  .get("/", ...signedIn("channels:read"), async (c) => {
    const rows = await forPrincipal(c.env.DB, c.get("principal")).list("channels", {
      orderBy: (t) => desc(t.createdAt),
    });
    const origin = new URL(c.req.url).origin;
    const channels = rows.filter((r) => r.kind !== "web");
    return c.json({
      channels: await Promise.all(channels.map((r) => channelView(c.env, r, origin))),
    });
  })
  .post("/telegram", ...signedInJson("channels:write", TelegramConnectSchema), async (c) => {
    const origin = new URL(c.req.url).origin;
    const channel = await connectTelegram(
      c.env,
      forPrincipal(c.env.DB, c.get("principal")),
      origin,
      c.req.valid("json").bot_token,
      c.get("logger"),
    );
    await recordAudit(c, {
      action: "channel.connected",
      target: { type: "channel", id: channel.id },
      metadata: { kind: "telegram", external_id: channel.externalId },
    });
    return c.json(await channelView(c.env, channel, origin), 201);
  })
  .post("/whatsapp", ...signedInJson("channels:write", WhatsAppConnectSchema), async (c) => {
    const channel = await connectWhatsApp(
      c.env,
      forPrincipal(c.env.DB, c.get("principal")),
      c.req.valid("json"),
    );
    await recordAudit(c, {
      action: "channel.connected",
      target: { type: "channel", id: channel.id },
      metadata: { kind: "whatsapp", external_id: channel.externalId },
    });
    return c.json(await channelView(c.env, channel, new URL(c.req.url).origin), 201);
  })
  .get("/:id", ...signedIn("channels:read"), async (c) => {
    const channel = await forPrincipal(c.env.DB, c.get("principal")).get(
      "channels",
      c.req.param("id"),
    );
    const view = await channelView(c.env, channel, new URL(c.req.url).origin);
    if (channel.kind === "telegram" && channel.status !== "disconnected") {
      try {
        view.webhook_info = await telegramWebhookInfo(c.env, channel);
      } catch (err) {
        c.get("logger").warn("telegram webhook info unavailable", {
          channel_id: channel.id,
          error_message: err instanceof Error ? err.message : String(err),
        });
      }
    }
    return c.json(view);
  })
  .post("/:id/rotate", ...signedInJson("channels:write", ChannelRotateSchema), async (c) => {
    const { gateway, channel } = await channelInPath(c, connected);
    const origin = new URL(c.req.url).origin;
    const input = c.req.valid("json");
    const rotated =
      channel.kind === "telegram"
        ? await rotateTelegram(c.env, gateway, origin, channel)
        : await rotateWhatsApp(c.env, gateway, channel, input);
    const fields = channel.kind === "telegram" ? ["webhook_secret"] : Object.keys(input);
    await recordAudit(c, {
      action: "channel.rotated",
      target: { type: "channel", id: channel.id },
      metadata: { kind: channel.kind, fields },
    });
    return c.json(await channelView(c.env, rotated, origin));
  })
  .put("/:id/template", ...signedInJson("channels:write", WhatsAppTemplateSchema), async (c) => {
    const { gateway, channel } = await channelInPath(c, whatsapp);
    const template = c.req.valid("json");
    const updated = await setWhatsAppTemplate(c.env, gateway, channel, template);
    await recordAudit(c, {
      action: "channel.template_set",
      target: { type: "channel", id: channel.id },
      metadata: { name: template.name, language: template.language },
    });
    return c.json(await channelView(c.env, updated, new URL(c.req.url).origin));
  })
  .get(
    "/:id/templates",
    ...signedIn("channels:read"),
    queryParams(WhatsAppTemplateQuerySchema),
    async (c) => {
      const { channel } = await channelInPath(c, whatsapp);
      return c.json(await listChannelTemplates(c.env, channel, c.req.valid("query")));
    },
  )
  .delete("/:id/templates/:name", ...signedIn("channels:write"), async (c) => {
    const name = c.req.param("name");
    if (!TEMPLATE_NAME.test(name))
      throw new AppError(
        400,
        "validation_failed",
        "A template's name is lowercase letters, digits and _, as in the WhatsApp Manager.",
      );
    const { gateway, channel } = await channelInPath(c, whatsapp);
    const deleted = await deleteChannelTemplate(c.env, gateway, channel, name);
    await recordAudit(c, {
      action: "channel.template_deleted",
      target: { type: "channel", id: channel.id },
      metadata: { name, was_configured: deleted.was_configured },
    });
    return c.json(deleted);
  })
  .delete("/:id", ...signedIn("channels:write"), async (c) => {
    const { gateway, channel } = await channelInPath(c, connected);
    if (channel.kind === "telegram") await deleteTelegramWebhook(c.env, channel);
    const disconnected = await gateway.update("channels", channel.id, {
      status: "disconnected",
      externalId: null,
      configEncrypted: null,
      webhookSecretHash: null,
      updatedAt: Date.now(),
    });
    await recordAudit(c, {
      action: "channel.disconnected",
      target: { type: "channel", id: channel.id },
      metadata: { kind: channel.kind, external_id: channel.externalId },
    });
    return c.json(await channelView(c.env, disconnected, new URL(c.req.url).origin));
  });
