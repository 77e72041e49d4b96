// Runs generated cases several at a time: the edge answers requests concurrently, and 10,000 cases per
// schema one by one would take an hour on a small machine. The seed is printed with every failure, so a
// failing run can be replayed (`fc.sample` with the same seed gives the same cases).
import fc from "fast-check";

export type CaseFailure = { index: number; input: string };

/** Checks `count` cases drawn from `arbitrary`; resolves to the cases `check` rejected (at most 20 kept). */
export async function runCases<T>(
  arbitrary: fc.Arbitrary<T>,
  count: number,
  check: (input: T) => Promise<boolean>,
  concurrency = 8,
): Promise<{ seed: number; failures: CaseFailure[] }> {
  const seed = Date.now() ^ (Math.random() * 2 ** 31);
  const inputs = fc.sample(arbitrary, { numRuns: count, seed });
  const failures: CaseFailure[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < inputs.length; i = next++) {
        if (!(await check(inputs[i] as T)) && failures.length < 20)
          failures.push({ index: i, input: describe(inputs[i]) });
      }
    }),
  );
  return { seed, failures };
}

function describe(input: unknown): string {
  if (input instanceof Uint8Array) return `bytes ${[...input.slice(0, 80)].join(",")}`;
  const text =
    JSON.stringify(input, (_, value: unknown) =>
      value instanceof Uint8Array ? `bytes(${value.length})` : value,
    ) ?? String(input);
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}
