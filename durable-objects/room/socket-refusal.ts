// What a socket is told when its frame is refused: the API's coded error as an `error` frame, with the
// wait of a rate limit and the client id of a refused message, so the client can retry that message.
import type { ClientFrame, ServerFrame } from "@coach/contracts/socket";
import type { AppError } from "../../worker/lib/errors";

export function socketRefusal(
  err: AppError,
  frame: ClientFrame,
): Extract<ServerFrame, { type: "error" }> {
  const retryAfter = (err.details as { retry_after?: number } | undefined)?.retry_after;
  return {
    type: "error",
    code: err.code,
    message: err.message,
    ...(retryAfter ? { retry_after: retryAfter } : {}),
    ...(frame.type === "message" ? { client_id: frame.client_id } : {}),
  };
}
