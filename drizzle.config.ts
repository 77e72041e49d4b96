// drizzle-kit turns worker/db/schema/ into numbered SQL migrations that wrangler applies to D1.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./worker/db/schema/index.ts",
  out: "./migrations",
});
