// Runs before each edge test file: the file starts from the clean slate a workerd of its own would give
// it, although the whole run shares one workerd (`isolate: false` in vitest.config.ts, which saves
// starting a runtime and importing the Worker for every file).
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, vi } from "vitest";

// Every Durable Object goes, with its storage: local D1 and R2 keep their data in Durable Objects too.
await reset();

// The migrations, one batch for all of them: the database is empty, so nothing is skipped. The
// d1_migrations table is kept as `wrangler d1 migrations apply` (and applyD1Migrations) keeps it.
await env.DB.batch([
  env.DB.prepare(
    `CREATE TABLE IF NOT EXISTS d1_migrations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT UNIQUE,
      applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
    )`,
  ),
  ...env.TEST_MIGRATIONS.flatMap((migration) => [
    ...migration.queries.map((query) => env.DB.prepare(query)),
    env.DB.prepare("INSERT INTO d1_migrations (name) VALUES (?)").bind(migration.name),
  ]),
]);

// Spies, stubbed globals and fake timers would otherwise outlive the file that set them.
afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});
