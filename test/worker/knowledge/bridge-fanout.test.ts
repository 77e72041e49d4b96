// A workspace with two real bridges (the test stack's and a second one with its own Chroma and secret):
// an upload reaches both and the library shows each copy, a deletion removes it from both, a bridge
// added later is back-filled from the originals a few documents at a time and gets turns only once its
// index is complete, one whose index lost a document is noticed and filled again, and a status
// callback signed with another bridge's secret is refused (the export lists the bridges without their
// secrets).
import { statusCallbackPath } from "@coach/contracts/knowledge";
import { signRequest } from "@coach/contracts/signature";
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bridgePoolFor } from "../../../worker/lib/bridge-pools";
import { call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { deliver, upload, type DocumentJson } from "./helpers";
import type { CapturedCallback } from "../../support/bridge-stack";

const PEER_SECRET = "peer-bridge-secret-0123456789abcdef0123456789";

type Peer = { url: string; control_url: string };
type Copy = { bridge_id: string; status: string; reason: string | null };
type Listed = DocumentJson & { bridges: Copy[] };
type BridgeJson = {
  id: string;
  index?: { state: string; documents_total: number; documents_indexed: number } | null;
};

let peer: Peer;

beforeAll(async () => {
  const res = await fetch(`${env.TEST_CONTROL_URL}/peer/start`, {
    method: "POST",
    body: JSON.stringify({ secret: PEER_SECRET }),
  });
  peer = (await res.json()) as Peer;
}, 60_000);

afterAll(async () => {
  await fetch(`${env.TEST_CONTROL_URL}/peer/stop`, { method: "POST", body: "{}" });
});

async function addBridge(ws: SeededWorkspace, name: string, url: string, secret: string) {
  const res = await call("/api/v1/bridges", {
    token: ws.members.owner.token,
    body: { name, url, secret },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Takes the status callbacks for `documentId` that the bridge behind `controlUrl` sent. */
async function taken(controlUrl: string, documentId: string): Promise<CapturedCallback[]> {
  const query = new URLSearchParams({ path: statusCallbackPath(documentId), contains: documentId });
  return (await (
    await fetch(`${controlUrl}/callbacks?${query.toString()}`)
  ).json()) as CapturedCallback[];
}

async function getDocument(ws: SeededWorkspace, id: string): Promise<Listed> {
  const res = await call(`/api/v1/knowledge/documents/${id}`, { token: ws.members.owner.token });
  return (await res.json()) as Listed;
}

/** Delivers both bridges' callbacks for `id` until every copy is final; the document then. */
async function settleCopies(ws: SeededWorkspace, id: string): Promise<Listed> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const url of [env.TEST_CONTROL_URL, peer.control_url])
      for (const callback of await taken(url, id)) await deliver(callback);
    const document = await getDocument(ws, id);
    if (document.bridges.every((b) => b.status === "ready" || b.status === "failed"))
      return document;
    if (Date.now() > deadline) throw new Error(`copies of ${id} not settled`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let asked = 0;

/** The documents a bridge's index holds for the tenant, asked as the edge asks it. */
async function heldAt(url: string, secret: string, tenantId: string): Promise<string[]> {
  // A query of its own per call: the same signed GET twice in one second would be refused as a replay.
  asked += 1;
  const path = `/v1/index/${tenantId}?n=${asked}`;
  const headers = await signRequest(secret, { method: "GET", pathWithQuery: path, body: "" });
  const res = await fetch(`${url}${path}`, { headers });
  return ((await res.json()) as { document_ids: string[] }).document_ids;
}

async function uploadText(ws: SeededWorkspace, text: string, name: string): Promise<string> {
  const res = await upload(ws.members.owner.token, new TextEncoder().encode(text), name);
  expect(res.status).toBe(202);
  return ((await res.json()) as DocumentJson).id;
}

async function bridgeList(ws: SeededWorkspace): Promise<BridgeJson[]> {
  const res = await call("/api/v1/bridges", { token: ws.members.owner.token });
  return ((await res.json()) as { bridges: BridgeJson[] }).bridges;
}

/** The bridge the pool picks for a turn that prefers `preferred`; the lease is given back at once. */
async function routedTo(tenantId: string, preferred: string): Promise<string | undefined> {
  const pool = bridgePoolFor(env, tenantId);
  const chosen = await pool.choose(tenantId, { request_id: "r", preferred, exclude: [] });
  if (chosen)
    await pool.report(tenantId, {
      request_id: "r",
      bridge_id: chosen.bridge_id,
      lease_id: chosen.lease_id,
      outcome: { kind: "released" },
    });
  return chosen?.bridge_id;
}

describe("a workspace with two bridges", () => {
  it("sends an upload to both, shows each copy, and a deletion removes it from both", async () => {
    const ws = await seedWorkspace();
    const first = await addBridge(ws, "Home server", env.BRIDGE_URL, env.BRIDGE_SECRET);
    const second = await addBridge(ws, "Second machine", peer.url, PEER_SECRET);
    const id = await uploadText(
      ws,
      "# Sleep\n\nSame bedtime every night, even on weekends.",
      "sleep.md",
    );

    const document = await settleCopies(ws, id);
    expect(document.status).toBe("ready");
    expect(document.bridges).toEqual([
      expect.objectContaining({ bridge_id: first, status: "ready" }),
      expect.objectContaining({ bridge_id: second, status: "ready" }),
    ]);
    expect(await heldAt(env.BRIDGE_URL, env.BRIDGE_SECRET, ws.tenantId)).toContain(id);
    expect(await heldAt(peer.url, PEER_SECRET, ws.tenantId)).toContain(id);

    const removed = await call(`/api/v1/knowledge/documents/${id}`, {
      method: "DELETE",
      token: ws.members.owner.token,
    });
    expect(removed.status).toBe(200);
    expect(await heldAt(env.BRIDGE_URL, env.BRIDGE_SECRET, ws.tenantId)).not.toContain(id);
    expect(await heldAt(peer.url, PEER_SECRET, ws.tenantId)).not.toContain(id);
  });

  it("refuses a status callback signed with another bridge's secret", async () => {
    const ws = await seedWorkspace();
    await addBridge(ws, "Home server", env.BRIDGE_URL, env.BRIDGE_SECRET);
    const second = await addBridge(ws, "Second machine", peer.url, PEER_SECRET);
    const id = await uploadText(
      ws,
      "# Focus\n\nOne task at a time, phone in another room.",
      "focus.md",
    );
    await settleCopies(ws, id);
    const path = statusCallbackPath(id);
    const body = JSON.stringify({
      tenant_id: ws.tenantId,
      document_id: id,
      bridge_id: second,
      attempt: 1,
      seq: 99,
      status: "failed",
      reason: "Forged by the other bridge.",
    });
    const headers = await signRequest(env.BRIDGE_SECRET, {
      method: "POST",
      pathWithQuery: path,
      body,
    });
    const forged = await deliver({
      path,
      body,
      timestamp: headers["X-Bridge-Timestamp"],
      signature: headers["X-Bridge-Signature"],
    });
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).code).toBe("signature_invalid");
    expect((await getDocument(ws, id)).bridges).toContainEqual(
      expect.objectContaining({ bridge_id: second, status: "ready" }),
    );

    // The workspace export lists both bridges, and neither secret.
    const exported = await (
      await call("/api/v1/workspace/export", { token: ws.members.owner.token })
    ).text();
    expect((JSON.parse(exported) as { bridges: { id: string }[] }).bridges).toHaveLength(2);
    expect(exported).not.toContain(PEER_SECRET);
    expect(exported).not.toContain(env.BRIDGE_SECRET);
  });

  it("back-fills a bridge added to a workspace of 20 documents, two at a time, and routes to it only once complete", async () => {
    const ws = await seedWorkspace();
    const first = await addBridge(ws, "Home server", env.BRIDGE_URL, env.BRIDGE_SECRET);
    const ids: string[] = [];
    const topics = Array.from({ length: 20 }, (_, i) => `Practice ${i + 1}`);
    for (const [i, topic] of topics.entries()) {
      const id = await uploadText(
        ws,
        `# ${topic}\n\nPractice ${topic.toLowerCase()} daily.`,
        `${i}.md`,
      );
      await settleCopies(ws, id);
      ids.push(id);
    }

    const second = await addBridge(ws, "New machine", peer.url, PEER_SECRET);
    const filling = (await bridgeList(ws)).find((b) => b.id === second);
    expect(filling?.index).toMatchObject({ state: "filling", documents_total: 20 });
    // Even preferred by the conversation, a filling bridge gets no turn while a complete one is up.
    expect(await routedTo(ws.tenantId, second)).toBe(first);

    // The pool's alarm sends the originals on its own; no more than two are out at a time.
    const sent = new Map<string, CapturedCallback[]>();
    await expect
      .poll(
        async () => {
          for (const id of ids) {
            const callbacks = await taken(peer.control_url, id);
            if (callbacks.length > 0) sent.set(id, [...(sent.get(id) ?? []), ...callbacks]);
          }
          return sent.size;
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    for (const id of ids) {
      const more = await taken(peer.control_url, id);
      if (more.length > 0) sent.set(id, [...(sent.get(id) ?? []), ...more]);
    }
    expect(sent.size).toBe(2);

    // As its callbacks arrive, the rest follows, and the bridge joins the pool's answers.
    await expect
      .poll(
        async () => {
          for (const id of ids) {
            for (const callback of [
              ...(sent.get(id) ?? []),
              ...(await taken(peer.control_url, id)),
            ])
              await deliver(callback);
            sent.delete(id);
          }
          return (await bridgeList(ws)).find((b) => b.id === second)?.index;
        },
        { timeout: 60_000, interval: 300 },
      )
      .toMatchObject({ state: "complete", documents_indexed: 20 });
    expect((await heldAt(peer.url, PEER_SECRET, ws.tenantId)).sort()).toEqual([...ids].sort());
    expect(await routedTo(ws.tenantId, second)).toBe(second);
  }, 120_000);

  it("notices a bridge whose index lost a document and fills it again before routing to it", async () => {
    const ws = await seedWorkspace();
    const first = await addBridge(ws, "Home server", env.BRIDGE_URL, env.BRIDGE_SECRET);
    const second = await addBridge(ws, "Second machine", peer.url, PEER_SECRET);
    const id = await uploadText(ws, "# Posture\n\nStand up every half hour.", "posture.md");
    await settleCopies(ws, id);
    // Its disk is wiped behind the edge's back.
    const path = `/v1/documents/${ws.tenantId}/${id}`;
    const headers = await signRequest(PEER_SECRET, {
      method: "DELETE",
      pathWithQuery: path,
      body: "",
    });
    expect((await fetch(`${peer.url}${path}`, { method: "DELETE", headers })).status).toBe(200);

    // The pool asks the bridges what they hold every ten minutes while turns come; this one is due.
    const pool = bridgePoolFor(env, ws.tenantId);
    await runInDurableObject(pool, (_instance, state) => state.storage.kv.delete("audit_at"));
    await routedTo(ws.tenantId, second);
    const resent = await vi.waitFor(
      async () => {
        const callbacks = await taken(peer.control_url, id);
        expect(callbacks).not.toHaveLength(0);
        return callbacks;
      },
      { timeout: 15_000, interval: 200 },
    );
    expect((await bridgeList(ws)).find((b) => b.id === second)?.index).toMatchObject({
      state: "filling",
    });
    expect(await routedTo(ws.tenantId, second)).toBe(first);

    await expect
      .poll(
        async () => {
          for (const callback of [...resent.splice(0), ...(await taken(peer.control_url, id))])
            await deliver(callback);
          return (await bridgeList(ws)).find((b) => b.id === second)?.index?.state;
        },
        { timeout: 15_000, interval: 300 },
      )
      .toBe("complete");
    expect(await heldAt(peer.url, PEER_SECRET, ws.tenantId)).toContain(id);
  });
});
