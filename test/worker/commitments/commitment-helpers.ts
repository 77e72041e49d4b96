// What the commitment reader's suites share: the user's clock (a Wednesday morning in Berlin) and a
// reading that keeps only what was recorded.
import { readCommitment } from "../../../worker/commitments/parse-commitment";

/** Wednesday 25 November 2026, 10:00 in Berlin (09:00 UTC). */
export const WEDNESDAY_10AM_BERLIN = Date.UTC(2026, 10, 25, 9, 0);
export const berlin = { now: WEDNESDAY_10AM_BERLIN, timeZone: "Europe/Berlin" };

/** The commitment or reminder read from `text` on the user's clock `ctx`, or null when none is. */
export function parse(text: string, ctx = berlin) {
  return readCommitment(text, ctx)?.commitment ?? null;
}
