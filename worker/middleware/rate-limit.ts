// Rate limiting through the RateLimiter Durable Object: 429 with `Retry-After` when a bucket is empty.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../lib/app-env";
import { consume } from "../lib/rate-limiters";
import type { BucketRule } from "../lib/token-bucket";

export type RateLimitOptions = {
  /** Names the bucket family, e.g. "api-ip" or "login-account". */
  bucket: string;
  /** The bucket's rule, or a function of the request when it comes from configuration. */
  rule: BucketRule | ((c: Context<AppEnv>) => BucketRule);
  /** The key to limit on; `null` skips limiting for this request. */
  key: (c: Context<AppEnv>) => string | null;
};

/** Takes a token of `options.bucket` for each request (see `consume`). */
export const rateLimit = (options: RateLimitOptions) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = options.key(c);
    const rule = typeof options.rule === "function" ? options.rule(c) : options.rule;
    if (key !== null) await consume(c.env, options.bucket, key, rule);
    await next();
  });
