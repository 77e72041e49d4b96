// Hostile uploads through the edge's upload route, generated: flate-bomb PDFs (one long string), Flate
// inside Flate, object streams inflating to tens of MB or holding one long string, forms drawing forms,
// DOCX files whose ZIP64 record hides a directory or a bomb, ZIPs whose parts overlap — as generated or
// with bytes damaged. The answer must never be a server error, a refusal must be the API's coded JSON
// error, a file past a guard's cap must be stored as failed, and the bridge must stay healthy and keep
// answering another workspace. Cases: PROOF_CASES (see support/proof-cases.ts), at most 1,000: each case
// is a generated file the bridge reads alone, about 0.7 s, so 10,000 would add two hours to the proof.
import { env } from "cloudflare:workers";
import { signRequest } from "@coach/contracts/signature";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedWorkspace, type SeededWorkspace } from "../worker/auth/helpers";
import { settle, upload, type DocumentJson } from "../worker/knowledge/helpers";
import { hostileUpload, type HostileUpload } from "./support/arbitraries";
import { judgeAnswer } from "./support/clean-answer";
import { hostileFile, mustBeRefused } from "./support/hostile-upload-files";
import { proofCases, reportProof } from "./support/proof-cases";
import { runCases } from "./support/run-cases";

const CASES = proofCases(24, 1_000);
const tally = {
  checked: 0,
  refused: 0,
  accepted: 0,
  server_errors: 0,
  uncoded_refusals: 0,
  missed_refusals: 0,
  other_unserved: 0,
  slowest_ms: 0,
  by_kind: {} as Record<string, number>,
};
let attacker: SeededWorkspace;
let other: SeededWorkspace;
let searches = 0;

async function otherIsServed(): Promise<boolean> {
  const body = JSON.stringify({
    tenant_id: other.tenantId,
    query: `posture check ${++searches}`,
    k: 3,
  });
  const headers = await signRequest(env.BRIDGE_SECRET, {
    method: "POST",
    pathWithQuery: "/v1/search",
    body,
  });
  const response = await fetch(`${env.BRIDGE_URL}/v1/search`, {
    method: "POST",
    body,
    headers: { ...headers, "Content-Type": "application/json" },
  });
  return (
    response.status === 200 &&
    (((await response.json()) as { hits?: unknown[] }).hits?.length ?? 0) > 0
  );
}

async function check(input: HostileUpload): Promise<boolean> {
  const bytes = await hostileFile(input);
  const started = Date.now();
  const response = await upload(
    attacker.members.editor.token,
    bytes,
    input.recipe.kind.includes("zip") ? "file.docx" : "file.pdf",
    "application/octet-stream",
  );
  const ms = Date.now() - started;
  const text = await response.clone().text();
  const verdict = await judgeAnswer(response);
  tally.checked++;
  tally.slowest_ms = Math.max(tally.slowest_ms, ms);
  tally.by_kind[input.recipe.kind] = (tally.by_kind[input.recipe.kind] ?? 0) + 1;
  if (!verdict.ok) {
    if (verdict.status >= 500) tally.server_errors++;
    else tally.uncoded_refusals++;
    console.error(`${input.recipe.kind}: ${verdict.status} ${verdict.problem}`);
    return false;
  }
  const document = verdict.status === 202 ? (JSON.parse(text) as DocumentJson) : null;
  if (verdict.status >= 400 || document?.status === "failed") tally.refused++;
  else tally.accepted++;
  if (
    input.flips.length === 0 &&
    mustBeRefused(input.recipe) &&
    document?.status !== "failed" &&
    verdict.status < 400
  ) {
    tally.missed_refusals++;
    console.error(`${input.recipe.kind}: not refused (${document?.status}) in ${ms} ms`);
    return false;
  }
  if (!(await otherIsServed())) {
    tally.other_unserved++;
    console.error(`${input.recipe.kind}: the other workspace's search failed after this upload`);
    return false;
  }
  return true;
}

beforeAll(async () => {
  [attacker, other] = await Promise.all([seedWorkspace(), seedWorkspace()]);
  const token = other.members.editor.token;
  const queued = (await (
    await upload(
      token,
      new TextEncoder().encode(
        "# Posture\n\nStand tall with relaxed shoulders and check your posture every hour.",
      ),
    )
  ).json()) as DocumentJson;
  expect(await settle(token, queued.id)).toMatchObject({ status: "ready" });
});
afterAll(() => reportProof("hostile-uploads", { cases: CASES, ...tally }));

describe("hostile uploads under fuzzing", () => {
  it(
    "never a 500, every refusal coded, every file past a cap refused, the bridge serving another workspace throughout",
    { timeout: 120_000 + CASES * 3000 },
    async () => {
      // Two at a time: the bridge reads one file at a time, and a queue of many would only measure waiting.
      const result = await runCases(hostileUpload, CASES, check, 2);
      expect({ seed: result.seed, failures: result.failures }).toEqual({
        seed: result.seed,
        failures: [],
      });
      expect(await otherIsServed()).toBe(true);
      expect((await fetch(`${env.BRIDGE_URL}/health`)).status).toBe(200);
    },
  );
});
