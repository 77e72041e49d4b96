// zod's validation issues as every 400 `validation_failed` carries them in `details`.
import type { z } from "zod";

/** zod issues in a stable, client-friendly shape. */
export function formatIssues(error: z.ZodError): { path: string; code: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
  }));
}
