/**
 * Re-indexing when the embedder changes: a library indexed by the built-in embedder, then the bridge
 * restarted with Ollama (stand-in). The bridge asks the edge (signed) for the originals, keeps answering
 * from the old index meanwhile, and switches to the new collection once every document is back.
 */
import { REINDEX_CALLBACK_PATH } from "@coach/contracts/knowledge";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChroma, type ChromaProcess } from "../../src/backends/chroma-process";
import { freePort } from "../support/free-port";
import { PERSONA, readNdjson, startHarness, uniqueTenant, type Harness } from "../support/harness";
import { CallbackSink, postOriginal } from "../support/ingest-client";

// Its own Chroma: a restarted bridge re-indexes every tenant it finds, which must not touch other files' data.
let chroma: ChromaProcess;
let dataDir: string;
let sink: CallbackSink;
let bridge: Harness;
const tenant = uniqueTenant();
const GUIDE = new TextEncoder().encode(
  "# Evenings\n\nDim the lights sixty minutes before bed and put the phone in the kitchen.",
);

async function ask(harness: Harness): Promise<Record<string, unknown>> {
  const events = await readNdjson(
    await harness.fetch("POST", "/v1/chat", {
      tenant_id: tenant,
      conversation_id: "c",
      question: "When should I dim the lights before bed?",
      persona: PERSONA,
      retrieval: { k: 2, min_score: 0 },
    }),
  );
  return events.at(-1) ?? {};
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "reindex-chroma-"));
  chroma = await startChroma({ dataDir, port: await freePort() });
  sink = await CallbackSink.start();
  sink.answer = (path, body) =>
    path === REINDEX_CALLBACK_PATH && body.tenant_id === tenant
      ? { document_ids: ["evenings"] }
      : {};
  const first = await startHarness({
    chromaUrl: chroma.url,
    backend: "builtin",
    logLevel: "error",
    env: { EDGE_CALLBACK_URL: sink.url },
  });
  await postOriginal(first.url, {
    tenant,
    document: "evenings",
    kind: "md",
    bytes: GUIDE,
    title: "Evenings",
  });
  await sink.settled("evenings");
  await first.close();
  bridge = await startHarness({
    chromaUrl: chroma.url,
    backend: "ollama",
    logLevel: "error",
    env: { EDGE_CALLBACK_URL: sink.url },
  });
});
afterAll(async () => {
  await bridge.close();
  await sink.close();
  await chroma.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("re-index on a change of embedder", () => {
  it("asks the edge, signed, to send the tenant's originals again, naming the new embedder", async () => {
    const deadline = Date.now() + 10_000;
    while (!sink.received.some((c) => c.path === REINDEX_CALLBACK_PATH) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sink.received.find((c) => c.path === REINDEX_CALLBACK_PATH)).toMatchObject({
      signatureOk: true,
      body: { tenant_id: tenant, embedder: { name: "nomic-embed-text", dimensions: 768 } },
    });
  });

  it("keeps answering from the old index while the new one is built", async () => {
    expect(await bridge.bridge.services.knowledge.store.identity(tenant)).toMatchObject({
      name: "builtin",
    });
    expect(await ask(bridge)).toMatchObject({
      type: "done",
      grounding: "material",
      citations: [expect.objectContaining({ document_id: "evenings" })],
    });
  });

  it("switches to the new collection once every document is back", async () => {
    await postOriginal(bridge.url, {
      tenant,
      document: "evenings",
      kind: "md",
      bytes: GUIDE,
      title: "Evenings",
      attempt: 2,
    });
    await sink.settled("evenings", 2);
    expect(await bridge.bridge.services.knowledge.store.identity(tenant)).toMatchObject({
      name: "nomic-embed-text",
      dimensions: 768,
    });
    expect(await bridge.bridge.services.knowledge.store.identity(tenant, "next")).toBeUndefined();
    expect(await ask(bridge)).toMatchObject({
      type: "done",
      grounding: "material",
      citations: [expect.objectContaining({ document_id: "evenings" })],
    });
  });
});
