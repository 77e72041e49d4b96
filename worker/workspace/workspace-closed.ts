// How a closed workspace refuses, in one place: the code `workspace_closed` everywhere (410 Gone over
// HTTP; over an open socket an `error` frame, then close code 4410), and the erasure window its data
// waits out before the workspace's closer erases it (`WORKSPACE_ERASURE_DAYS`, default 30).
import { z } from "zod";
import { AppError } from "../lib/errors";

/** The stable code of every refusal by a closed workspace. */
export const WORKSPACE_CLOSED = "workspace_closed";
/** The socket close code: 4000–4999 are the application's, and 4410 echoes 410 Gone. */
export const WORKSPACE_CLOSED_CLOSE_CODE = 4410;
const MESSAGE = "This workspace is closed. Nothing can be read from it or sent to it, and its data is erased at the end of its erasure window.";

/** The frame an open socket hears before it is closed. */
export const WORKSPACE_CLOSED_FRAME = { code: WORKSPACE_CLOSED, message: MESSAGE } as const;

/** 410 `workspace_closed`. */
export function workspaceClosed(): AppError {
  return new AppError(410, WORKSPACE_CLOSED, MESSAGE);
}

const DAY_MS = 86_400_000;
const ErasureDaysSchema = z.string().trim().regex(/^\d{1,3}$/).transform(Number).pipe(z.number().max(365));

/** How long a closed workspace's data is kept: `WORKSPACE_ERASURE_DAYS` (0–365; 30 when unset). */
export function erasureWindowMs(env: Pick<Env, "WORKSPACE_ERASURE_DAYS">): number {
  const raw = env.WORKSPACE_ERASURE_DAYS ?? "";
  if (raw.trim() === "") return 30 * DAY_MS;
  const parsed = ErasureDaysSchema.safeParse(raw);
  if (!parsed.success) throw new AppError(500, "configuration_invalid", "WORKSPACE_ERASURE_DAYS must be a whole number of days from 0 to 365, e.g. \"30\".");
  return parsed.data * DAY_MS;
}
