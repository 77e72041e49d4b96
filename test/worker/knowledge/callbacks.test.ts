// The bridge's status callbacks: accepted only when signed with the shared secret, and never able to
// move a document backwards (a replayed or stale callback changes nothing).
import { env, exports } from "cloudflare:workers";
import { signRequest } from "@coach/contracts/signature";
import { statusCallbackPath, type IngestStatusCallbackInput } from "@coach/contracts/knowledge";
import { beforeAll, describe, expect, it } from "vitest";
import { BASE, call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";
import { settle, upload, type DocumentJson } from "./helpers";

let ws: SeededWorkspace;
let token: string;
let documentId: string;

async function post(
  body: IngestStatusCallbackInput,
  secret = env.BRIDGE_SECRET,
): Promise<Response> {
  const path = statusCallbackPath(body.document_id);
  const raw = JSON.stringify(body);
  const headers = await signRequest(secret, { method: "POST", pathWithQuery: path, body: raw });
  return exports.default.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: raw,
  });
}

beforeAll(async () => {
  ws = await seedWorkspace();
  token = ws.members.editor.token;
  documentId = (
    (await (
      await upload(token, new TextEncoder().encode("Breathe slowly and often."))
    ).json()) as DocumentJson
  ).id;
  await settle(token, documentId);
});

describe("status callbacks", () => {
  it("refuses a callback signed with another secret", async () => {
    const res = await post(
      {
        tenant_id: ws.tenantId,
        document_id: documentId,
        attempt: 1,
        seq: 99,
        status: "failed",
        reason: "forged",
      },
      "not-the-bridge-secret-0123456789abcdef",
    );
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("signature_invalid");
  });

  it("refuses an unsigned callback", async () => {
    const res = await exports.default.fetch(`${BASE}${statusCallbackPath(documentId)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(401);
  });

  it("ignores a callback from an earlier attempt or not newer than the last one applied", async () => {
    const res = await post({
      tenant_id: ws.tenantId,
      document_id: documentId,
      attempt: 1,
      seq: 1,
      status: "processing",
    });
    expect(await res.json()).toEqual({ applied: false });
    const document = (await (
      await call(`/api/v1/knowledge/documents/${documentId}`, { token })
    ).json()) as DocumentJson;
    expect(document.status).toBe("ready");
  });

  it("cannot touch a document through another tenant's id", async () => {
    const other = await seedWorkspace();
    const res = await post({
      tenant_id: other.tenantId,
      document_id: documentId,
      attempt: 1,
      seq: 50,
      status: "failed",
      reason: "x",
    });
    expect(res.status).toBe(404);
  });
});
