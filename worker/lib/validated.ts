// How a request's input fails its zod schema, wherever it is read (JSON bodies, query parameters,
// uploads entered as JSON): 400 validation_failed, a sentence saying what to send, and zod's issues in
// `details`.
import type { z } from "zod";
import { AppError } from "./errors";
import { formatIssues } from "./zod-issues";

/** `value` as `schema` parses it; otherwise a 400 validation_failed whose message is `message`. */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  message: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AppError(400, "validation_failed", message, {
      details: formatIssues(parsed.error),
    });
  }
  return parsed.data;
}
