// The app's single error boundary and its answers for unknown routes and wrong methods.
// Every error leaves as `{"error":{"code","message","request_id"}}`; a stack never does.
import type { ErrorBody, ErrorCode } from "@coach/contracts/errors";
import type { Context, ErrorHandler, Hono, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { describeError } from "../lib/logger";
import { REQUEST_ID_HEADER } from "./request-context";
import { allowedMethods } from "./route-methods";

function errorResponse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  const requestId = c.get("requestId") ?? "";
  const body: ErrorBody = { error: { code, message, request_id: requestId } };
  if (details !== undefined) body.error.details = details;
  c.header(REQUEST_ID_HEADER, requestId);
  return c.json(body, status);
}

const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/** `app.onError`: known errors keep their status and code, anything else is logged and becomes a bare 500. */
export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) {
    for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    return errorResponse(c, err.status, err.code, err.message, err.details);
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    return errorResponse(
      c,
      status,
      HTTP_EXCEPTION_CODES[status] ?? "http_error",
      err.message || "The request failed.",
    );
  }
  c.get("logger")?.error("unhandled error", describeError(err));
  return errorResponse(
    c,
    500,
    "internal_error",
    "Something went wrong on our side. Try again; if it persists, contact support with the request id.",
  );
};

/** `app.notFound` for an app: 405 with `Allow` when the path exists under other methods, else 404. */
export function notFoundHandler(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  return (c) => {
    const allowed = allowedMethods(app.routes, c.req.path);
    if (allowed.length > 0) {
      c.header("Allow", allowed.join(", "));
      return errorResponse(
        c,
        405,
        "method_not_allowed",
        `${c.req.method} is not supported here. Use ${allowed.join(" or ")}.`,
      );
    }
    return errorResponse(
      c,
      404,
      "route_not_found",
      `There is no route ${c.req.method} ${c.req.path}. Check the path and the API version.`,
    );
  };
}
