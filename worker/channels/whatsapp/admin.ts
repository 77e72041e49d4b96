// Connecting and rotating a WhatsApp Business number: the access token is checked against the phone
// number id at Graph, and the credentials are stored sealed; the verify token only as a hash besides.
import type { ChannelRotate, WhatsAppConnect, WhatsAppTemplate } from "@coach/contracts/channels";
import { newId } from "../../lib/ids";
import { findChannelByExternalId } from "../../db/channel-directory";
import type { TenantGateway, TenantRow } from "../../db/tenant-gateway";
import { AppError } from "../../lib/errors";
import { openWhatsAppConfig, sealConfig, type WhatsAppConfig } from "../channel-config";
import { secretHash } from "../secret-box";
import { fetchPhoneNumber, GraphError } from "./graph-client";

type Channel = TenantRow<"channels">;

/** The URL to enter as the callback URL in the Meta app's WhatsApp webhook settings. */
export function whatsappWebhookUrl(origin: string, channelId: string): string {
  return `${origin}/webhooks/whatsapp/${channelId}`;
}

/** Checks the access token against the number; the number as Graph displays it. */
async function checkAccess(env: Env, config: WhatsAppConfig): Promise<string | null> {
  try {
    return await fetchPhoneNumber(env, config);
  } catch (err) {
    if (err instanceof GraphError && err.status < 500) {
      throw new AppError(
        400,
        "whatsapp_refused",
        `WhatsApp refused the access token for this phone number: ${err.message}`,
      );
    }
    throw new AppError(
      502,
      "whatsapp_unreachable",
      "WhatsApp could not be reached to check the access token. Try again in a moment.",
    );
  }
}

async function sealedValues(env: Env, id: string, config: WhatsAppConfig) {
  return {
    configEncrypted: await sealConfig(env, id, config),
    webhookSecretHash: await secretHash(config.verify_token),
    updatedAt: Date.now(),
  };
}

/** Connects a WhatsApp number to this workspace (again, if it was connected before). */
export async function connectWhatsApp(
  env: Env,
  gateway: TenantGateway,
  input: WhatsAppConnect,
): Promise<Channel> {
  const existing = await findChannelByExternalId(env.DB, "whatsapp", input.phone_number_id);
  if (existing && existing.tenantId !== gateway.tenantId) {
    throw new AppError(
      409,
      "channel_taken",
      "This phone number is already connected to another workspace. Disconnect it there first.",
    );
  }
  const displayPhoneNumber = await checkAccess(env, input);
  const id = existing?.id ?? newId();
  // Connecting again without a template or business account id keeps those configured before.
  const before = existing?.configEncrypted ? await openWhatsAppConfig(env, existing) : undefined;
  const config: WhatsAppConfig = {
    ...input,
    template: input.template ?? before?.template,
    display_phone_number: displayPhoneNumber,
    business_account_id: input.business_account_id ?? before?.business_account_id,
  };
  const values = {
    kind: "whatsapp" as const,
    status: "active" as const,
    externalId: input.phone_number_id,
    lastError: null,
    ...(await sealedValues(env, id, config)),
  };
  return existing
    ? gateway.update("channels", id, values)
    : gateway.insert("channels", { id, ...values });
}

/** Replaces the secrets given in `input`, keeping the others. */
export async function rotateWhatsApp(
  env: Env,
  gateway: TenantGateway,
  channel: Channel,
  input: ChannelRotate,
): Promise<Channel> {
  const current = await openWhatsAppConfig(env, channel);
  const config: WhatsAppConfig = {
    ...current,
    access_token: input.access_token ?? current.access_token,
    app_secret: input.app_secret ?? current.app_secret,
    verify_token: input.verify_token ?? current.verify_token,
    business_account_id: input.business_account_id ?? current.business_account_id,
  };
  // A new token is checked again, which also reads the display number for a number connected before it was kept.
  if (input.access_token) config.display_phone_number = await checkAccess(env, config);
  return gateway.update("channels", channel.id, await sealedValues(env, channel.id, config));
}

/** Sets the approved template the number sends outside the 24-hour window. */
export async function setWhatsAppTemplate(
  env: Env,
  gateway: TenantGateway,
  channel: Channel,
  template: WhatsAppTemplate,
): Promise<Channel> {
  const config: WhatsAppConfig = { ...(await openWhatsAppConfig(env, channel)), template };
  return gateway.update("channels", channel.id, await sealedValues(env, channel.id, config));
}
