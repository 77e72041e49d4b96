// A WhatsApp number's message templates as its business account holds them at Meta: listed with
// their review status and category, and deleted, so a creator manages them without the WhatsApp
// Manager. Graph's answers are outside input: each listed template is checked before it is shown.
import type { WhatsAppTemplateDeleted, WhatsAppTemplatePage } from "@coach/contracts/channels";
import { z } from "zod";
import type { TenantGateway, TenantRow } from "../../db/tenant-gateway";
import { AppError } from "../../lib/errors";
import { openWhatsAppConfig, sealConfig, type WhatsAppConfig } from "../channel-config";
import { deleteMessageTemplate, GraphError, listMessageTemplates } from "./graph-client";

type Channel = TenantRow<"channels">;

/** A template as Graph lists it, with the fields asked for; statuses and categories in its capitals. */
const GraphTemplateSchema = z.object({
  name: z.string().min(1).max(512),
  language: z.string().min(2).max(16),
  status: z.string().regex(/^[A-Z_]{1,40}$/),
  category: z.string().regex(/^[A-Z_]{1,40}$/),
});

/** Graph error 100 on a delete: the account has no template of that name. */
const INVALID_PARAMETER = 100;

async function accountOf(env: Env, channel: Channel) {
  const config = await openWhatsAppConfig(env, channel);
  if (!config.business_account_id)
    throw new AppError(
      409,
      "whatsapp_business_account_required",
      "This number was connected without its WhatsApp Business Account id, where its templates live. Add it with POST /api/v1/channels/:id/rotate {business_account_id} (WhatsApp Manager → Account tools → the account's id).",
    );
  return { config, account: config.business_account_id };
}

function refused(err: unknown, what: string): AppError {
  if (err instanceof GraphError && err.status < 500)
    return new AppError(400, "whatsapp_refused", `WhatsApp refused to ${what}: ${err.message}`);
  return new AppError(
    502,
    "whatsapp_unreachable",
    `WhatsApp could not be reached to ${what}. Try again in a moment.`,
  );
}

/** A page of the number's templates, each language on its own, marked when it is the configured one. */
export async function listChannelTemplates(
  env: Env,
  channel: Channel,
  page: { limit: number; after?: string },
): Promise<WhatsAppTemplatePage> {
  const { config, account } = await accountOf(env, channel);
  let listed: Awaited<ReturnType<typeof listMessageTemplates>>;
  try {
    listed = await listMessageTemplates(env, config, account, page);
  } catch (err) {
    throw refused(err, "list the templates");
  }
  const templates = z.array(GraphTemplateSchema).safeParse(listed.templates);
  if (!templates.success)
    throw new AppError(
      502,
      "whatsapp_unreachable",
      "WhatsApp answered the template list in a form we do not understand. Try again in a moment.",
    );
  return {
    templates: templates.data.map((t) => ({
      ...t,
      configured: t.name === config.template?.name && t.language === config.template.language,
    })),
    next_cursor: listed.next,
  };
}

/**
 * Deletes every language of template `name` at Meta; when it was the number's configured template,
 * that is unset too, since WhatsApp would refuse to send it.
 */
export async function deleteChannelTemplate(
  env: Env,
  gateway: TenantGateway,
  channel: Channel,
  name: string,
): Promise<WhatsAppTemplateDeleted> {
  const { config, account } = await accountOf(env, channel);
  try {
    await deleteMessageTemplate(env, config, account, name);
  } catch (err) {
    if (err instanceof GraphError && err.code === INVALID_PARAMETER)
      throw new AppError(
        404,
        "not_found",
        `This number's WhatsApp Business Account has no template named "${name}".`,
      );
    throw refused(err, `delete the template "${name}"`);
  }
  const wasConfigured = config.template?.name === name;
  if (wasConfigured) {
    const { template: _deleted, ...rest } = config;
    const kept: WhatsAppConfig = rest;
    await gateway.update("channels", channel.id, {
      configEncrypted: await sealConfig(env, channel.id, kept),
      updatedAt: Date.now(),
    });
  }
  return { name, deleted: true, was_configured: wasConfigured };
}
