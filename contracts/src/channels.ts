/**
 * Messaging channels (Telegram, WhatsApp): the management API's bodies and views, and the parts of the
 * platforms' webhook payloads the edge accepts. Webhook payloads are parsed with `safeParse`; anything
 * that does not match is acknowledged and logged, never trusted.
 */
import { z } from "zod";

/** A Telegram bot token as BotFather issues it: `<bot id>:<secret>`. */
export const TelegramBotTokenSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, "A bot token from @BotFather, like 123456:ABC-DEF…");

export const TelegramConnectSchema = z.object({ bot_token: TelegramBotTokenSchema });
export type TelegramConnect = z.infer<typeof TelegramConnectSchema>;

const secretText = (what: string) =>
  z.string().trim().min(8, `${what} is at least 8 characters.`).max(512);

/**
 * The approved message template a WhatsApp number sends outside the 24-hour window (proactive
 * messages): its name and language as approved in the WhatsApp Manager, and whether its body has one
 * text parameter ({{1}}) that receives the message text.
 */
export const WhatsAppTemplateSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9_]{1,512}$/,
      "The template's name as approved in the WhatsApp Manager (lowercase letters, digits and _).",
    ),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/, "The template's language code, like en or en_US."),
  body_parameter: z.boolean(),
});
export type WhatsAppTemplate = z.infer<typeof WhatsAppTemplateSchema>;

/** The WhatsApp Business Account the number belongs to: where its message templates are managed. */
const BusinessAccountIdSchema = z
  .string()
  .trim()
  .regex(/^\d{5,32}$/, "The numeric WhatsApp Business Account id from the WhatsApp Manager.");

export const WhatsAppConnectSchema = z.object({
  phone_number_id: z
    .string()
    .trim()
    .regex(/^\d{5,32}$/, "The numeric phone number id from the WhatsApp Manager."),
  business_account_id: BusinessAccountIdSchema.optional(),
  access_token: secretText("The access token"),
  app_secret: secretText("The app secret"),
  verify_token: secretText("The verify token"),
  template: WhatsAppTemplateSchema.optional(),
});
export type WhatsAppConnect = z.infer<typeof WhatsAppConnectSchema>;

/**
 * New secrets for a channel. Telegram always gets a new webhook secret; the other fields are WhatsApp's
 * (with the business account id, for a number connected without one).
 */
export const ChannelRotateSchema = z.object({
  access_token: secretText("The access token").optional(),
  app_secret: secretText("The app secret").optional(),
  verify_token: secretText("The verify token").optional(),
  business_account_id: BusinessAccountIdSchema.optional(),
});
export type ChannelRotate = z.infer<typeof ChannelRotateSchema>;

/** A channel as the management API shows it; secrets are never part of it. */
export type ChannelView = {
  id: string;
  kind: "telegram" | "whatsapp";
  status: "active" | "error" | "disconnected";
  external_id: string | null;
  /** Where the platform posts updates; null once disconnected. */
  webhook_url: string | null;
  last_error: string | null;
  last_message_at: number | null;
  created_at: number;
  updated_at: number;
  /** Telegram only: the bot's username without "@" (as getMe answered on connect); null once disconnected. */
  bot_username?: string | null;
  /**
   * WhatsApp only: the number as Graph displays it ("+1 555-0100"), read when it was connected; null
   * once disconnected or for a number connected before it was kept.
   */
  display_phone_number?: string | null;
  /** WhatsApp only: the approved template for messages outside the 24-hour window (null: none yet). */
  template?: WhatsAppTemplate | null;
  /** Telegram's own view of the webhook, when asked for one channel. */
  webhook_info?: {
    url: string;
    pending_update_count: number;
    last_error_message: string | null;
    last_error_date: number | null;
  };
};

/** Where WhatsApp's review has a template (WhatsApp Manager's words). */
export const WHATSAPP_TEMPLATE_STATUSES = [
  "APPROVED",
  "PENDING",
  "REJECTED",
  "PAUSED",
  "DISABLED",
] as const;
export const WHATSAPP_TEMPLATE_CATEGORIES = ["MARKETING", "UTILITY", "AUTHENTICATION"] as const;

/** One language of a message template of the number's business account, as Graph reports it. */
export type WhatsAppTemplateListing = {
  name: string;
  language: string;
  /** One of WHATSAPP_TEMPLATE_STATUSES; a status Graph adds later (IN_APPEAL…) comes as it is. */
  status: string;
  /** One of WHATSAPP_TEMPLATE_CATEGORIES, likewise. */
  category: string;
  /** Whether it is the one this number sends outside the 24-hour window. */
  configured: boolean;
};

/** `GET /api/v1/channels/:id/templates`: a page, and the cursor of the next one (null: the last). */
export type WhatsAppTemplatePage = {
  templates: WhatsAppTemplateListing[];
  next_cursor: string | null;
};

/** Query of `GET /api/v1/channels/:id/templates`. */
export const WhatsAppTemplateQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  /** `next_cursor` of the page before. */
  after: z.string().min(1).max(512).optional(),
});

/** `DELETE /api/v1/channels/:id/templates/:name`: every language of it is gone. */
export type WhatsAppTemplateDeleted = {
  name: string;
  deleted: true;
  /** It was this number's configured template, which is now unset (proactive messages outside the window wait for a new one). */
  was_configured: boolean;
};

/** The envelope of a Telegram update: anything else in it is optional and looked at by grammY. */
export const TelegramUpdateEnvelopeSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
});

export const WhatsAppMessageSchema = z.looseObject({
  id: z.string().min(1).max(256),
  from: z.string().min(1).max(32),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  /** A pressed reply button (`type: "interactive"`): our quick reply's id and its title. */
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z
        .looseObject({ id: z.string().min(1).max(256), title: z.string().max(100) })
        .optional(),
    })
    .optional(),
});
export type WhatsAppMessage = z.infer<typeof WhatsAppMessageSchema>;

export const WhatsAppStatusSchema = z.looseObject({
  id: z.string().min(1).max(256),
  status: z.enum(["sent", "delivered", "read", "failed"]),
  recipient_id: z.string().optional(),
  errors: z
    .array(z.looseObject({ code: z.number().optional(), title: z.string().optional() }))
    .optional(),
});
export type WhatsAppStatus = z.infer<typeof WhatsAppStatusSchema>;

const WhatsAppValueSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string() }),
  contacts: z
    .array(
      z.looseObject({ wa_id: z.string(), profile: z.looseObject({ name: z.string() }).optional() }),
    )
    .optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

/** A WhatsApp Business webhook notification; messages and statuses are parsed one by one. */
export const WhatsAppWebhookSchema = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      changes: z.array(z.looseObject({ field: z.string(), value: WhatsAppValueSchema })),
    }),
  ),
});
export type WhatsAppWebhook = z.infer<typeof WhatsAppWebhookSchema>;
