/**
 * The documented confidence score: driven by the best passage, supported by the next ones, 0 with none.
 */
import { describe, expect, it } from "vitest";
import { confidenceOf } from "../../src/rag/confidence";

describe("confidenceOf", () => {
  it("is 0 without passages", () => {
    expect(confidenceOf([], 0.35)).toBe(0);
  });

  it("is 1 when the top three passages match perfectly", () => {
    expect(confidenceOf([1, 1, 1], 0.35)).toBe(1);
  });

  it("rises with agreement among the next passages", () => {
    expect(confidenceOf([0.8, 0.7, 0.7], 0.35)).toBeGreaterThan(confidenceOf([0.8, 0.36, 0.36], 0.35));
  });

  it("is near 0 for a passage that only just clears the threshold", () => {
    expect(confidenceOf([0.36], 0.35)).toBeLessThan(0.03);
  });
});
