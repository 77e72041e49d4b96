// How a closed workspace refuses, in one place: the code `workspace_closed` everywhere (410 Gone over
// HTTP; over an open socket an `error` frame, then close code 4410). The erasure window its data waits
// out before the workspace's closer erases it is `WORKSPACE_ERASURE_DAYS` (lib/config.ts).
import { AppError } from "../lib/errors";

/** The stable code of every refusal by a closed workspace. */
export const WORKSPACE_CLOSED = "workspace_closed";
/** The socket close code: 4000–4999 are the application's, and 4410 echoes 410 Gone. */
export const WORKSPACE_CLOSED_CLOSE_CODE = 4410;
const MESSAGE =
  "This workspace is closed. Nothing can be read from it or sent to it, and its data is erased at the end of its erasure window.";

/** The frame an open socket hears before it is closed. */
export const WORKSPACE_CLOSED_FRAME = { code: WORKSPACE_CLOSED, message: MESSAGE } as const;

/** 410 `workspace_closed`. */
export function workspaceClosed(): AppError {
  return new AppError(410, WORKSPACE_CLOSED, MESSAGE);
}
