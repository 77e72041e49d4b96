/**
 * Verifies the edge's HMAC signature on every request (see `@coach/contracts/signature`) and refuses
 * replays: a signature is remembered for the whole tolerance window, which is the only span in which it
 * could be accepted again.
 */
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER } from "@coach/contracts/signature";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors";
import type { AppEnv } from "./app-env";
import { verifySignature } from "./verify-signature";

/** Remembers signatures until they expire. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly ttlMs: number = 2 * SIGNATURE_TOLERANCE_SECONDS * 1000) {}

  /** Records `signature`; returns false if it was already recorded and has not expired. */
  remember(signature: string, now = Date.now()): boolean {
    if (now - this.lastSweep > 10_000) this.sweep(now);
    const expiresAt = this.seen.get(signature);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.seen.set(signature, now + this.ttlMs);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [signature, expiresAt] of this.seen) if (expiresAt <= now) this.seen.delete(signature);
  }
}

/** Middleware factory. Paths in `publicPaths` (GET only) skip verification. */
export function signatureAuth(secret: string, replays: ReplayCache, publicPaths: ReadonlySet<string>) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET" && publicPaths.has(c.req.path)) return next();
    const url = new URL(c.req.url);
    // Hono caches the body, so handlers can still read it after this.
    const body = new Uint8Array(await c.req.arrayBuffer());
    const result = verifySignature(secret, {
      method: c.req.method,
      pathWithQuery: `${url.pathname}${url.search}`,
      body,
      timestampHeader: c.req.header(TIMESTAMP_HEADER),
      signatureHeader: c.req.header(SIGNATURE_HEADER),
    });
    if (!result.ok) {
      c.get("log").warn("signature refused", { code: result.code });
      throw new AppError(401, result.code, result.message);
    }
    if (!replays.remember(result.signature)) {
      c.get("log").warn("signature refused", { code: "signature_replayed" });
      throw new AppError(401, "signature_replayed", "This signature has already been used.");
    }
    return next();
  });
}
