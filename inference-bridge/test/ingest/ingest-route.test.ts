/**
 * `POST /v1/ingest/…` end to end: accepted at once, then signed status callbacks to the edge
 * (processing → ready with the chunk count), the chunk texts sent to the edge for its own index,
 * chunks stored with section and page, re-ingesting replaces, and a refused file never reaches the store.
 */
import type { SearchResponse } from "@coach/contracts/bridge";
import { passagesCallbackPath } from "@coach/contracts/knowledge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makePdf } from "../support/document-fixtures";
import { startHarness, uniqueTenant, type Harness } from "../support/harness";
import { CallbackSink, postOriginal } from "../support/ingest-client";

let harness: Harness;
let sink: CallbackSink;
const tenant = uniqueTenant();
const pdf = makePdf([
  ["The Reset Method\nEvery morning starts with a ten minute walk outside."],
  ["Evening review\nWrite three lines about the day before sleeping."],
]);

beforeAll(async () => {
  sink = await CallbackSink.start();
  harness = await startHarness({
    chromaUrl: inject("chromaUrl"),
    backend: "builtin",
    logLevel: "error",
    env: { EDGE_CALLBACK_URL: sink.url },
  });
});
afterAll(async () => {
  await harness.close();
  await sink.close();
});

async function search(query: string): Promise<SearchResponse> {
  return (await (
    await harness.fetch("POST", "/v1/search", { tenant_id: tenant, query, k: 5 })
  ).json()) as SearchResponse;
}

describe("ingest route", () => {
  it("accepts the file and reports processing then ready with the chunk and page counts, signed", async () => {
    const response = await postOriginal(harness.url, {
      tenant,
      document: "reset",
      kind: "pdf",
      bytes: pdf,
    });
    expect(response.status).toBe(202);
    const callbacks = await sink.settled("reset");
    expect(callbacks.map((c) => c.body.status)).toEqual(["processing", "ready"]);
    expect(callbacks.every((c) => c.signatureOk)).toBe(true);
    expect(callbacks.at(-1)?.body).toMatchObject({
      tenant_id: tenant,
      attempt: 1,
      chunk_count: 2,
      page_count: 2,
    });
  });

  it("stores chunks with their section and page", async () => {
    const { hits } = await search("three lines about the day");
    expect(hits[0]?.metadata).toMatchObject({
      document_id: "reset",
      section: "Evening review",
      page: 2,
    });
  });

  it("sends the chunk texts to the edge, signed, before the document reads as ready", async () => {
    const path = passagesCallbackPath("reset");
    const sent = sink.received.filter((c) => c.path === path && c.body.attempt === 1);
    expect(sent.every((c) => c.signatureOk)).toBe(true);
    expect(sent.map((c) => c.body)).toMatchObject([
      {
        tenant_id: tenant,
        from: 0,
        total: 2,
        passages: [
          { index: 0, page: 1, section: "The Reset Method" },
          { index: 1, page: 2, section: "Evening review" },
        ],
      },
    ]);
    const ready = sink.received.findIndex((c) => c.body.status === "ready");
    expect(sink.received.findIndex((c) => c.path === path)).toBeLessThan(ready);
  });

  it("replaces the document's chunks when it is ingested again", async () => {
    await postOriginal(harness.url, {
      tenant,
      document: "reset",
      kind: "pdf",
      bytes: pdf,
      attempt: 2,
    });
    const callbacks = await sink.settled("reset", 2);
    expect(callbacks.at(-1)?.body.status).toBe("ready");
    expect(await harness.bridge.services.knowledge.store.count(tenant)).toBe(2);
  });

  it("refuses an unreadable file before anything is stored or reported", async () => {
    const response = await postOriginal(harness.url, {
      tenant,
      document: "broken",
      kind: "pdf",
      bytes: new TextEncoder().encode("%PDF-1.4 nonsense"),
    });
    expect(response.status).toBe(422);
    expect(sink.received.some((c) => c.path.includes("broken"))).toBe(false);
  });
});
