// Reading a platform webhook's body: the exact bytes (signatures cover them), at most 1 MB, kept in
// Hono's body cache so grammY's hono adapter can parse the same bytes again.
import type { Context } from "hono";
import type { AppEnv } from "../lib/app-env";
import { readBodyWithLimit } from "../lib/body-limit";

/** Telegram and WhatsApp send far less; a larger body is refused with 413. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

/** The raw body as received. */
export async function readWebhookBody(c: Context<AppEnv>): Promise<ArrayBuffer> {
  const bytes = await readBodyWithLimit(c.req.raw, WEBHOOK_MAX_BYTES);
  const buffer = bytes.slice().buffer;
  // Hono keeps promises in this cache at run time although its type names the resolved value.
  c.req.bodyCache.arrayBuffer = Promise.resolve(buffer) as unknown as ArrayBuffer;
  return buffer;
}

/** The body as JSON, or undefined when it is not JSON at all. */
export function parseJson(body: ArrayBuffer): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body)) as unknown;
  } catch {
    return undefined;
  }
}
