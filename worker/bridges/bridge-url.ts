// Where a workspace's bridge may be: the same host rules as outgoing webhooks (webhook-url.ts: https
// to a public host; plain http to 127.0.0.1 or localhost only where WEBHOOKS_ALLOW_LOCAL_HTTP is on,
// for local runs and tests), because the edge calls this address with the workspace's secrets and
// must never be turned into a way into the edge's own network. A bridge is an origin: the edge adds
// the paths (`/v1/chat`, `/health`) itself.
import { webhookUrlProblem } from "../integrations/webhook-url";

export type BridgeUrlProblem = {
  code: "invalid_bridge_url" | "bridge_url_internal";
  message: string;
};

type UrlEnv = Parameters<typeof webhookUrlProblem>[0];

function invalid(message: string): BridgeUrlProblem {
  return { code: "invalid_bridge_url", message };
}

/** The bridge's origin (`https://bridge.example.com`), or why it cannot be used. */
export async function checkBridgeUrl(
  env: UrlEnv,
  raw: string,
): Promise<{ origin: string } | { problem: BridgeUrlProblem }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return {
      problem: invalid(
        "The bridge URL is not a valid URL. Use its tunnel's address, such as https://bridge.example.com.",
      ),
    };
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash)
    return {
      problem: invalid(
        "The bridge URL is an origin only (https://bridge.example.com), without a path, query or fragment.",
      ),
    };
  const problem = await webhookUrlProblem(env, raw);
  if (problem?.code === "webhook_url_internal")
    return {
      problem: {
        code: "bridge_url_internal",
        message:
          "The bridge URL points at an internal address (loopback, private, link-local or reserved). Use the public https address of the bridge's Cloudflare Tunnel.",
      },
    };
  if (problem)
    return {
      problem: invalid(
        url.username || url.password
          ? "The bridge URL must not contain a user name or password; the signing secret authenticates the edge's requests."
          : "The bridge URL must use https (its Cloudflare Tunnel's address).",
      ),
    };
  return { origin: url.origin };
}
