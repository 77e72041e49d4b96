// Validates query parameters against a zod schema: 400 validation_failed with the issues in `details`.
// Handlers read `c.req.valid("query")`.
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { AppError } from "../lib/errors";
import { markSchema } from "../lib/route-schemas";
import { formatIssues } from "../lib/zod-issues";

export function queryParams<S extends z.ZodType>(
  schema: S,
): MiddlewareHandler<
  AppEnv,
  string,
  { in: { query: Record<string, string> }; out: { query: z.output<S> } }
> {
  const handler: MiddlewareHandler<
    AppEnv,
    string,
    { in: { query: Record<string, string> }; out: { query: z.output<S> } }
  > = async (c, next) => {
    const parsed = schema.safeParse(c.req.query());
    if (!parsed.success) {
      throw new AppError(
        400,
        "validation_failed",
        "Some query parameters are invalid; see details.",
        { details: formatIssues(parsed.error) },
      );
    }
    c.req.addValidatedData("query", parsed.data as object);
    await next();
  };
  return markSchema(handler, { in: "query", schema });
}
