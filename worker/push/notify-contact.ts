// Tells a person's devices about a new message by Web Push: each subscription of their linked contacts
// gets the message's title, a short body and where it sits (conversation, seq), encrypted for it; a
// subscription its push service reports gone (404/410) is removed. Without VAPID keys push is off and
// nothing is sent.
import type { PushPayload } from "@coach/contracts/companion-app";
import { linkGroup } from "../db/contact-links";
import { forTenant } from "../db/tenant-gateway";
import { describeError, type Logger } from "../lib/logger";
import { loadPersona } from "../persona/load-persona";
import { allowsLocalHttp, pushEndpointAllowed } from "./push-endpoint";
import { subscriptionsOf } from "./push-subscriptions";
import { sendPush } from "./send-push";
import { vapidKeys } from "./vapid";

/** A notification shows a line or two; the app shows the whole message. */
const BODY_CHARS = 180;

export type PushMessage = { conversationId: string; seq: number; text: string };

export type NotifyResult = { sent: number; removed: number; failed: number };

type PushEnv = Pick<Env, "DB" | "JWT_ISSUER"> & {
  VAPID_PUBLIC_KEY?: string;
  VAPID_PRIVATE_KEY?: string;
  PUSH_ALLOW_LOCAL_HTTP?: string;
};

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max = BODY_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Pushes `message` to every device of the person behind `contactId`. */
export async function notifyContact(
  env: PushEnv,
  tenantId: string,
  contactId: string,
  message: PushMessage,
  logger: Logger,
): Promise<NotifyResult> {
  const result: NotifyResult = { sent: 0, removed: 0, failed: 0 };
  const pendingKeys = vapidKeys(env);
  if (!pendingKeys) return result;
  const gateway = forTenant(env.DB, tenantId);
  const subscriptions = await subscriptionsOf(
    gateway,
    await linkGroup(env.DB, tenantId, contactId),
  );
  if (subscriptions.length === 0) return result;
  const keys = await pendingKeys;
  const { persona } = await loadPersona(env.DB, tenantId);
  const payload: PushPayload = {
    title: persona.name,
    body: shorten(message.text),
    conversation_id: message.conversationId,
    seq: message.seq,
  };
  const plaintext = new TextEncoder().encode(JSON.stringify(payload));
  // The deployment's public origin is who push services may write to about our traffic.
  const subject = new URL(env.JWT_ISSUER).origin;
  for (const subscription of subscriptions) {
    if (!pushEndpointAllowed(subscription.endpoint, allowsLocalHttp(env))) continue;
    const outcome = await sendPush(subscription, plaintext, { keys, subject });
    const fields = { subscription_id: subscription.id, contact_id: subscription.contactId };
    if (outcome.kind === "sent") result.sent += 1;
    else if (outcome.kind === "gone") {
      await gateway.remove("pushSubscriptions", subscription.id).catch((error: unknown) => {
        logger.warn("push subscription already removed", { ...fields, ...describeError(error) });
      });
      result.removed += 1;
      logger.info("push subscription expired and removed", { ...fields, status: outcome.status });
    } else {
      result.failed += 1;
      logger.warn("push message refused", {
        ...fields,
        status: outcome.status,
        detail: outcome.detail,
      });
    }
  }
  return result;
}
