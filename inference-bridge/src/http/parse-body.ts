/**
 * Inbound validation: parse JSON, `safeParse` it against a contract schema, and answer 400 with a short
 * description of the first problems instead of a zod dump.
 */
import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "../errors";

/** Parses and validates the JSON body of `c` against `schema`. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new AppError(400, "invalid_json", "The body must be JSON.");
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
    throw new AppError(400, "invalid_request", problems.join("; "));
  }
  return result.data;
}
