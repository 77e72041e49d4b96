// What the outgoing-webhook suites share: the webhook as the API answers it, a URL at the test stack's
// webhook receiver, and registering an endpoint for events as the workspace's owner.
import { env } from "cloudflare:workers";
import { call } from "../auth/helpers";
import type { DashboardWorkspace } from "../conversations/inbox-helpers";

export type Webhook = { id: string; url: string; events: string[]; secret?: string };

/** A URL at the webhook receiver, which records what arrives under `name` (`/fail-<n>`: 500 to the first n). */
export function hookUrl(name: string, suffix = ""): string {
  return `${env.TEST_WEBHOOK_RECEIVER_URL}/hooks/${name}${suffix}`;
}

/** Registers an endpoint for the events as the workspace's owner; answers it with its signing secret. */
export async function register(
  workspace: DashboardWorkspace,
  events: string[],
  url: string,
): Promise<Webhook> {
  const res = await call("/api/v1/integrations/webhooks", {
    token: workspace.members.owner.token,
    body: { url, events, description: "test receiver" },
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (await res.json()) as Webhook;
}
