// The zod schema a validating middleware checks, kept beside the middleware function itself, so the API
// description (worker/openapi/) is generated from the very schemas the routes validate with: a route
// table entry whose handler carries a mark takes that body or those query parameters.
import type { z } from "zod";

export type SchemaMark = { in: "json" | "query"; schema: z.ZodType; optional?: boolean };

const marks = new WeakMap<object, SchemaMark>();

/** Records what `handler` validates; answers the handler. */
export function markSchema<H extends object>(handler: H, mark: SchemaMark): H {
  marks.set(handler, mark);
  return handler;
}

/** What a route-table handler validates, if it is a validating middleware. */
export function schemaMarkOf(handler: object): SchemaMark | undefined {
  return marks.get(handler);
}
