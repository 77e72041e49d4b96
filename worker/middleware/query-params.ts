// Validates query parameters against a zod schema: 400 validation_failed with the issues in `details`.
// Handlers read `c.req.valid("query")`.
import type { MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../lib/app-env";
import { markSchema } from "../lib/route-schemas";
import { validated } from "../lib/validated";

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
    const query = validated(
      schema,
      c.req.query(),
      "Some query parameters are invalid; see details.",
    );
    c.req.addValidatedData("query", query as object);
    await next();
  };
  return markSchema(handler, { in: "query", schema });
}
