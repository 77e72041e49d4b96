// The export's links to original files: a signed link downloads the file as uploaded, without a
// sign-in; a changed, expired or other tenant's link is refused with a code that says why.
import { env, exports } from "cloudflare:workers";
import type { WorkspaceExport } from "@coach/contracts/workspace-export";
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { originalLink } from "../../../worker/workspace/original-links";
import { BASE, call, errorOf, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

const TEXT = "Dim the lights an hour before bed, and keep the phone in another room.";

let mine: SeededWorkspace;
let theirs: SeededWorkspace;
let documentId: string;
let link: string;
let theirDocumentId: string;

async function upload(workspace: SeededWorkspace, title: string): Promise<string> {
  const res = await call("/api/v1/knowledge/documents", {
    token: workspace.members.owner.token,
    body: { title, text: TEXT },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { id: string }).id;
}

async function exportOf(workspace: SeededWorkspace): Promise<WorkspaceExport> {
  const res = await call("/api/v1/workspace/export", { token: workspace.members.owner.token });
  return (await res.json()) as WorkspaceExport;
}

const open = (url: string) => exports.default.fetch(url);

beforeAll(async () => {
  [mine, theirs] = await Promise.all([seedWorkspace(), seedWorkspace()]);
  documentId = await upload(mine, "Evening notes");
  theirDocumentId = await upload(theirs, "Their notes");
  const document = (await exportOf(mine)).documents.find((d) => d.id === documentId);
  link = document?.original_url ?? "";
  expect(link.startsWith(`${BASE}/api/v1/originals/`)).toBe(true);
});

describe("GET /api/v1/originals/:tenant_id/:document_id", () => {
  it("downloads the original file with a signed link, named after the document", async () => {
    const res = await open(link);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(TEXT);
    expect(res.headers.get("Content-Disposition")).toContain('filename="Evening notes.txt"');
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("refuses a link whose signature was changed", async () => {
    const url = new URL(link);
    const signature = url.searchParams.get("signature") ?? "";
    url.searchParams.set("signature", `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`);
    const res = await open(url.toString());
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("signature_invalid");
  });

  it("refuses a link whose expiry was pushed back", async () => {
    const url = new URL(link);
    url.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 86_400));
    const res = await open(url.toString());
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("signature_invalid");
  });

  it("refuses an expired link", async () => {
    const expired = await originalLink(env.VISITOR_TOKEN_SECRET, BASE, {
      tenantId: mine.tenantId,
      documentId,
      expires: Math.floor(Date.now() / 1000) - 60,
    });
    const res = await open(expired);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe("signature_expired");
  });

  it("refuses another tenant's document, through a changed link or a signed one", async () => {
    const swapped = link.replace(documentId, theirDocumentId);
    const changed = await open(swapped);
    expect(changed.status).toBe(403);
    expect((await errorOf(changed)).code).toBe("signature_invalid");
    // Even correctly signed, a link reaches only the documents of the tenant it names.
    const signed = await originalLink(env.VISITOR_TOKEN_SECRET, BASE, {
      tenantId: mine.tenantId,
      documentId: theirDocumentId,
      expires: Math.floor(Date.now() / 1000) + 60,
    });
    const res = await open(signed);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it("has no link, and refuses the old one, once retention removed the original", async () => {
    await forTenant(env.DB, mine.tenantId).update("documents", documentId, {
      originalRemovedAt: Date.now(),
    });
    const document = (await exportOf(mine)).documents.find((d) => d.id === documentId);
    expect(document?.original_url).toBeNull();
    const res = await open(link);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).code).toBe("original_removed");
  });
});
