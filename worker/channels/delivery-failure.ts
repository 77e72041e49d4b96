// What a platform's refusal of a message means for the message: send it again later (Telegram's 429
// with `retry_after`, Graph's rate limit 130429, a 5xx or a network failure), stop writing to this
// person (Telegram 403: they blocked the bot or deleted their account; Graph 131026: the number cannot
// receive), or give up on this message alone (anything else: the message itself was refused).
// Telegram: https://core.telegram.org/bots/api#making-requests (ResponseParameters.retry_after),
// https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this.
// Graph: https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes.
import { GrammyError, HttpError } from "grammy";
import { GraphError } from "./whatsapp/graph-client";

export type DeliveryFailure =
  /** `backoff`: the wait is ours, not the platform's, and grows with each try. */
  | { kind: "later"; afterMs: number; backoff: boolean; reason: string }
  | { kind: "unreachable"; reason: string }
  | { kind: "refused"; reason: string };

/** Graph's rate limits ask for no figure; a minute is what Meta's docs suggest waiting. */
const GRAPH_RATE_LIMIT_WAIT_MS = 60_000;
/** A server error or a network failure: tried again after this, doubled per attempt by the caller. */
const TRANSIENT_WAIT_MS = 5_000;

const GRAPH_RATE_LIMITS = new Set([4, 80007, 130429, 131048, 131056]);
const GRAPH_UNREACHABLE = new Set([131026]);

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Sorts a failed send into what to do with the message. */
export function classifyDeliveryFailure(err: unknown): DeliveryFailure {
  const cause = err instanceof UnsentParts ? err.cause : err;
  if (cause instanceof GrammyError) {
    const retryAfter = cause.parameters.retry_after;
    if (cause.error_code === 429)
      return {
        kind: "later",
        afterMs: (retryAfter ?? 1) * 1000,
        backoff: retryAfter === undefined,
        reason: cause.description,
      };
    if (cause.error_code === 403) return { kind: "unreachable", reason: cause.description };
    if (cause.error_code >= 500)
      return {
        kind: "later",
        afterMs: TRANSIENT_WAIT_MS,
        backoff: true,
        reason: cause.description,
      };
    return { kind: "refused", reason: cause.description };
  }
  if (cause instanceof GraphError) {
    if (cause.code !== null && GRAPH_RATE_LIMITS.has(cause.code))
      return {
        kind: "later",
        afterMs: GRAPH_RATE_LIMIT_WAIT_MS,
        backoff: true,
        reason: cause.message,
      };
    if (cause.code !== null && GRAPH_UNREACHABLE.has(cause.code))
      return { kind: "unreachable", reason: cause.message };
    if (cause.status >= 500)
      return { kind: "later", afterMs: TRANSIENT_WAIT_MS, backoff: true, reason: cause.message };
    return { kind: "refused", reason: cause.message };
  }
  if (cause instanceof HttpError || cause instanceof TypeError)
    return { kind: "later", afterMs: TRANSIENT_WAIT_MS, backoff: true, reason: message(cause) };
  return { kind: "refused", reason: message(cause) };
}

/**
 * A long message sent in parts failed after some parts went out: `rest` is what did not, so sending
 * again never repeats what the person already has.
 */
export class UnsentParts extends Error {
  constructor(
    readonly rest: string,
    override readonly cause: unknown,
  ) {
    super(message(cause));
    this.name = "UnsentParts";
  }
}
