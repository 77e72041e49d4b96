/**
 * The one error handler: `AppError`s become `{"error":{"code","message","request_id"}}` with their
 * status (and Retry-After when set); anything else is logged with its stack and answered as a generic
 * 500, so no stack ever reaches a client.
 */
import type { ErrorBody } from "@coach/contracts/bridge";
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../errors";
import type { AppEnv } from "./app-env";

/** Handler for `app.onError`. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  const requestId = c.get("requestId") ?? "";
  const log = c.get("log");
  let status: ContentfulStatusCode = 500;
  let code = "internal_error";
  let message = "Internal error.";
  if (error instanceof AppError) {
    status = error.status as ContentfulStatusCode;
    code = error.code;
    message = error.message;
    if (error.options.retryAfterSeconds !== undefined)
      c.header("Retry-After", String(error.options.retryAfterSeconds));
    if (status >= 500)
      log?.warn("request failed", {
        code,
        status,
        error: error.cause instanceof Error ? error.cause.message : undefined,
      });
  } else if (error instanceof HTTPException) {
    status = error.status as ContentfulStatusCode;
    code = "http_error";
    message = error.message || "Request failed.";
  } else {
    log?.error("unhandled error", { error });
  }
  return c.json({ error: { code, message, request_id: requestId } } satisfies ErrorBody, status);
};
