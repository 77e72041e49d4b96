// A refused form shows which fields the server refused and why, not "see details" with nothing under
// it: the error body's `details` (the edge's zod issues) become the ApiError's problems.
import { describe, expect, it } from "vitest";
import { apiErrorFrom } from "../../src/api/errors";

describe("apiErrorFrom", () => {
  it("carries the refused fields of a validation_failed answer", async () => {
    const body = {
      error: {
        code: "validation_failed",
        message: "Some fields are missing or invalid; see details.",
        request_id: "r1",
        details: [
          { path: "slug", code: "invalid_format", message: "Use lowercase letters and digits." },
          { path: "", code: "custom", message: "The flow has no start." },
          { nonsense: true },
        ],
      },
    };
    const error = await apiErrorFrom(Response.json(body, { status: 400 }));
    expect(error.code).toBe("validation_failed");
    expect(error.problems).toEqual([
      { path: "slug", message: "Use lowercase letters and digits." },
      { path: "", message: "The flow has no start." },
    ]);
  });

  it("has no problems when the details are not a list of fields", async () => {
    const body = {
      error: {
        code: "rate_limited",
        message: "Slow down.",
        request_id: "r2",
        details: { retry_after: 3 },
      },
    };
    expect((await apiErrorFrom(Response.json(body, { status: 429 }))).problems).toEqual([]);
  });
});
