// Reading a platform webhook's body once: the exact bytes (WhatsApp's signature covers them), at most
// 1 MB, then parsed as JSON from those same bytes.
import { readBodyWithLimit } from "../lib/body-limit";

/** Telegram and WhatsApp send far less; a larger body is refused with 413. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

/** The raw body as received. */
export function readWebhookBody(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  return readBodyWithLimit(request, WEBHOOK_MAX_BYTES);
}

/** The body as JSON, or undefined when it is not JSON at all. */
export function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body)) as unknown;
  } catch {
    return undefined;
  }
}
