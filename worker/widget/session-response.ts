// What a new conversation session answers, for a widget visitor and for a member's test chat alike:
// a visitor token bound to the tenant, conversation, contact and the page's origin, and the socket URL
// that carries it.
import type { WidgetSessionResponse } from "@coach/contracts/widget";
import { workerConfig } from "../lib/config";
import { mintVisitorToken } from "../lib/visitor-token";
import { socketUrl } from "./socket-url";
import type { VisitorSession } from "./visitor-session";

export async function sessionResponse(
  env: Env,
  requestUrl: string,
  tenantId: string,
  session: VisitorSession,
  origin: string,
): Promise<WidgetSessionResponse> {
  const ttl = workerConfig(env).visitorTokenTtlSeconds;
  const token = await mintVisitorToken(env.VISITOR_TOKEN_SECRET, {
    tid: tenantId,
    cid: session.conversationId,
    sub: session.contactId,
    org: origin,
    exp: Math.floor(Date.now() / 1000) + ttl,
  });
  return {
    visitor_token: token,
    visitor_id: session.visitorId,
    conversation_id: session.conversationId,
    socket_url: socketUrl(requestUrl, token),
    expires_in: ttl,
  };
}
