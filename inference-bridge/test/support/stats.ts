/**
 * Small statistics helpers for tests and benchmarks.
 */

/** The p-th percentile (0–100) by nearest rank; NaN for an empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Rounds to `digits` decimals, for printing. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** p50/p95/p99/max of a sample, rounded. */
export function summary(values: number[]): {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
} {
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(Math.max(...values)),
    n: values.length,
  };
}
