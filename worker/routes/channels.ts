// Messaging channels of the workspace (dashboard): connect a Telegram bot or a WhatsApp number,
// inspect their status, rotate their secrets, disconnect them. Credentials go in and never come out.
import {
  ChannelRotateSchema,
  TelegramConnectSchema,
  WhatsAppConnectSchema,
  WhatsAppTemplateSchema,
  type ChannelView,
} from "@coach/contracts/channels";
import { desc } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../lib/app-env";
import { recordAudit } from "../auth/audit";
import {
  connectTelegram,
  deleteTelegramWebhook,
  rotateTelegram,
  telegramWebhookInfo,
  telegramWebhookUrl,
} from "../channels/telegram/admin";
import {
  connectWhatsApp,
  rotateWhatsApp,
  setWhatsAppTemplate,
  whatsappWebhookUrl,
} from "../channels/whatsapp/admin";
import { channelDetails } from "../channels/channel-details";
import { forPrincipal, type TenantRow } from "../db/tenant-gateway";
import { authenticate } from "../middleware/authenticate";
import { jsonBody } from "../middleware/json-body";
import { requirePermission } from "../middleware/require-permission";
import { AppError, notFound } from "../lib/errors";

function toView(channel: TenantRow<"channels">, origin: string): ChannelView {
  if (channel.kind === "web") throw notFound("channel");
  const webhookUrl =
    channel.status === "disconnected" || !channel.externalId
      ? null
      : channel.kind === "telegram"
        ? telegramWebhookUrl(origin, channel.externalId)
        : whatsappWebhookUrl(origin, channel.id);
  return {
    id: channel.id,
    kind: channel.kind,
    status: channel.status,
    external_id: channel.externalId,
    webhook_url: webhookUrl,
    last_error: channel.lastError,
    last_message_at: channel.lastMessageAt,
    created_at: channel.createdAt,
    updated_at: channel.updatedAt,
  };
}

/** The view with what the sealed config shows of the channel (bot username, number, template). */
async function viewWithDetails(
  env: Env,
  channel: TenantRow<"channels">,
  origin: string,
): Promise<ChannelView> {
  return { ...toView(channel, origin), ...(await channelDetails(env, channel)) };
}

function connected(channel: TenantRow<"channels">): TenantRow<"channels"> {
  if (channel.status === "disconnected")
    throw new AppError(
      409,
      "channel_disconnected",
      "This channel is disconnected. Connect it again first.",
    );
  return channel;
}

export const channelRoutes = new Hono<AppEnv>()
  .get("/", authenticate(), requirePermission("channels:read"), async (c) => {
    const rows = await forPrincipal(c.env.DB, c.get("principal")).list("channels", {
      orderBy: (t) => desc(t.createdAt),
    });
    const origin = new URL(c.req.url).origin;
    const channels = rows.filter((r) => r.kind !== "web");
    return c.json({
      channels: await Promise.all(channels.map((r) => viewWithDetails(c.env, r, origin))),
    });
  })
  .post(
    "/telegram",
    authenticate(),
    requirePermission("channels:write"),
    jsonBody(TelegramConnectSchema),
    async (c) => {
      const origin = new URL(c.req.url).origin;
      const channel = await connectTelegram(
        c.env,
        forPrincipal(c.env.DB, c.get("principal")),
        origin,
        c.req.valid("json").bot_token,
      );
      await recordAudit(c, {
        action: "channel.connected",
        target: { type: "channel", id: channel.id },
        metadata: { kind: "telegram", external_id: channel.externalId },
      });
      return c.json(await viewWithDetails(c.env, channel, origin), 201);
    },
  )
  .post(
    "/whatsapp",
    authenticate(),
    requirePermission("channels:write"),
    jsonBody(WhatsAppConnectSchema),
    async (c) => {
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
      return c.json(await viewWithDetails(c.env, channel, new URL(c.req.url).origin), 201);
    },
  )
  .get("/:id", authenticate(), requirePermission("channels:read"), async (c) => {
    const channel = await forPrincipal(c.env.DB, c.get("principal")).get(
      "channels",
      c.req.param("id"),
    );
    const view = await viewWithDetails(c.env, channel, new URL(c.req.url).origin);
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
  .post(
    "/:id/rotate",
    authenticate(),
    requirePermission("channels:write"),
    jsonBody(ChannelRotateSchema),
    async (c) => {
      const gateway = forPrincipal(c.env.DB, c.get("principal"));
      const channel = connected(await gateway.get("channels", c.req.param("id")));
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
      return c.json(await viewWithDetails(c.env, rotated, origin));
    },
  )
  .put(
    "/:id/template",
    authenticate(),
    requirePermission("channels:write"),
    jsonBody(WhatsAppTemplateSchema),
    async (c) => {
      const gateway = forPrincipal(c.env.DB, c.get("principal"));
      const channel = connected(await gateway.get("channels", c.req.param("id")));
      if (channel.kind !== "whatsapp")
        throw new AppError(
          409,
          "channel_not_whatsapp",
          "Message templates exist only on WhatsApp channels; this channel is not one.",
        );
      const template = c.req.valid("json");
      const updated = await setWhatsAppTemplate(c.env, gateway, channel, template);
      await recordAudit(c, {
        action: "channel.template_set",
        target: { type: "channel", id: channel.id },
        metadata: { name: template.name, language: template.language },
      });
      return c.json(await viewWithDetails(c.env, updated, new URL(c.req.url).origin));
    },
  )
  .delete("/:id", authenticate(), requirePermission("channels:write"), async (c) => {
    const gateway = forPrincipal(c.env.DB, c.get("principal"));
    const channel = connected(await gateway.get("channels", c.req.param("id")));
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
    return c.json(await viewWithDetails(c.env, disconnected, new URL(c.req.url).origin));
  });
