// The edge answers every error as {error: {code, message, request_id}}; this carries it to the screens.

/** An error answered by the API (or a network failure, status 0), with a sentence a person can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Reads the edge's error body; falls back to a plain sentence when the body is not ours. */
export async function apiErrorFrom(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; request_id?: string } } | null;
  const error = body?.error;
  if (error?.code && error.message) return new ApiError(res.status, error.code, error.message, error.request_id);
  return new ApiError(res.status, `http_${res.status}`, `The server answered ${res.status} ${res.statusText}. Try again in a moment.`);
}

/** A fetch that never reached the edge. */
export function networkError(): ApiError {
  return new ApiError(0, "network_error", "The dashboard could not reach the server. Check your connection, or whether the edge is running, and try again.");
}
