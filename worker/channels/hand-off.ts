// The in-request hand-off of a webhook event to its conversation's room. The room call returns once
// the message is stored (before any answer), so it runs before the webhook is acknowledged: when it
// fails, the event's claim is released and the platform is asked to deliver it again, instead of the
// redelivery being dropped as already seen and the message lost.
import { AppError } from "../lib/errors";

/** Collects whether any hand-off of one webhook call failed, and the last error. */
export class HandOff {
  private failure: { error: unknown } | null = null;

  /** Runs `work` now; whether it succeeded. A failure is remembered rather than thrown, so the other events still run. */
  async run(work: () => Promise<void>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      this.failure = { error };
      return false;
    }
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  get error(): unknown {
    return this.failure?.error;
  }
}

/** The answer that makes Telegram and Meta redeliver: any non-2xx status. */
export function redeliveryRequested(): AppError {
  return new AppError(
    503,
    "handoff_failed",
    "The message could not be stored yet. Deliver it again; it will be stored once.",
  );
}
