/**
 * The web widget's wire contracts: its settings (edited in the dashboard, served to the loader) and
 * the visitor session that lets a browser open a conversation socket.
 */
import { z } from "zod";

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** An origin as browsers send it: scheme, host and optional port, nothing else. */
export const OriginSchema = z
  .string()
  .max(253)
  .regex(
    /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/,
    "An origin is scheme://host[:port], without a path or trailing slash.",
  );

const ColorsSchema = z.object({
  primary: z.string().regex(HEX_COLOUR),
  background: z.string().regex(HEX_COLOUR),
  text: z.string().regex(HEX_COLOUR),
});

const settingsFields = {
  assistant_name: z.string().trim().min(1).max(60),
  greeting: z.string().trim().max(500),
  launcher_text: z.string().trim().max(40),
  avatar_url: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullable(),
  colors: ColorsSchema,
  position: z.enum(["right", "left"]),
  language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/),
  suggested_questions: z.array(z.string().trim().min(1).max(120)).max(6),
};

/** A widget's complete settings. */
export const WidgetSettingsSchema = z.object(settingsFields);
export type WidgetSettings = z.infer<typeof WidgetSettingsSchema>;

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  assistant_name: "Coach",
  greeting: "Hi! What would you like to work on today?",
  launcher_text: "Chat with me",
  avatar_url: null,
  colors: { primary: "#4f46e5", background: "#ffffff", text: "#111827" },
  position: "right",
  language: "en",
  suggested_questions: [],
};

/** A change to some settings; the colours may be changed one at a time. Omitted fields keep their value. */
export const WidgetSettingsPatchSchema = z
  .object({ ...settingsFields, colors: ColorsSchema.partial() })
  .partial()
  .strict();
export type WidgetSettingsPatch = z.infer<typeof WidgetSettingsPatchSchema>;

/** `base` with `patch` applied (colours merged), validated as complete settings. */
export function applyWidgetSettings(
  base: Partial<WidgetSettings>,
  patch: WidgetSettingsPatch = {},
): WidgetSettings {
  return WidgetSettingsSchema.parse({
    ...DEFAULT_WIDGET_SETTINGS,
    ...base,
    ...patch,
    colors: { ...DEFAULT_WIDGET_SETTINGS.colors, ...base.colors, ...patch.colors },
  });
}

/** `PUT /api/v1/widget`: settings and allowed origins, each optional. */
export const WidgetUpdateSchema = z
  .object({
    settings: WidgetSettingsPatchSchema.optional(),
    allowed_origins: z.array(OriginSchema).max(20).optional(),
  })
  .strict();
export type WidgetUpdate = z.infer<typeof WidgetUpdateSchema>;

/** What the dashboard sees of its widget. */
export type WidgetView = {
  id: string;
  public_key: string;
  allowed_origins: string[];
  settings: WidgetSettings;
  updated_at: number;
};

/** A visitor id as the edge mints it: unguessable, so it can stand for the visitor. */
export const VisitorIdSchema = z.string().regex(/^v_[A-Za-z0-9_-]{24,64}$/);

/** `POST /api/v1/widget/session`. */
export const WidgetSessionRequestSchema = z.object({
  public_key: z.string().min(1).max(100),
  visitor_id: z.string().max(100).optional(),
  /**
   * The visitor's language as their browser states it (a BCP 47 tag: "es", "pt-BR"), sent by the widget
   * when the persona speaks it; kept on the contact so check-ins and nudges are written in it.
   */
  locale: z
    .string()
    .max(35)
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'A language tag such as "es" or "pt-BR".')
    .optional(),
});
export type WidgetSessionRequest = z.infer<typeof WidgetSessionRequestSchema>;

export type WidgetSessionResponse = {
  visitor_token: string;
  visitor_id: string;
  conversation_id: string;
  /** Complete: a browser opens it as it is. */
  socket_url: string;
  expires_in: number;
};
