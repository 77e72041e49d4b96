// Helpers for the dashboard-backend tests: a seeded workspace (a member of each role) that also has a
// widget and the test material, conversations opened as a widget visitor, and the inbox as the
// dashboard reads it.
import { env } from "cloudflare:workers";
import { forTenant } from "../../../worker/db/tenant-gateway";
import { newPublicKey } from "../../../worker/widget/widget-store";
import {
  ingestMaterial,
  openSession,
  SocketClient,
  type Workspace,
} from "../../support/widget-client";
import { call, seedWorkspace, type SeededWorkspace } from "../auth/helpers";

export type DashboardWorkspace = SeededWorkspace & Workspace;

/** A workspace with members of every role, a widget for the test origin, and the test material. */
export async function seedDashboardWorkspace(): Promise<DashboardWorkspace> {
  const seeded = await seedWorkspace();
  const publicKey = newPublicKey();
  await forTenant(env.DB, seeded.tenantId).insert("widgets", {
    id: crypto.randomUUID(),
    publicKey,
    allowedOrigins: ["https://creator.example"],
    settings: {},
  });
  await ingestMaterial(seeded.tenantId);
  return { ...seeded, publicKey };
}

/** A visitor's open socket and its conversation id. */
export async function visitor(
  workspace: DashboardWorkspace,
): Promise<{ client: SocketClient; conversationId: string }> {
  const session = await openSession(workspace);
  return { client: await SocketClient.connect(session), conversationId: session.conversation_id };
}

/** Sends a message on the socket and waits for its ack; the ack's seq. */
export async function say(client: SocketClient, text: string): Promise<number> {
  const clientId = crypto.randomUUID();
  client.send({ type: "message", client_id: clientId, text });
  const ack = await client.next((f) => f.type === "ack" && f.client_id === clientId);
  return (ack as { seq: number }).seq;
}

/** Sends a message and waits for the assistant's answer to it. */
export async function ask(
  client: SocketClient,
  text: string,
): Promise<{ seq: number; text: string; confidence: number | null }> {
  const seq = await say(client, text);
  return (await client.next((f) => f.type === "done" && f.seq > seq, 20_000)) as {
    seq: number;
    text: string;
    confidence: number | null;
  };
}

export type InboxItem = {
  id: string;
  channel: string;
  needs_human: boolean;
  taken_over: boolean;
  taken_over_by: { user_id: string; name: string } | null;
  low_confidence: boolean;
  message_count: number;
  last_preview: string | null;
  last_message_at: number | null;
  contact: {
    id: string;
    display_name: string | null;
    email: string | null;
    channel: string;
  } | null;
};

/** GET a dashboard path as `token`, failing the test on anything but 200. */
export async function getJson<T>(path: string, token: string): Promise<T> {
  const res = await call(path, { token });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Waits until the room has flushed its index (batched, about 2 s after the last message). */
export async function indexed(
  workspace: DashboardWorkspace,
  conversationId: string,
  check: (item: InboxItem) => boolean,
  timeoutMs = 15_000,
): Promise<InboxItem> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const item = await getJson<InboxItem>(
      `/api/v1/conversations/${conversationId}`,
      workspace.members.owner.token,
    );
    if (check(item)) return item;
    if (Date.now() > end)
      throw new Error(`conversation never reached the expected state: ${JSON.stringify(item)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
