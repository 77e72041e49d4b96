/**
 * Verifies the edge's HMAC signature on every request (see `@coach/contracts/signature`) and refuses
 * replays: a signature is remembered for the whole tolerance window, which is the only span in which it
 * could be accepted again. Everything that needs no body is judged before the body is read: the length
 * (by the body limit, which runs first), the headers, the timestamp and a signature already seen. So an
 * unsigned, stale or replayed request costs no buffering and no hashing, and its connection is closed
 * instead of being drained.
 */
import {
  checkSignatureHeaders,
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  TIMESTAMP_HEADER,
} from "@coach/contracts/signature";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors";
import type { AppEnv } from "./app-env";
import { verifyMac } from "./verify-signature";

/** Remembers signatures until they expire. */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly ttlMs: number = 2 * SIGNATURE_TOLERANCE_SECONDS * 1000) {}

  /** True if `signature` was recorded and has not expired. */
  has(signature: string, now = Date.now()): boolean {
    return (this.seen.get(signature) ?? 0) > now;
  }

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
    for (const [signature, expiresAt] of this.seen)
      if (expiresAt <= now) this.seen.delete(signature);
  }
}

function refuse(c: Context<AppEnv>, code: string, message: string, bodyUnread: boolean): never {
  c.get("log").warn("signature refused", { code });
  // Nothing of the body is wanted: closing beats reading up to 25 MB only to throw it away.
  if (bodyUnread) c.header("Connection", "close");
  throw new AppError(401, code, message);
}

/** Middleware factory. Paths in `publicPaths` (GET only) skip verification. */
export function signatureAuth(
  secret: string,
  replays: ReplayCache,
  publicPaths: ReadonlySet<string>,
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (c.req.method === "GET" && publicPaths.has(c.req.path)) return next();
    const url = new URL(c.req.url);
    const request = { method: c.req.method, pathWithQuery: `${url.pathname}${url.search}` };
    const headers = checkSignatureHeaders({
      ...request,
      body: "",
      timestampHeader: c.req.header(TIMESTAMP_HEADER),
      signatureHeader: c.req.header(SIGNATURE_HEADER),
    });
    if (!headers.ok) refuse(c, headers.code, headers.message, true);
    if (replays.has(headers.presented))
      refuse(c, "signature_replayed", "This signature has already been used.", true);
    // Hono caches the body, so handlers can still read it after this.
    const result = verifyMac(secret, headers, {
      ...request,
      body: new Uint8Array(await c.req.arrayBuffer()),
    });
    if (!result.ok) refuse(c, result.code, result.message, false);
    if (!replays.remember(result.signature))
      refuse(c, "signature_replayed", "This signature has already been used.", false);
    return next();
  });
}
