// Webhooks from the messaging platforms, mounted at /webhooks (outside /api/v1: no user credentials,
// the platforms sign their calls). Each verifies first, takes the tenant only from the channel mapping,
// deduplicates, hands the message to its room (which returns once it is stored) and answers 200,
// leaving the answer and replies to waitUntil, so a slow coach never makes a platform retry. A failed
// hand-off releases the event and answers 503, so the platform's redelivery is not dropped as seen.
// Malformed or unknown events are acknowledged and logged, and so are the verified updates of a closed
// workspace, which are dropped unprocessed.
import { TelegramUpdateEnvelopeSchema, WhatsAppWebhookSchema } from "@coach/contracts/channels";
import type { Update } from "grammy/types";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { openTelegramConfig, openWhatsAppConfig } from "../channels/channel-config";
import { HandOff, redeliveryRequested } from "../channels/hand-off";
import { secretMatches } from "../channels/secret-box";
import { buildBot } from "../channels/telegram/bot";
import { reportBotError } from "../channels/telegram/bot-context";
import { parseJson, readWebhookBody } from "../channels/webhook-body";
import { parseHubSignature, verifyHubSignature } from "../channels/whatsapp/signature";
import { handleWhatsAppEvents } from "../channels/whatsapp/webhook-events";
import {
  claimEvent,
  findChannelByExternalId,
  findChannelById,
  releaseEvent,
} from "../db/channel-directory";
import { AppError } from "../lib/errors";
import { describeError } from "../lib/logger";
import { workspaceClosed } from "../workspace/workspace-closed";

const TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

function unauthorized(): AppError {
  return new AppError(
    401,
    "webhook_unauthorized",
    "The webhook signature or secret is missing or wrong.",
  );
}

/**
 * A verified update for a closed workspace: acknowledged, so the platform stops retrying, and dropped
 * (nothing stored, nothing answered).
 */
function closedWorkspaceUpdate(c: Context<AppEnv>, channelId: string): Response {
  c.get("logger").info("webhook ignored: the workspace is closed", { channel_id: channelId });
  return c.body(null, 200);
}

export const webhookRoutes = new Hono<AppEnv>()
  .post("/telegram/:botId", async (c) => {
    const logger = c.get("logger");
    const botId = c.req.param("botId");
    const presented = c.req.header(TELEGRAM_SECRET_HEADER);
    // Refused before any lookup: a flood of unsigned requests costs no database read.
    if (presented === undefined) throw unauthorized();
    const channel = /^\d{1,20}$/.test(botId)
      ? await findChannelByExternalId(c.env.DB, "telegram", botId)
      : undefined;
    if (
      !channel ||
      channel.status !== "active" ||
      !(await secretMatches(presented, channel.webhookSecretHash))
    )
      throw unauthorized();
    if (channel.workspaceClosed) return closedWorkspaceUpdate(c, channel.id);

    const envelope = TelegramUpdateEnvelopeSchema.safeParse(
      parseJson(await readWebhookBody(c.req.raw)),
    );
    if (!envelope.success) {
      logger.warn("telegram update ignored: malformed", { channel_id: channel.id });
      return c.body(null, 200);
    }
    const updateId = envelope.data.update_id;
    // Opened before the update is claimed: if this fails, Telegram's retry still finds it unclaimed.
    const config = await openTelegramConfig(c.env, channel);
    const eventKey = `tg:${channel.id}:${updateId}`;
    if (!(await claimEvent(c.env.DB, channel.id, eventKey))) {
      logger.info("telegram update ignored: seen before", {
        channel_id: channel.id,
        update_id: updateId,
      });
      return c.body(null, 200);
    }
    const handOff = new HandOff();
    const bot = buildBot({
      env: c.env,
      channel,
      config,
      logger,
      defer: (work) =>
        c.executionCtx.waitUntil(
          work().catch((err: unknown) => reportBotError(logger, err, updateId)),
        ),
      handOff: (work) => handOff.run(work),
    });
    // The secret was checked above and the body parsed once: grammY gets the update itself.
    await bot.handleUpdate(envelope.data as Update);
    if (handOff.failed) {
      reportBotError(logger, handOff.error, updateId);
      await releaseEvent(c.env.DB, eventKey);
      throw redeliveryRequested();
    }
    return c.body(null, 200);
  })
  .get("/whatsapp/:channelId", async (c) => {
    const mode = c.req.query("hub.mode");
    const challenge = c.req.query("hub.challenge");
    const channel = await findChannelById(c.env.DB, "whatsapp", c.req.param("channelId"));
    const verified =
      channel?.status === "active" &&
      (await secretMatches(c.req.query("hub.verify_token"), channel.webhookSecretHash));
    if (verified && channel.workspaceClosed) throw workspaceClosed();
    if (mode !== "subscribe" || challenge === undefined || !verified) {
      return c.text("The verify token does not match.", 403);
    }
    return c.text(challenge, 200);
  })
  .post("/whatsapp/:channelId", async (c) => {
    const logger = c.get("logger");
    // Only the SHA-256 header counts (never the legacy SHA-1 one); a malformed one is refused before any lookup.
    const signature = parseHubSignature(c.req.header("X-Hub-Signature-256"));
    if (!signature) throw unauthorized();
    const channel = await findChannelById(c.env.DB, "whatsapp", c.req.param("channelId"));
    if (!channel || channel.status !== "active") throw unauthorized();
    const body = await readWebhookBody(c.req.raw);
    const config = await openWhatsAppConfig(c.env, channel);
    if (!(await verifyHubSignature(config.app_secret, body, signature))) throw unauthorized();
    if (channel.workspaceClosed) return closedWorkspaceUpdate(c, channel.id);

    const payload = WhatsAppWebhookSchema.safeParse(parseJson(body));
    if (!payload.success) {
      logger.warn("whatsapp notification ignored: malformed", { channel_id: channel.id });
      return c.body(null, 200);
    }
    const defer = (work: () => Promise<unknown>) =>
      c.executionCtx.waitUntil(
        work().catch((err: unknown) =>
          logger.error("whatsapp event failed", { channel_id: channel.id, ...describeError(err) }),
        ),
      );
    const handOff = new HandOff();
    await handleWhatsAppEvents(
      { env: c.env, channel, config, logger, defer, handOff },
      payload.data,
    );
    if (handOff.failed) {
      logger.error("whatsapp message hand-off failed; asking for redelivery", {
        channel_id: channel.id,
        ...describeError(handOff.error),
      });
      throw redeliveryRequested();
    }
    return c.body(null, 200);
  });
