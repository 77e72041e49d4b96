// A deployment setting written as JSON in one variable (`RATE_LIMITS`, `PLATFORM_PLANS`): read through
// its schema, empty meaning "not set", and a wrong value a 500 `configuration_invalid` that names the
// variable and shows an example, so the operator knows what to fix.
import type { z } from "zod";
import { AppError } from "./errors";

/** The parsed value of `raw`, or `empty` when the variable is blank. */
export function readJsonSetting<S extends z.ZodType>(
  raw: string,
  schema: S,
  empty: z.infer<S>,
  problem: string,
): z.infer<S> {
  if (raw.trim() === "") return empty;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError(500, "configuration_invalid", problem);
  return parsed.data;
}
