// The page of a list route's query: `limit` (1–100, default 50) and `offset` (up to 100,000). Lists with
// filters extend it, so every list pages the same way and the API description says so once.
import { z } from "zod";

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
