// Validates a JSON request body in one place: media type (415), size (413), syntax (400 invalid_json)
// and schema (400 validation_failed with zod's issues in `details`). Handlers read `c.req.valid("json")`.
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { readBodyWithLimit } from "../lib/body-limit";
import { workerConfig } from "../lib/config";
import { markSchema } from "../lib/route-schemas";
import { validated } from "../lib/validated";

export type JsonBodyOptions = {
  /** Largest accepted body in bytes; defaults to the `MAX_BODY_BYTES` setting (1 MB). */
  maxBytes?: number;
  /**
   * The body may be left out entirely (no Content-Type, no bytes): it then reads as `{}`, so the
   * schema's defaults apply. For routes such as a DELETE whose options are extras.
   */
  optional?: boolean;
};

const JSON_MEDIA_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json$/i;

/** Parses and validates the body against `schema`; the result is available as `c.req.valid("json")`. */
export function jsonBody<S extends z.ZodType>(
  schema: S,
  options: JsonBodyOptions = {},
): MiddlewareHandler<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  const handler: MiddlewareHandler<
    AppEnv,
    string,
    { in: { json: z.input<S> }; out: { json: z.output<S> } }
  > = async (c, next) => {
    const contentType = c.req.header("Content-Type");
    const mediaType = (contentType ?? "").split(";")[0]?.trim() ?? "";
    const limit = options.maxBytes ?? workerConfig(c.env).maxBodyBytes;
    const bytes =
      options.optional && contentType === undefined
        ? await readBodyWithLimit(c.req.raw, limit)
        : undefined;
    if (bytes?.byteLength === 0) {
      c.req.addValidatedData("json", validate(schema, {}) as object);
      return next();
    }
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new AppError(
        415,
        "unsupported_media_type",
        "Send the body as JSON with the header Content-Type: application/json.",
      );
    }
    const raw = await readBodyWithLimit(c.req.raw, limit);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(raw);
    } catch {
      throw new AppError(
        400,
        "invalid_encoding",
        "The body is not valid UTF-8. Encode the JSON as UTF-8.",
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new AppError(
        400,
        "invalid_json",
        "The body is not valid JSON. Check for a missing quote, comma or brace.",
      );
    }
    c.req.addValidatedData("json", validate(schema, value) as object);
    await next();
  };
  return markSchema(handler, { in: "json", schema, optional: options.optional });
}

function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return validated(schema, value, "Some fields are missing or invalid; see details.");
}
