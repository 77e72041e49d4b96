// The one error type the edge throws on purpose. `app.onError` turns it into
// `{"error":{"code","message","request_id", "details"?}}` with its status and headers.
import type { ErrorCode } from "@coach/contracts/errors";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type AppErrorOptions = {
  details?: unknown;
  headers?: Record<string, string>;
};

/** An error a client can act on: a status, a code from `ERROR_CODES` and a sentence for humans. */
export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

/** 404 for a missing row, and equally for a row of another tenant: existence is never revealed. */
export function notFound(entity: string): AppError {
  return new AppError(404, "not_found", `No ${entity} with this id exists in your workspace.`);
}

/** 429 with the `Retry-After` header clients rely on. */
export function tooManyRequests(retryAfterSeconds: number, message?: string): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError(
    429,
    "rate_limited",
    message ?? `Too many requests. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`,
    { headers: { "Retry-After": String(seconds) }, details: { retry_after: seconds } },
  );
}

/**
 * 410 for a conversation that was erased (GDPR): its visitor tokens are revoked and its room refuses
 * for good. The client starts a new session, which is a new conversation.
 */
export function conversationErased(): AppError {
  return new AppError(
    410,
    "conversation_erased",
    "This conversation was erased. Start a new session to talk again.",
  );
}
