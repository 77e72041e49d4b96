// How many cases each property of the proof suites runs: PROOF_CASES when set (`npm run proof` sets
// 10,000), otherwise a small default that keeps `npm test` within the CI budget.
import { env } from "cloudflare:workers";

/**
 * Cases per property; `fallback` is the suite's default for `npm test`. `ceiling` bounds a property whose
 * every case is costly by nature (a generated bomb read by the bridge, one at a time), so that
 * `npm run proof` stays a run of about an hour and a half rather than three.
 */
export function proofCases(fallback: number, ceiling = Infinity): number {
  const chosen = Number(env.PROOF_CASES);
  return Math.min(Number.isInteger(chosen) && chosen > 0 ? chosen : fallback, ceiling);
}

/** Prints one machine-readable line that `bench/proof.ts` collects into the benchmark report. */
export function reportProof(name: string, figures: Record<string, unknown>): void {
  console.log(`PROOF ${JSON.stringify({ name, ...figures })}`);
}
