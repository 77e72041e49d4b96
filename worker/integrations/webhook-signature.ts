// The signature of outgoing webhooks (a public contract): `X-Coach-Signature: t=<unix>,v1=<hex>`, where
// hex = HMAC-SHA256(secret, "<t>.<raw body>"). Receivers recompute it and reject old timestamps.
import { hmacSha256Hex } from "@coach/contracts/signature";

export const SIGNATURE_HEADER = "X-Coach-Signature";
export const EVENT_HEADER = "X-Coach-Event";
export const DELIVERY_HEADER = "X-Coach-Delivery";

/** The header value for `body` signed at `unixSeconds`. */
export async function signWebhook(
  secret: string,
  body: string,
  unixSeconds: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  return `t=${unixSeconds},v1=${await hmacSha256Hex(secret, `${unixSeconds}.${body}`)}`;
}
