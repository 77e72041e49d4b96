// The edge answers every error as {error: {code, message, request_id}}; this carries it to the screens.
import type { ErrorBody, ErrorCode } from "@coach/contracts/errors";

/**
 * The dashboard's own codes: no session to send with, no answer at all, a throw that was not an
 * ApiError, and an answer that was not the edge's error body.
 */
export type ClientErrorCode = "signed_out" | "network_error" | "unexpected" | `http_${number}`;

/** One refused field of a `validation_failed` answer: where (`a.b.0`) and why. */
export type FieldProblem = { path: string; message: string };

/**
 * An error answered by the API (or a network failure, status 0), with a sentence a person can act on
 * and, for a refused body or query, which fields and why.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly requestId?: string,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The field problems in an error body's `details` (the edge's zod issues), when it lists some. */
export function problemsOf(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    const { path, message } = (item ?? {}) as { path?: unknown; message?: unknown };
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

/** What the server said about the field at `path` (or a part of it, `path.x`), for the form to show there. */
export function problemAt(error: ApiError | undefined, path: string): string | null {
  const problem = error?.problems.find((p) => p.path === path || p.path.startsWith(`${path}.`));
  return problem?.message ?? null;
}

/** The ApiError of an answer with `status` and the parsed JSON `body`, or null when the body is not ours. */
export function apiErrorOf(status: number, body: unknown): ApiError | null {
  const error = (body as Partial<ErrorBody> | null)?.error;
  return error?.code && error.message
    ? new ApiError(status, error.code, error.message, error.request_id, problemsOf(error.details))
    : null;
}

/** Reads the edge's error body; falls back to a plain sentence when the body is not ours. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  const error = apiErrorOf(res.status, await res.json().catch(() => null));
  if (error) return error;
  return new ApiError(
    res.status,
    `http_${res.status}`,
    `The server answered ${res.status} ${res.statusText}. Try again in a moment.`,
  );
}

/** A fetch that never reached the edge. */
export function networkError(): ApiError {
  return new ApiError(
    0,
    "network_error",
    "The dashboard could not reach the server. Check your connection, or whether the edge is running, and try again.",
  );
}
