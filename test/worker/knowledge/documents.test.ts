// The knowledge library end to end: uploads typed from their bytes, originals in R2 under the tenant,
// the bridge's signed callbacks moving the status to ready, tenant scoping, delete taking the vectors
// along, and re-indexing.
import { env } from "cloudflare:workers";
import { signRequest } from "@coach/contracts/signature";
import { beforeAll, describe, expect, it } from "vitest";
import { makeDocx, makePdf } from "../../../inference-bridge/test/support/document-fixtures";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { settle, upload, type DocumentJson } from "./helpers";

let ws: SeededWorkspace;
let editor: string;
const text = (s: string) => new TextEncoder().encode(s);
const GUIDE =
  "# Morning reset\n\nWalk ten minutes outside right after waking up, before any screen.\n\n## Evening\n\nWrite three lines about your day.";

let searches = 0;
async function chunksAtBridge(tenantId: string, query: string): Promise<{ document_id: string }[]> {
  // A distinct k per call keeps two identical searches in one second from being refused as a replay.
  searches += 1;
  const body = JSON.stringify({ tenant_id: tenantId, query, k: 10 + (searches % 40) });
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
  return ((await response.json()) as { hits: { metadata: { document_id: string } }[] }).hits.map(
    (h) => h.metadata,
  );
}

beforeAll(async () => {
  ws = await seedWorkspace();
  editor = ws.members.editor.token;
});

describe("uploading", () => {
  it("answers the document queued, and its status becomes ready with a chunk count", async () => {
    const res = await upload(editor, text(GUIDE));
    expect(res.status).toBe(202);
    const queued = (await res.json()) as DocumentJson;
    expect(queued).toMatchObject({
      id: expect.any(String),
      status: "queued",
      kind: "md",
      title: "notes",
    });
    expect(await settle(editor, queued.id)).toMatchObject({ status: "ready", chunk_count: 2 });
  });

  it("reads PDFs with their page count", async () => {
    const pdf = makePdf([
      ["Breathing\nBreathe in for four counts, out for six."],
      ["Posture\nStand tall with relaxed shoulders."],
    ]);
    const queued = (await (
      await upload(editor, pdf, "breathing.pdf", "application/pdf")
    ).json()) as DocumentJson;
    expect(await settle(editor, queued.id)).toMatchObject({
      kind: "pdf",
      status: "ready",
      page_count: 2,
    });
  });

  it("reads Word documents", async () => {
    const docx = makeDocx([
      { text: "Focus", heading: 1 },
      { text: "One task at a time, for twenty-five minutes." },
    ]);
    const queued = (await (
      await upload(editor, docx, "focus.docx", "application/octet-stream")
    ).json()) as DocumentJson;
    expect(await settle(editor, queued.id)).toMatchObject({
      kind: "docx",
      status: "ready",
      chunk_count: 1,
    });
  });

  it("decides the type from the bytes, not the name or declared type", async () => {
    const res = await upload(editor, text(GUIDE), "report.pdf", "application/pdf");
    expect(((await res.json()) as DocumentJson).kind).toBe("md");
  });

  it("refuses a renamed program with 415 and keeps nothing", async () => {
    const other = await seedWorkspace();
    const res = await upload(
      other.members.editor.token,
      new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]),
      "guide.pdf",
      "application/pdf",
    );
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_file_type");
    const list = (await (
      await call("/api/v1/knowledge/documents", { token: other.members.editor.token })
    ).json()) as { documents: unknown[] };
    expect(list.documents).toEqual([]);
  });

  it("refuses a file over 25 MB with 413", async () => {
    const res = await upload(
      editor,
      new Uint8Array(25 * 1024 * 1024 + 1).fill(0x61),
      "big.txt",
      "text/plain",
    );
    expect(res.status).toBe(413);
  });

  it("marks a file the bridge cannot read as failed, with the reason", async () => {
    const res = await upload(
      editor,
      makePdf([["Secret"]], { encrypted: true }),
      "locked.pdf",
      "application/pdf",
    );
    const document = (await res.json()) as DocumentJson;
    expect(document).toMatchObject({
      status: "failed",
      status_reason: expect.stringContaining("password"),
    });
  });

  it("keeps the original in R2 under the tenant's prefix", async () => {
    const queued = (await (await upload(editor, text(GUIDE))).json()) as DocumentJson;
    const original = await env.FILES.get(`tenants/${ws.tenantId}/documents/${queued.id}/original`);
    expect(await original?.text()).toBe(GUIDE);
  });

  it("accepts text and question-and-answer pairs entered directly", async () => {
    const entered = await call("/api/v1/knowledge/documents", {
      token: editor,
      body: {
        title: "FAQ",
        qa_pairs: [{ question: "How long should I walk?", answer: "Ten minutes." }],
      },
    });
    const document = (await entered.json()) as DocumentJson;
    expect(await settle(editor, document.id)).toMatchObject({
      kind: "qa",
      status: "ready",
      chunk_count: 1,
    });
  });
});

describe("corrections", () => {
  it("store a corrected answer from a transcript as a curated entry of the library", async () => {
    const body = {
      question: "How long is a focus block?",
      answer: "Fifty minutes, then ten minutes away from the desk.",
      conversation_id: "c-1",
      message_seq: 4,
    };
    const res = await call("/api/v1/knowledge/corrections", { token: editor, body });
    expect(res.status).toBe(202);
    const document = (await res.json()) as DocumentJson;
    expect(await settle(editor, document.id)).toMatchObject({
      kind: "correction",
      title: "Correction: How long is a focus block?",
      status: "ready",
      chunk_count: 1,
    });
  });

  it("export as golden cases for the evaluation", async () => {
    const body = {
      question: "What is the caffeine cutoff?",
      answer: "2 pm, so your sleep stays deep.",
    };
    await call("/api/v1/knowledge/corrections", { token: editor, body });
    const exported = (await (
      await call("/api/v1/knowledge/corrections", { token: ws.members.viewer.token })
    ).json()) as { cases: unknown[] };
    expect(exported.cases).toContainEqual(expect.objectContaining(body));
  });
});

describe("the library", () => {
  it("answers another workspace's document as not found", async () => {
    const queued = (await (await upload(editor, text(GUIDE))).json()) as DocumentJson;
    const other = await seedWorkspace();
    expect(
      (await call(`/api/v1/knowledge/documents/${queued.id}`, { token: other.members.owner.token }))
        .status,
    ).toBe(404);
  });

  it("deletes a document together with its vectors and its original", async () => {
    const tenant = await seedWorkspace();
    const token = tenant.members.editor.token;
    const { id } = (await (await upload(token, text(GUIDE))).json()) as DocumentJson;
    await settle(token, id);
    expect(await chunksAtBridge(tenant.tenantId, "walk after waking")).not.toEqual([]);
    const res = await call(`/api/v1/knowledge/documents/${id}`, { method: "DELETE", token });
    expect(await res.json()).toEqual({ id, deleted: true, vectors_deleted: 2 });
    expect(await chunksAtBridge(tenant.tenantId, "walk after waking")).toEqual([]);
    expect(await env.FILES.get(`tenants/${tenant.tenantId}/documents/${id}/original`)).toBeNull();
  });

  it("re-indexes a document without duplicating its chunks", async () => {
    const tenant = await seedWorkspace();
    const token = tenant.members.editor.token;
    const { id } = (await (await upload(token, text(GUIDE))).json()) as DocumentJson;
    await settle(token, id);
    const res = await call(`/api/v1/knowledge/documents/${id}/reindex`, {
      method: "POST",
      token,
      body: {},
    });
    expect(((await res.json()) as DocumentJson).status).toBe("queued");
    expect(await settle(token, id)).toMatchObject({ status: "ready", chunk_count: 2 });
    expect(await chunksAtBridge(tenant.tenantId, "walk after waking")).toHaveLength(2);
  });

  it("re-indexes every document at once", async () => {
    const tenant = await seedWorkspace();
    const token = tenant.members.editor.token;
    await upload(token, text(GUIDE));
    await upload(token, text("Plain notes about breathing slowly."), "b.txt");
    const res = await call("/api/v1/knowledge/reindex", { method: "POST", token, body: {} });
    const body = (await res.json()) as { documents: DocumentJson[] };
    expect(body.documents.map((d) => d.status)).toEqual(["queued", "queued"]);
  });
});
