/**
 * Knowledge endpoints end to end: embed, ingest (chunking, idempotent replace), search, delete, tenant isolation.
 */
import type { SearchResponse } from "@coach/contracts/bridge";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseMarkdown } from "../src/ingest/parsers/text";
import { chunkBlocks } from "../src/ingest/section-chunker";
import { ChromaStore } from "../src/backends/chroma";
import { startHarness, uniqueTenant, type Harness } from "./support/harness";

let harness: Harness;
let store: ChromaStore;
const tenant = uniqueTenant();
const longText = Array.from({ length: 1600 }, (_, i) =>
  i % 100 === 0 ? `\n\nSection ${i}.` : `word${i % 37}`,
).join(" ");

beforeAll(async () => {
  harness = await startHarness({ chromaUrl: inject("chromaUrl"), backend: "ollama" });
  store = new ChromaStore(inject("chromaUrl"));
});
afterAll(() => harness.close());

async function search(query: string, tenantId = tenant): Promise<SearchResponse> {
  const response = await harness.fetch("POST", "/v1/search", { tenant_id: tenantId, query, k: 5 });
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResponse;
}

describe("knowledge endpoints", () => {
  it("embeds a batch of texts with the embedding model", async () => {
    const response = await harness.fetch("POST", "/v1/embed", { texts: ["one", "two", "three"] });
    expect(await response.json()).toMatchObject({
      model: "nomic-embed-text",
      dimensions: 768,
      embeddings: expect.any(Array),
    });
    expect(harness.standIn?.stats.embedTexts).toBeGreaterThanOrEqual(3);
  });

  it("chunks a long text in the embedder's own tokens and stores every chunk", async () => {
    const response = await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: "long",
      title: "Long",
      text: longText,
    });
    const { chunks } = (await response.json()) as { chunks: number };
    const { chunkTokens, overlapTokens, countTokens } = harness.bridge.services.embedder.chunking;
    const expected = chunkBlocks(parseMarkdown(longText), {
      chunkTokens,
      overlapTokens,
      countTokens,
    });
    expect(chunks).toBe(expected.length);
    expect(chunks).toBeGreaterThan(1);
    for (const chunk of expected) expect(countTokens(chunk.text)).toBeLessThanOrEqual(chunkTokens);
    expect(await store.count(tenant)).toBe(chunks);
  });

  it("replaces a document's chunks when it is ingested again", async () => {
    await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: "redo",
      title: "Redo",
      chunks: ["alpha one", "alpha two", "alpha three"],
    });
    await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: "redo",
      title: "Redo v2",
      chunks: ["beta only"],
    });
    const hits = (await search("alpha beta")).hits.filter(
      (hit) => hit.metadata.document_id === "redo",
    );
    expect(hits.map((hit) => hit.text)).toEqual(["beta only"]);
    expect(hits[0]?.metadata).toEqual({ document_id: "redo", title: "Redo v2", chunk_index: 0 });
  });

  it("returns hits best first with cosine scores and metadata", async () => {
    await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: "focus",
      title: "Focus",
      chunks: ["deep work needs long focus blocks", "gardening tips for tomatoes"],
    });
    const { hits } = await search("deep focus blocks");
    expect(hits[0]).toMatchObject({ chunk_id: "focus#0", metadata: { title: "Focus" } });
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? 1);
    expect(hits[0]?.score).toBeLessThanOrEqual(1);
  });

  it("keeps tenants apart", async () => {
    expect((await search("deep focus blocks", uniqueTenant())).hits).toEqual([]);
  });

  it("deletes a document's vectors", async () => {
    await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: "gone",
      title: "Gone",
      chunks: ["ephemeral one", "ephemeral two"],
    });
    const response = await harness.fetch("DELETE", `/v1/documents/${tenant}/gone`);
    expect(await response.json()).toEqual({ tenant_id: tenant, document_id: "gone", deleted: 2 });
    expect(
      (await search("ephemeral")).hits.some((hit) => hit.metadata.document_id === "gone"),
    ).toBe(false);
  });

  it("refuses a document with both text and chunks", async () => {
    const response = await harness.fetch("POST", "/v1/documents", {
      tenant_id: tenant,
      document_id: "x",
      title: "X",
      text: "a",
      chunks: ["b"],
    });
    expect(response.status).toBe(400);
  });

  it("refuses a tenant id that could escape its collection name", async () => {
    const response = await harness.fetch("POST", "/v1/search", {
      tenant_id: "a/../b",
      query: "x",
      k: 1,
    });
    expect(response.status).toBe(400);
  });
});
