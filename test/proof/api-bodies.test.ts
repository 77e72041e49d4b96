// Bad input on every API route that takes a body, enumerated from the app's own route table (so routes
// added later are fuzzed too): arbitrary JSON, near-valid objects built from the field names each schema
// reports, wrong types, huge and strange strings, deep nesting, truncated JSON, invalid UTF-8, wrong
// content types and oversize bodies. The answer must never be a server error, and every refusal must be
// the API's JSON error with a code. Cases per route: PROOF_CASES (see support/proof-cases.ts).
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { call, seedWorkspace, type SeededWorkspace } from "../worker/auth/helpers";
import { apiRoutes, concretePath, sendsBody, type ApiRoute } from "../worker/auth/routes";
import { anyJson, brokenBody, deepJson, nearValid } from "./support/arbitraries";
import { judgeAnswer } from "./support/clean-answer";
import { proofCases, reportProof } from "./support/proof-cases";
import { rawCall } from "./support/raw-call";
import { runCases } from "./support/run-cases";

const CASES = proofCases(30);
const tally = {
  routes: 0,
  cases: 0,
  server_errors: 0,
  uncoded_refusals: 0,
  statuses: {} as Record<string, number>,
};

const WRONG_CONTENT_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
  "application/json; charset=latin1",
  "image/png",
];

/** The fields a route's schema names when it refuses an empty and an odd body (zod issue paths). */
async function schemaFields(route: ApiRoute, token: string): Promise<string[]> {
  const fields = new Set<string>();
  for (const body of [{}, { text: 1, title: 1, name: 1, email: 1 }]) {
    const res = await call(concretePath(route.path), { method: route.method, token, body });
    const answer = (await res.json().catch(() => null)) as { error?: { details?: unknown } } | null;
    const details = answer?.error?.details;
    if (Array.isArray(details))
      for (const issue of details)
        if (typeof issue?.path === "string" && issue.path) fields.add(issue.path);
  }
  return [...fields];
}

/** Sends `body` as it is, with `contentType`, and judges the answer. */
async function send(
  route: ApiRoute,
  workspace: SeededWorkspace,
  body: BodyInit,
  contentType: string,
): Promise<boolean> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${workspace.members.owner.token}`,
  };
  if (contentType) headers["Content-Type"] = contentType;
  const verdict = await judgeAnswer(
    await rawCall(concretePath(route.path), { method: route.method, headers, body }),
  );
  tally.cases++;
  tally.statuses[verdict.status] = (tally.statuses[verdict.status] ?? 0) + 1;
  if (!verdict.ok) {
    if (verdict.status >= 500) tally.server_errors++;
    else tally.uncoded_refusals++;
    console.error(`${route.key}: ${verdict.status} ${verdict.problem}`);
  }
  return verdict.ok;
}

afterAll(() => reportProof("api-bodies", { cases_per_route: CASES, ...tally }));

describe("every API body schema under fuzzing", () => {
  const routes = apiRoutes().filter((route) => sendsBody(route.method));

  it("finds the routes to fuzz in the app's route table", () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  for (const route of routes) {
    it(
      `${route.key}: never a 500, every refusal a JSON error with a code`,
      { timeout: 60_000 + CASES * 30 },
      async () => {
        tally.routes++;
        // A workspace per route: a route that signs out or erases must not disarm the next one.
        const workspace = await seedWorkspace();
        const fields = await schemaFields(route, workspace.members.owner.token);
        const json = fc.oneof(
          { arbitrary: anyJson, weight: 4 },
          { arbitrary: nearValid(fields), weight: 5 },
          { arbitrary: deepJson, weight: 1 },
        );
        const bodies = await runCases(json, CASES, (body) =>
          send(route, workspace, JSON.stringify(body), "application/json"),
        );
        const broken = await runCases(
          fc.tuple(brokenBody, fc.constantFrom("application/json", ...WRONG_CONTENT_TYPES)),
          Math.max(5, Math.ceil(CASES / 10)),
          ([body, type]) => send(route, workspace, body.bytes, type),
        );
        expect({ seed: bodies.seed, failures: bodies.failures }).toEqual({
          seed: bodies.seed,
          failures: [],
        });
        expect({ seed: broken.seed, failures: broken.failures }).toEqual({
          seed: broken.seed,
          failures: [],
        });
        // Past the default limit of 1 MB, as valid JSON.
        expect(
          await send(
            route,
            workspace,
            JSON.stringify({ text: "x".repeat(1_100_000) }),
            "application/json",
          ),
        ).toBe(true);
      },
    );
  }
});
