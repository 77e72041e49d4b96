/**
 * The bridge's error classes. `AppError` is what handlers throw; the single `onError` turns it into
 * `{"error":{"code","message","request_id"}}`. `UpstreamError` wraps any failure of Ollama or Chroma with
 * the status it came with, as ollama-js's `ResponseError` does, so callers branch on one type.
 */

/** An error with an HTTP status and a stable machine-readable code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { retryAfterSeconds?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
  }

  /** Whether the edge may try again later (used in streamed `error` events). */
  get retryable(): boolean {
    return this.options.retryable ?? (this.status === 429 || this.status >= 500);
  }
}

/** A failure reported by a backend (Ollama, Chroma). `status` is the upstream HTTP status, or 502 when none. */
export class UpstreamError extends AppError {
  constructor(
    readonly backend: "ollama" | "chroma",
    readonly upstreamStatus: number,
    message: string,
    cause?: unknown,
  ) {
    // A busy upstream (503) is passed on as 503 so the edge backs off; anything else is a bad gateway.
    super(upstreamStatus === 503 ? 503 : 502, `${backend}_error`, message, {
      cause,
      retryable: true,
    });
    this.name = "UpstreamError";
  }
}

/** True for errors thrown because an AbortSignal fired. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
