// Issue 17 through the edge's upload route, against the real bridge of the test stack: the flate-bomb
// PDF and the ZIP64 DOCX files are stored as failed with the bridge's reason, quickly, while another
// workspace's searches keep being answered, and the bridge is still healthy afterwards. (Before the
// parser had a process of its own, the first of these took the bridge, and this suite, down.)
import { env } from "cloudflare:workers";
import { signRequest } from "@coach/contracts/signature";
import { beforeAll, describe, expect, it } from "vitest";
import { flateBombPdf } from "../../../inference-bridge/test/support/hostile-pdfs";
import {
  zip64BombDocx,
  zip64HiddenTextDocx,
} from "../../../inference-bridge/test/support/hostile-zips";
import { seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { settle, upload, type DocumentJson } from "./helpers";

const MIB = 1024 * 1024;
let attacker: SeededWorkspace;
let other: SeededWorkspace;
let searches = 0;

/** A search of the other workspace's material at the bridge, signed as the edge signs it. */
async function searchOther(): Promise<number> {
  // A distinct query per call keeps two identical searches in one second from being refused as a replay.
  const body = JSON.stringify({
    tenant_id: other.tenantId,
    query: `breathing rhythm ${++searches}`,
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
  const hits = ((await response.json()) as { hits?: unknown[] }).hits ?? [];
  return response.status === 200 && hits.length > 0 ? 200 : response.status || 500;
}

beforeAll(async () => {
  [attacker, other] = await Promise.all([seedWorkspace(), seedWorkspace()]);
  const token = other.members.editor.token;
  const queued = (await (
    await upload(
      token,
      new TextEncoder().encode(
        "# Breathing\n\nBreathe in for four counts and out for six, every morning.",
      ),
    )
  ).json()) as DocumentJson;
  expect(await settle(token, queued.id)).toMatchObject({ status: "ready" });
});

describe("hostile uploads through the edge", () => {
  const bombs: [string, () => Promise<Uint8Array> | Uint8Array, string, string][] = [
    [
      "a 30 KB PDF whose content stream inflates to 30 MiB",
      () => flateBombPdf(30 * MIB),
      "bomb.pdf",
      "no real page",
    ],
    [
      "a DOCX whose ZIP64 record leads to a hidden directory",
      () => zip64HiddenTextDocx("Visible words.", "Hidden words."),
      "hidden.docx",
      "ZIP64",
    ],
    [
      "a 300 KB DOCX hiding a 300 MB bomb behind a ZIP64 record",
      () => zip64BombDocx(300 * MIB),
      "bomb.docx",
      "ZIP64",
    ],
  ];

  for (const [name, make, filename, reason] of bombs) {
    it(
      `stores ${name} as failed within 5 s, and the other workspace is served meanwhile`,
      { timeout: 60_000 },
      async () => {
        const bytes = await make();
        const answers: Promise<number>[] = [searchOther()];
        let uploading = true;
        const searching = (async () => {
          while (uploading) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            answers.push(searchOther());
          }
        })();
        const started = Date.now();
        const response = await upload(
          attacker.members.editor.token,
          bytes,
          filename,
          "application/octet-stream",
        );
        const elapsed = Date.now() - started;
        uploading = false;
        await searching;
        expect(response.status).toBe(202);
        expect((await response.json()) as DocumentJson).toMatchObject({
          status: "failed",
          status_reason: expect.stringContaining(reason),
        });
        expect(elapsed).toBeLessThan(5000);
        expect(await Promise.all(answers)).toEqual(answers.map(() => 200));
        expect(await searchOther()).toBe(200);
        expect((await fetch(`${env.BRIDGE_URL}/health`)).status).toBe(200);
      },
    );
  }
});
