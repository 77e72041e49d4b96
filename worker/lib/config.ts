// The Worker's settings that are more than a string passed through: read from `[vars]` (wrangler.toml,
// the test configuration's bindings) through one zod schema, once per isolate, by the Worker and the
// Durable Objects alike. A wrong value is a 500 `configuration_invalid` that names the variable and says
// what it must be, as the bridge's config.ts does; an unset one takes its default. `RATE_LIMITS` has its
// own schema in rate-limits.ts, and plain strings passed through (the bridge's URL, the JWT issuer and
// audience) are read as they are.
import { z } from "zod";
import { AppError } from "./errors";
import type { LogLevel } from "./logger";

export type WorkerConfig = {
  /** "test" lets the API answer what mail would carry (an unlock token); never set so in production. */
  environment: string;
  logLevel: LogLevel;
  /** The default request body limit; routes may set less. */
  maxBodyBytes: number;
  visitorTokenTtlSeconds: number;
  /** How long a question waits for the coach (bridge busy or offline) before a polite apology. */
  answerMaxWaitMs: number;
  /** How long a closed workspace's data is kept before its closer erases it. */
  workspaceErasureMs: number;
  /** Outgoing webhooks may also go to http(s)://127.0.0.1 and localhost (local runs and tests). */
  webhooksAllowLocalHttp: boolean;
  /** The DNS-over-HTTPS resolver webhook hosts are checked with; null: host-name rules only. */
  webhooksDohUrl: string | null;
  /**
   * The edge's public origin, without a trailing slash, for links sent where no request names it (a
   * chat's app sign-in link, an upgrade link, Stripe's return pages); null when not configured.
   */
  publicEdgeUrl: string | null;
};

type ConfigEnv = Partial<
  Record<
    | "ENVIRONMENT"
    | "LOG_LEVEL"
    | "MAX_BODY_BYTES"
    | "VISITOR_TOKEN_TTL_SECONDS"
    | "ANSWER_MAX_WAIT_SECONDS"
    | "WORKSPACE_ERASURE_DAYS"
    | "WEBHOOKS_ALLOW_LOCAL_HTTP"
    | "WEBHOOKS_DOH_URL"
    | "PUBLIC_EDGE_URL",
    string
  >
>;

const DAY_MS = 86_400_000;

/** An unset or blank variable reads as undefined, so its default applies. */
const unsetIsDefault = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

function wholeNumber(min: number, max: number, fallback: number, example: string) {
  const rule = `a whole number from ${min} to ${max}, e.g. "${example}"`;
  return z.preprocess(
    unsetIsDefault,
    z
      .string({ error: rule })
      .trim()
      .regex(/^\d+$/, { error: rule })
      .transform(Number)
      .pipe(z.number().min(min, { error: rule }).max(max, { error: rule }))
      .default(fallback),
  );
}

const ConfigSchema = z.object({
  ENVIRONMENT: z.preprocess(unsetIsDefault, z.string().default("production")),
  LOG_LEVEL: z.preprocess(
    unsetIsDefault,
    z
      .enum(["debug", "info", "warn", "error"], {
        error: 'one of "debug", "info", "warn" or "error"',
      })
      .default("info"),
  ),
  MAX_BODY_BYTES: wholeNumber(1, 100 * 1024 * 1024, 1024 * 1024, "1048576"),
  VISITOR_TOKEN_TTL_SECONDS: wholeNumber(60, 86_400, 900, "900"),
  ANSWER_MAX_WAIT_SECONDS: wholeNumber(1, 7 * 86_400, 3_600, "3600"),
  WORKSPACE_ERASURE_DAYS: wholeNumber(0, 365, 30, "30"),
  WEBHOOKS_ALLOW_LOCAL_HTTP: z.preprocess(
    unsetIsDefault,
    z.enum(["true", "false"], { error: '"true" or "false"' }).default("false"),
  ),
  WEBHOOKS_DOH_URL: z.preprocess(
    unsetIsDefault,
    z.url({ protocol: /^https?$/, error: "an http(s) URL, or empty for none" }).optional(),
  ),
  PUBLIC_EDGE_URL: z.preprocess(
    unsetIsDefault,
    z
      .url({ protocol: /^https?$/, error: 'an http(s) origin, e.g. "https://coach.example.com"' })
      .trim()
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
});

const parsed = new WeakMap<object, WorkerConfig>();
/** What a Hono app called without bindings (`app.request(path)` in a unit test) reads: every default. */
const NO_BINDINGS: ConfigEnv = {};

/** The configuration of `env`, parsed on first use and kept for the isolate's life. */
export function workerConfig(bindings: ConfigEnv | undefined): WorkerConfig {
  const env = bindings ?? NO_BINDINGS;
  const known = parsed.get(env);
  if (known) return known;
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "a variable");
    throw new AppError(
      500,
      "configuration_invalid",
      `The Worker's setting ${name} must be ${issue?.message ?? "valid"}. Fix it in wrangler.toml [vars] and deploy again.`,
    );
  }
  const vars = result.data;
  const config: WorkerConfig = {
    environment: vars.ENVIRONMENT,
    logLevel: vars.LOG_LEVEL,
    maxBodyBytes: vars.MAX_BODY_BYTES,
    visitorTokenTtlSeconds: vars.VISITOR_TOKEN_TTL_SECONDS,
    answerMaxWaitMs: vars.ANSWER_MAX_WAIT_SECONDS * 1000,
    workspaceErasureMs: vars.WORKSPACE_ERASURE_DAYS * DAY_MS,
    webhooksAllowLocalHttp: vars.WEBHOOKS_ALLOW_LOCAL_HTTP === "true",
    webhooksDohUrl: vars.WEBHOOKS_DOH_URL ?? null,
    publicEdgeUrl: vars.PUBLIC_EDGE_URL ?? null,
  };
  parsed.set(env, config);
  return config;
}
