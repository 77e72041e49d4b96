// Helpers for the knowledge tests: uploading as the dashboard does (multipart), and delivering the
// bridge's signed status callbacks to the Worker. The bridge runs in Node and cannot call workerd, so
// its callbacks land on the test control server exactly as signed, and are replayed here unchanged.
import { QUESTION_CALLBACK_PATH, statusCallbackPath } from "@coach/contracts/knowledge";
import { env, exports } from "cloudflare:workers";
import type { CapturedCallback } from "../../support/bridge-stack";
import { openSession, ORIGIN, SocketClient } from "../../support/widget-client";
import { BASE, call, freshIp, type SeededWorkspace } from "../auth/helpers";

export type DocumentJson = {
  id: string;
  title: string;
  kind: string;
  status: string;
  status_reason: string | null;
  chunk_count: number;
  page_count: number | null;
  size_bytes: number;
};

/** Uploads `bytes` as the multipart field `file`, under a name and declared type of the caller's choice. */
export function upload(
  token: string,
  bytes: Uint8Array,
  name = "notes.md",
  type = "text/markdown",
): Promise<Response> {
  const form = new FormData();
  form.set("file", new File([bytes], name, { type }));
  return exports.default.fetch(`${BASE}/api/v1/knowledge/documents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "CF-Connecting-IP": freshIp() },
    body: form,
  });
}

/** Takes the callbacks the bridge sent to `path` whose body contains `contains`. */
export async function takeCallbacks(path: string, contains: string): Promise<CapturedCallback[]> {
  const query = new URLSearchParams({ path, contains });
  return (await (
    await fetch(`${env.TEST_CONTROL_URL}/callbacks?${query.toString()}`)
  ).json()) as CapturedCallback[];
}

/** Delivers one captured callback to the Worker. */
export function deliver(callback: CapturedCallback): Promise<Response> {
  return exports.default.fetch(`${BASE}${callback.path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Bridge-Timestamp": callback.timestamp,
      "X-Bridge-Signature": callback.signature,
    },
    body: callback.body,
  });
}

/** Delivers the document's callbacks until one is final (ready or failed); returns the document then. */
export async function settle(token: string, id: string, timeoutMs = 20_000): Promise<DocumentJson> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const callback of await takeCallbacks(statusCallbackPath(id), id)) await deliver(callback);
    const document = (await (
      await call(`/api/v1/knowledge/documents/${id}`, { token })
    ).json()) as DocumentJson;
    if (document.status === "ready" || document.status === "failed") return document;
    if (Date.now() > deadline) throw new Error(`document ${id} still ${document.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A visitor of `workspace`, on its widget opened to the test origin, asks `question` in a new
 * conversation; with no material it falls back, and the bridge reports it. That report, as signed:
 * it carries the question as the bridge received it.
 */
export async function reportedQuestion(
  workspace: SeededWorkspace,
  question: string,
): Promise<CapturedCallback> {
  const owner = workspace.members.owner.token;
  const widget = (await (
    await call("/api/v1/widget", {
      method: "PUT",
      token: owner,
      body: { allowed_origins: [ORIGIN] },
    })
  ).json()) as { public_key: string };
  const session = await openSession({ tenantId: workspace.tenantId, publicKey: widget.public_key });
  const client = await SocketClient.connect(session);
  client.send({ type: "message", client_id: crypto.randomUUID(), text: question });
  await client.next((f) => f.type === "done", 10_000);
  client.close();
  for (let i = 0; i < 50; i++) {
    const [report] = await takeCallbacks(QUESTION_CALLBACK_PATH, session.conversation_id);
    if (report) return report;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the bridge sent no report");
}
