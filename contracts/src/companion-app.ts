/**
 * The companion app's wire contracts: signing a device in with a one-time code, the device's
 * conversation session, its Web Push subscription (the shape `PushSubscription.toJSON()` gives), and
 * what a push carries to the app's service worker, and the person's own coaching preferences.
 */
import { z } from "zod";
import type { CommitmentStatus } from "./commitments";
import {
  CoachingPreferencesSchema,
  ContactCoachingUpdateSchema,
  type EnrollmentStatus,
} from "./programs";
import type { WidgetSessionResponse } from "./widget";

/** A one-time code as typed or carried in the app link: 8 symbols, spaces and dashes allowed. */
export const AppLinkCodeSchema = z
  .string()
  .trim()
  .min(8, "A link code has 8 characters.")
  .max(16, "A link code has 8 characters.");

/** `POST /api/v1/app/:public_key/devices`: redeem a code for a device token. */
export const AppDeviceRequestSchema = z.object({
  code: AppLinkCodeSchema,
  /** What the person may recognise the device by in the list (a browser's platform). */
  label: z.string().trim().min(1).max(80).optional(),
});
export type AppDeviceRequest = z.infer<typeof AppDeviceRequestSchema>;

/** A conversation session of the app: the widget's session, from the app's own origin. */
export type AppSessionResponse = WidgetSessionResponse & { device_id: string };

/** What redeeming a code answers: the device's long-lived token (shown once) and a first session. */
export type AppDeviceResponse = {
  device_id: string;
  device_token: string;
  session: AppSessionResponse;
};

/** A one-time code for the app (from the widget, or from a signed-in device for another one). */
export type AppLinkCodeResponse = { code: string; app_url: string; expires_in: number };

const base64url = /^[A-Za-z0-9_-]+={0,2}$/;

/** The bytes a base64url string (padding optional) stands for, or -1 when it is not one. */
function decodedLength(text: string): number {
  if (!base64url.test(text)) return -1;
  const bare = text.replace(/=+$/, "");
  if (bare.length % 4 === 1) return -1;
  return Math.floor((bare.length * 3) / 4);
}

/** Whether `text` is base64url of a 65-byte uncompressed P-256 point (leading 0x04). */
function isUncompressedPoint(text: string): boolean {
  if (decodedLength(text) !== 65) return false;
  // The first symbol carries the top 6 bits of 0x04: "B" (000001).
  return text.startsWith("B");
}

/** `POST /api/v1/app/:public_key/push/subscriptions`: a browser's subscription (RFC 8030, RFC 8291). */
export const PushSubscriptionSchema = z.object({
  endpoint: z
    .url({ error: "The endpoint must be the push service's URL." })
    .max(1024, "The endpoint is at most 1024 characters."),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: z
      .string()
      .max(128)
      .refine(isUncompressedPoint, "p256dh must be a 65-byte uncompressed P-256 point, base64url."),
    auth: z
      .string()
      .max(32)
      .refine((v) => decodedLength(v) === 16, "auth must be 16 bytes, base64url."),
  }),
});
export type PushSubscriptionInput = z.infer<typeof PushSubscriptionSchema>;

/** `DELETE /api/v1/app/:public_key/push/subscriptions`: the endpoint the device no longer wants. */
export const PushUnsubscribeSchema = z.object({ endpoint: z.string().min(1).max(1024) });

/** `GET /api/v1/app/:public_key/push/public-key`: the deployment's VAPID public key. */
export type PushPublicKeyResponse = { public_key: string };

/** The push message's JSON (encrypted per RFC 8291): what the notification shows and opens. */
export type PushPayload = {
  /** The persona's name. */
  title: string;
  /** The message's first 180 characters. */
  body: string;
  conversation_id: string;
  seq: number;
};

/**
 * `PUT /api/v1/app/:public_key/preferences`: what the person changes about their own coaching from the
 * app: time zone, quiet hours, a pause, the language of the platform's words, and stopping (`true`) or
 * starting again (`false`) every proactive message, which only the person may do.
 */
export const AppPreferencesUpdateSchema = CoachingPreferencesSchema.pick({
  timezone: true,
  quiet_hours: true,
  paused_until: true,
})
  .partial()
  .extend({
    language: ContactCoachingUpdateSchema.shape.language,
    opted_out: z.boolean().optional(),
  });
export type AppPreferencesUpdate = z.infer<typeof AppPreferencesUpdateSchema>;

/** `GET /api/v1/app/:public_key/progress`: where the person stands, for the app's progress view. */
export type AppProgressView = {
  /** Their latest enrolments: the program, where it stands and the step it is on (its words). */
  programs: { name: string; status: EnrollmentStatus; step: string | null; started_at: number }[];
  /** Their latest commitments, newest due first. */
  commitments: { what: string; due_at: number; status: CommitmentStatus }[];
  /** The last 14 days (UTC), oldest first: how many messages they wrote each day. */
  activity: { day: string; messages: number }[];
};
