// Renaming a document: the title is saved in D1 and sent to the bridge (signed), a bridge that is away
// delays only its own copy (re-indexing carries the new title), and every answer shows the current
// title, whether it is streamed now, was stored before the rename, or is counted in analytics.
import { env } from "cloudflare:workers";
import { SIGNATURE_HEADER, signRequest } from "@coach/contracts/signature";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { newPublicKey } from "../../../worker/widget/widget-store";
import { COACH_MATERIAL, ROUTINE_QUESTION } from "../../support/coach-material";
import { openSession, SocketClient } from "../../support/widget-client";
import { seedConversation } from "../conversations/seeded-rooms";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { settle, upload, type DocumentJson } from "./helpers";

type BridgeCall = { method: string; path: string; body: unknown; signed: boolean };

const text = (s: string) => new TextEncoder().encode(s);

let ws: SeededWorkspace;
let editor: string;

beforeAll(async () => {
  ws = await seedWorkspace();
  editor = ws.members.editor.token;
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Answers the bridge's rename calls as `answer` does, recording them; every other call goes through. */
function stubRename(answer: () => Response): BridgeCall[] {
  const real = globalThis.fetch;
  const calls: BridgeCall[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    if (request.method !== "PATCH" || !request.url.startsWith(env.BRIDGE_URL))
      return real(input, init);
    calls.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: await request.json(),
      signed: request.headers.has(SIGNATURE_HEADER),
    });
    return answer();
  });
  return calls;
}

function rename(id: string, title: unknown, token = editor): Promise<Response> {
  return call(`/api/v1/knowledge/documents/${id}`, { method: "PATCH", token, body: { title } });
}

async function uploaded(
  token = editor,
  body = "# Morning reset\n\nWalk ten minutes outside right after waking up.",
): Promise<DocumentJson> {
  return (await (await upload(token, text(body), "morning-reset.md")).json()) as DocumentJson;
}

let searches = 0;
/** The titles the bridge's chunks carry for `query`. */
async function titlesAtBridge(tenantId: string, query: string): Promise<string[]> {
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
  return ((await response.json()) as { hits: { metadata: { title: string } }[] }).hits.map(
    (h) => h.metadata.title,
  );
}

describe("PATCH /api/v1/knowledge/documents/:id", () => {
  it("keeps the file name as the title at upload", async () => {
    expect((await uploaded()).title).toBe("morning-reset");
  });

  it("saves the trimmed title and asks the bridge, signed, to rename the document's passages", async () => {
    const document = await uploaded();
    const calls = stubRename(() => Response.json({ document_id: document.id, renamed: 1 }));
    const res = await rename(document.id, "  Morning reset guide  ");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: document.id,
      title: "Morning reset guide",
      bridge_pending: false,
    });
    expect(calls).toEqual([
      {
        method: "PATCH",
        path: `/v1/documents/${document.id}`,
        body: { tenant_id: ws.tenantId, title: "Morning reset guide" },
        signed: true,
      },
    ]);
    const read = (await (
      await call(`/api/v1/knowledge/documents/${document.id}`, { token: ws.members.viewer.token })
    ).json()) as DocumentJson;
    expect(read.title).toBe("Morning reset guide");
  });

  it("refuses a title that is empty once trimmed, or longer than 200 characters, and keeps the old one", async () => {
    const document = await uploaded();
    for (const title of ["   ", "x".repeat(201), 42]) {
      const res = await rename(document.id, title);
      expect(res.status).toBe(400);
      const error = (await res.json()) as { error: { code: string; details: { path: string }[] } };
      expect(error.error.code).toBe("validation_failed");
      expect(error.error.details.map((d) => d.path)).toEqual(["title"]);
    }
    expect((await rename(document.id, "x".repeat(200))).status).not.toBe(400);
  });

  it("answers another workspace's document as not found and leaves it as it was", async () => {
    const document = await uploaded();
    const other = await seedWorkspace();
    const res = await rename(document.id, "Taken over", other.members.owner.token);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
    const read = (await (
      await call(`/api/v1/knowledge/documents/${document.id}`, { token: editor })
    ).json()) as DocumentJson;
    expect(read.title).toBe("morning-reset");
  });

  it("refuses viewers", async () => {
    const document = await uploaded();
    expect((await rename(document.id, "Viewer's title", ws.members.viewer.token)).status).toBe(403);
  });

  it("saves the title while the bridge is away, says its copy is pending, and the next re-index brings it the new title", async () => {
    const tenant = await seedWorkspace();
    const token = tenant.members.editor.token;
    const document = await uploaded(token);
    await settle(token, document.id);
    expect(await titlesAtBridge(tenant.tenantId, "walk after waking")).toEqual(["morning-reset"]);

    stubRename(() => {
      throw new TypeError("fetch failed");
    });
    const res = await rename(document.id, "Walk first", token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ title: "Walk first", bridge_pending: true });
    vi.restoreAllMocks();

    await call(`/api/v1/knowledge/documents/${document.id}/reindex`, {
      method: "POST",
      token,
      body: {},
    });
    expect(await settle(token, document.id)).toMatchObject({
      status: "ready",
      title: "Walk first",
    });
    expect(await titlesAtBridge(tenant.tenantId, "walk after waking")).toEqual(["Walk first"]);
  });
});

describe("citations after a rename", () => {
  it("show the current title on a live answer and on answers stored before the rename", async () => {
    const tenant = await seedWorkspace();
    const token = tenant.members.editor.token;
    const publicKey = newPublicKey();
    await forTenant(env.DB, tenant.tenantId).insert("widgets", {
      id: crypto.randomUUID(),
      publicKey,
      allowedOrigins: ["https://creator.example"],
      settings: {},
    });
    const document = await uploaded(token, COACH_MATERIAL);
    await settle(token, document.id);
    const session = await openSession({ tenantId: tenant.tenantId, publicKey });
    const client = await SocketClient.connect(session);
    const ask = async (clientId: string) => {
      client.send({ type: "message", client_id: clientId, text: ROUTINE_QUESTION });
      const ack = (await client.next((f) => f.type === "ack" && f.client_id === clientId)) as {
        seq: number;
      };
      return (await client.next((f) => f.type === "done" && f.seq > ack.seq, 20_000)) as {
        seq: number;
        citations: { document_id: string; title: string }[];
      };
    };

    const before = await ask("rename-ask-0001");
    expect(before.citations).toEqual([
      expect.objectContaining({ document_id: document.id, title: "morning-reset" }),
    ]);
    // Whatever the bridge makes of the rename, its chunks may still carry the old title.
    await rename(document.id, "Morning routine guide", token);

    const after = await ask("rename-ask-0002");
    expect(after.citations).toEqual([
      expect.objectContaining({ document_id: document.id, title: "Morning routine guide" }),
    ]);
    client.close();
    const transcript = (await (
      await call(`/api/v1/conversations/${session.conversation_id}/messages`, { token })
    ).json()) as {
      messages: { seq: number; sources: { title: string }[]; citations: { title: string }[] }[];
    };
    const answers = transcript.messages.filter((m) => m.seq === before.seq || m.seq === after.seq);
    expect(
      answers.map((m) => [m.sources.map((s) => s.title), m.citations.map((s) => s.title)]),
    ).toEqual([
      [["Morning routine guide"], ["Morning routine guide"]],
      [["Morning routine guide"], ["Morning routine guide"]],
    ]);
  });

  it("count a document under its current title in analytics", async () => {
    const tenant = await seedWorkspace();
    const gateway = forTenant(env.DB, tenant.tenantId);
    const document = await gateway.insert("documents", {
      id: crypto.randomUUID(),
      title: "Sleep notes",
      kind: "md",
      status: "ready",
    });
    await seedConversation(tenant.tenantId, {
      channel: "web",
      contact: { name: "Noor" },
      messages: [
        { role: "user", text: "How long should I nap?", at: Date.now() - 2000 },
        {
          role: "assistant",
          text: "Twenty minutes [1].",
          at: Date.now() - 1000,
          confidence: 0.7,
          citations: [{ document_id: document.id, title: "Sleep notes" }],
        },
      ],
    });
    await gateway.update("documents", document.id, { title: "Napping guide" });
    const analytics = (await (
      await call("/api/v1/analytics", { token: tenant.members.owner.token })
    ).json()) as { top_documents: unknown[] };
    expect(analytics.top_documents).toEqual([
      { document_id: document.id, title: "Napping guide", citations: 1 },
    ]);
  });
});
